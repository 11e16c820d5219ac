-- account_month_current (V4) read the from-scratch view in a union branch that a one-time filter
-- skips. Skipped at run time, but planned: the view's estimates (billions of rows) made the planner
-- pick nested loops over the whole rollup (ContactRateQuery: 20 s instead of 0.1 s on demo data).
-- The fallback is now a PL/pgSQL function, which the planner neither inlines nor expands: one
-- estimated row, and it returns nothing unless the clock moved the horizon past the table's.
create function account_month_if_stale() returns setof account_month
    language plpgsql stable rows 1 as $$
begin
    if exists (select 1 from rollup_state s, reporting_horizon h where s.horizon is distinct from h.month) then
        return query select h.account_id, h.month, h.mrr::numeric(14,2), h.prev_mrr::numeric(14,2),
                            h.mrr_12_ago::numeric(14,2), h.cohort, h.had_mrr_before
                     from account_month_history h;
    end if;
end $$;

drop view account_month_current;
create view account_month_current as
select m.account_id, m.month, m.mrr, m.prev_mrr, m.mrr_12_ago, m.cohort, m.had_mrr_before
from account_month m
where exists (select 1 from rollup_state s, reporting_horizon h where s.horizon is not distinct from h.month)
union all
select f.account_id, f.month, f.mrr, f.prev_mrr, f.mrr_12_ago, f.cohort, f.had_mrr_before
from account_month_if_stale() f;
