-- Issue 16: the account's segment becomes a dimension of the rollups rep_tier_month and rep_week, so that
-- happiness and response time under a segment filter read the rollups instead of every rating and ticket
-- of the range.
--
-- segment_tier: the segment of an account from its seats and the bounds in settings (metrics.md
-- section 0): SMALL, MEDIUM, LARGE, or UNKNOWN without seats (its own segment, never the smallest).
-- Its one home: MetricScope's account_segment and the rollups call it (an SQL function this simple
-- is inlined, so the planner sees the same expression as before).
create function segment_tier(seats integer, small_max integer, medium_max integer) returns text
    language sql immutable parallel safe
    return case
               when seats is null then 'UNKNOWN'
               when seats <= small_max then 'SMALL'
               when seats <= medium_max then 'MEDIUM'
               else 'LARGE'
           end;

-- the row functions and their views return one more column: R__rep_tier_month.sql and R__rep_week.sql
-- define them again
drop view rep_tier_month_history;
drop function rep_tier_month_rows(timestamptz, timestamptz);
drop view rep_week_history;
drop function rep_week_rows(timestamptz, timestamptz);

-- segment: the segment_tier of the ticket's account (null: a ticket without an account, a prospect's)
alter table rep_tier_month add column segment text;
alter table rep_tier_month drop constraint rep_tier_month_month_rep_id_tier_key;
alter table rep_tier_month add constraint rep_tier_month_key unique nulls not distinct (month, rep_id, tier, segment);
alter table rep_week add column segment text;
alter table rep_week drop constraint rep_week_week_rep_id_key;
alter table rep_week add constraint rep_week_key unique nulls not distinct (week, rep_id, segment);
