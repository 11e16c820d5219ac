-- Whom a ticket's rating and close are credited to, and when a rating counts: written once, here, and
-- read by the metric queries (MetricScope's support CTEs, LeadingIndicatorsQuery) and by the rep_tier_month
-- rollup (R__rep_tier_month.sql), so the raw figures and the rollup cannot drift apart.
-- Flyway applies repeatable migrations in the order of their names: this one before R__rep_tier_month.

-- The instant a rating counts at (an event's timestamp, metrics.md section 0): its rated_at, else its
-- ticket's close, else its opening. The rollup's triggers date the rows of a statement's transition
-- tables with it, which the view below no longer sees.
create or replace function rating_time(rated_at timestamptz, closed_at timestamptz, opened_at timestamptz)
    returns timestamptz
    language sql immutable parallel safe
    return coalesce(rated_at, closed_at, opened_at);

-- One row per ticket. metrics.md section 3: a rating is credited to its own rep when given, else to the
-- ticket's rep (null: neither, team figures only); a closed ticket is credited like its rating, so that a
-- rated ticket falls in the same team in the rating count and in the rating rate's denominator.
--   rated:        the ticket has a rating (a filter on it makes the join an inner one, led by ratings)
--   rating:       great, ok or not_good; null when unrated
--   rated_at:     rating_time() of the rating; null when unrated
--   own_rated_at: the rating's own rated_at, for ratings_rated_idx
-- A plain view: the planner inlines it, so a filter on closed_at or own_rated_at still uses their indexes.
create or replace view ticket_credit as
select t.id                                                                          as ticket_id,
       t.account_id,
       coalesce(rt.rep_id, t.rep_id)                                                 as rep_id,
       rt.ticket_id is not null                                                      as rated,
       rt.rating,
       case when rt.ticket_id is not null then rating_time(rt.rated_at, t.closed_at, t.opened_at) end as rated_at,
       rt.rated_at                                                                   as own_rated_at,
       t.opened_at,
       t.closed_at,
       t.agent_replies,
       t.handle_minutes,
       t.escalated
from tickets t
left join ratings rt on rt.ticket_id = t.id;
