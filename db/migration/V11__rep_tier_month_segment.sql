-- Issue 16: the account's segment becomes a dimension of the rollup rep_tier_month, so that happiness
-- under a segment filter reads the rollup instead of every rating and closed ticket of the range.
--
-- segment_tier: the segment of an account from its seats and the bounds in settings (metrics.md
-- section 0): SMALL, MEDIUM, LARGE, or UNKNOWN without seats (its own segment, never the smallest).
-- Its one home: MetricScope's account_segment and the rollup both call it (an SQL function this simple
-- is inlined, so the planner sees the same expression as before).
create function segment_tier(seats integer, small_max integer, medium_max integer) returns text
    language sql immutable parallel safe
    return case
               when seats is null then 'UNKNOWN'
               when seats <= small_max then 'SMALL'
               when seats <= medium_max then 'MEDIUM'
               else 'LARGE'
           end;

-- the row function and its view return one more column: R__rep_tier_month.sql defines them again
drop view rep_tier_month_history;
drop function rep_tier_month_rows(timestamptz, timestamptz);

-- segment: the segment_tier of the ticket's account (null: a ticket without an account, a prospect's)
alter table rep_tier_month add column segment text;
alter table rep_tier_month drop constraint rep_tier_month_month_rep_id_tier_key;
alter table rep_tier_month add constraint rep_tier_month_key unique nulls not distinct (month, rep_id, tier, segment);
