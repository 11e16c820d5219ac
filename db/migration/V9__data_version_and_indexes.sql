-- The version of the data the metrics are computed from. Every statement that writes a table a metric
-- reads bumps it (statement-level triggers, so that every write path counts: imports, the demo loader,
-- settings changes, manual SQL). The app caches metric results under the version they were read at:
-- a cached figure is never served once a write has committed, whichever app instance made it.
create table data_version (
    id      integer primary key default 1 check (id = 1),
    version bigint  not null default 0
);
insert into data_version (id, version) values (1, 0);

create function bump_data_version() returns trigger
    language plpgsql as
$$
begin
    update data_version set version = version + 1 where id = 1;
    return null;
end
$$;

do
$$
    declare
        t text;
    begin
        foreach t in array array ['settings', 'reps', 'accounts', 'customers', 'revenue', 'tickets', 'ratings', 'deals']
            loop
                execute format('create trigger %I after insert or update or delete or truncate on %I'
                                   || ' for each statement execute function bump_data_version()',
                               t || '_data_version', t);
            end loop;
    end
$$;

-- the rating-rate denominator reads tickets closed in the range (metrics.md section 3)
create index tickets_closed_idx on tickets (closed_at);
