-- MRR by account and month: the source of truth of every revenue and retention metric
-- (metrics.md section 1). One home for the rules of section 0:
--  * reporting horizon = last month with revenue rows, else the current month in the
--    organisation's time zone; no month after it is produced;
--  * an account with revenue rows has exactly that MRR, and every month from its first row
--    to the horizon without a row of its own is MRR 0;
--  * an account without revenue rows but with mrr > 0 is flat from month(signed_up_at)
--    to the month before month(churned_at).
create view reporting_horizon as
select coalesce(
           (select max(month) from revenue),
           date_trunc('month', now() at time zone (select time_zone from settings where id = 1))::date
       ) as month;

create view account_month_mrr as
with first_rows as (
    select account_id, min(month) as first_month
    from revenue
    group by account_id
),
history as (
    select f.account_id, m::date as month, coalesce(r.mrr, 0) as mrr
    from first_rows f
    cross join reporting_horizon h
    cross join lateral generate_series(f.first_month, h.month, interval '1 month') as m
    left join revenue r on r.account_id = f.account_id and r.month = m::date
),
flat as (
    select a.id as account_id, m::date as month, a.mrr
    from accounts a
    cross join reporting_horizon h
    cross join settings s
    cross join lateral generate_series(
        date_trunc('month', a.signed_up_at at time zone s.time_zone),
        least(h.month::timestamp,
              coalesce(date_trunc('month', a.churned_at at time zone s.time_zone) - interval '1 month', h.month::timestamp)),
        interval '1 month') as m
    where a.mrr > 0
      and not exists (select 1 from revenue r where r.account_id = a.id)
)
select account_id, month, mrr from history
union all
select account_id, month, mrr from flat;
