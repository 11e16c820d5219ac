-- How a rollup follows its source tables (docs/scaling.md section 5), written once for every rollup.
-- Repeatable migrations run in the order of their names: this one ("0 ...") runs before the rollups
-- that call it.

-- The four statement triggers a rollup keeps on a source table, each calling fn: insert and delete
-- with their transition table (new_rows, old_rows), update with both, and truncate.
create or replace procedure create_rollup_triggers(source regclass, prefix text, fn text)
    language plpgsql as $$
begin
    execute format('create or replace trigger %I after insert on %s '
                   'referencing new table as new_rows for each statement execute function %I()',
                   prefix || '_insert', source, fn);
    execute format('create or replace trigger %I after update on %s '
                   'referencing old table as old_rows new table as new_rows for each statement execute function %I()',
                   prefix || '_update', source, fn);
    execute format('create or replace trigger %I after delete on %s '
                   'referencing old table as old_rows for each statement execute function %I()',
                   prefix || '_delete', source, fn);
    execute format('create or replace trigger %I after truncate on %s for each statement execute function %I()',
                   prefix || '_truncate', source, fn);
end $$;

-- A trigger on settings calling fn when a difficulty threshold changes (metrics.md section 3: the
-- thresholds set every ticket's tier).
create or replace procedure create_threshold_trigger(name text, fn text)
    language plpgsql as $$
begin
    execute format('create or replace trigger %I '
                   'after update of hard_min_replies, hard_min_minutes, easy_max_replies, easy_max_minutes on settings '
                   'for each row '
                   'when ((old.hard_min_replies, old.hard_min_minutes, old.easy_max_replies, old.easy_max_minutes) '
                   'is distinct from (new.hard_min_replies, new.hard_min_minutes, new.easy_max_replies, new.easy_max_minutes)) '
                   'execute function %I()', name, fn);
end $$;

-- A trigger on settings calling fn when a segment bound changes (metrics.md section 0: the bounds set every
-- account's segment, a dimension of rep_tier_month and rep_week).
create or replace procedure create_segment_bounds_trigger(name text, fn text)
    language plpgsql as $$
begin
    execute format('create or replace trigger %I '
                   'after update of segment_small_max, segment_medium_max on settings '
                   'for each row '
                   'when ((old.segment_small_max, old.segment_medium_max) '
                   'is distinct from (new.segment_small_max, new.segment_medium_max)) '
                   'execute function %I()', name, fn);
end $$;
