package io.tandem.metrics;

import java.sql.Types;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The scope rules of metrics.md section 0 as the leading common table expressions of every revenue
 * and retention query, so that the range, the horizon, the team and segment filters and MRR by month
 * have one home in SQL. A query's text is {@code MetricScope.CTES + """ its_own_cte as (...) select ..."""}:
 * a compile-time constant, never built from input. The CTEs read the parameters {@code :from},
 * {@code :to}, {@code :team} and {@code :segment}; bind them with {@link #bind}.
 *
 * <p>CTEs it defines:
 * <ul>
 *   <li>{@code org}: the settings row;</li>
 *   <li>{@code bounds}: {@code first_month} = month(from), {@code last_month} = month(to) capped at the
 *       reporting {@code horizon};</li>
 *   <li>{@code range_months}: the months first_month..last_month (none after the horizon);</li>
 *   <li>{@code segment_labels}: the four segments ({@code tier} SMALL, MEDIUM, LARGE, UNKNOWN, their
 *       {@code position} and {@code segment} label from the seat bounds in settings);</li>
 *   <li>{@code scoped_accounts}: accounts passing the team and segment filters, with {@code segment}
 *       (label) and {@code tier} (SMALL, MEDIUM, LARGE, UNKNOWN);</li>
 *   <li>{@code account_mrr}: one row per scoped account and month from its first month to the horizon,
 *       with {@code mrr} = MRR(m), {@code prev_mrr} = MRR(m-1), {@code mrr_12_ago} = MRR(m-12) (0 before
 *       the account's first month), {@code cohort} (first month with MRR &gt; 0, null if none) and
 *       {@code had_mrr_before} (some month before m had MRR &gt; 0).</li>
 * </ul>
 */
public final class MetricScope {

    public static final String CTES = """
            with org as (
                select s.time_zone,
                       s.currency,
                       s.gross_margin,
                       s.monthly_marketing_spend,
                       s.segment_small_max,
                       s.segment_medium_max
                from settings s
            ),
            -- state metrics are read at the end of each month of the range, never after the reporting
            -- horizon (section 0): months after it are absent, not zero
            bounds as (
                select date_trunc('month', cast(:from as date))::date                   as first_month,
                       least(date_trunc('month', cast(:to as date))::date, h.month)    as last_month,
                       h.month                                                          as horizon
                from reporting_horizon h
            ),
            range_months as (
                select m::date as month
                from bounds b
                cross join lateral generate_series(b.first_month, b.last_month, interval '1 month') as m
            ),
            -- segment from seats with the bounds in settings; an account without seats is 'unknown',
            -- its own segment, never folded into the smallest one (section 0)
            segment_labels as (
                select t.tier,
                       t.position,
                       case t.tier
                           when 'SMALL' then '1-' || o.segment_small_max
                           when 'MEDIUM' then (o.segment_small_max + 1) || '-' || o.segment_medium_max
                           when 'LARGE' then (o.segment_medium_max + 1) || '+'
                           else 'unknown'
                       end as segment
                from (values ('SMALL', 1), ('MEDIUM', 2), ('LARGE', 3), ('UNKNOWN', 4)) as t (tier, position)
                cross join org o
            ),
            account_segment as (
                select a.id as account_id,
                       r.team,
                       sl.segment,
                       sl.tier
                from accounts a
                cross join org o
                left join reps r on r.id = a.owner_rep_id
                join segment_labels sl on sl.tier = case
                                                       when a.seats is null then 'UNKNOWN'
                                                       when a.seats <= o.segment_small_max then 'SMALL'
                                                       when a.seats <= o.segment_medium_max then 'MEDIUM'
                                                       else 'LARGE'
                                                   end
            ),
            -- team filter: accounts whose owner rep is in the team; accounts without an owner rep
            -- appear only without a team filter (section 0)
            scoped_accounts as (
                select s.account_id, s.segment, s.tier
                from account_segment s
                where (cast(:team as text) is null or s.team = cast(:team as text))
                  and (cast(:segment as text) is null or s.segment = cast(:segment as text))
            ),
            scoped_view_rows as (
                select v.account_id, v.month, v.mrr
                from account_month_mrr v
                join scoped_accounts sa on sa.account_id = v.account_id
            ),
            -- account_month_mrr is the one home of MRR by month (section 1); its rows are contiguous per
            -- account. Flat accounts' rows stop before their churn month: the months after, up to the
            -- horizon, are MRR 0 here, like the gaps of a revenue history.
            dense_mrr as (
                select r.account_id, r.month, r.mrr
                from scoped_view_rows r
                union all
                select l.account_id, m::date, 0
                from (select account_id, max(month) as last_month from scoped_view_rows group by account_id) l
                cross join bounds b
                cross join lateral generate_series(l.last_month + interval '1 month', b.horizon, interval '1 month') as m
            ),
            account_mrr as (
                select d.account_id,
                       sa.segment,
                       sa.tier,
                       d.month,
                       d.mrr,
                       coalesce(lag(d.mrr) over w, 0)                                     as prev_mrr,
                       coalesce(lag(d.mrr, 12) over w, 0)                                 as mrr_12_ago,
                       min(d.month) filter (where d.mrr > 0) over (partition by d.account_id) as cohort,
                       coalesce(bool_or(d.mrr > 0) over (w rows between unbounded preceding and 1 preceding),
                                false)                                                    as had_mrr_before
                from dense_mrr d
                join scoped_accounts sa on sa.account_id = d.account_id
                window w as (partition by d.account_id order by d.month)
            ),
            """;

    private MetricScope() {
    }

    /** Binds {@code :from}, {@code :to}, {@code :team} and {@code :segment}. */
    public static StatementSpec bind(StatementSpec spec, MetricFilter filter) {
        return spec
                .param("from", filter.from(), Types.DATE)
                .param("to", filter.to(), Types.DATE)
                .param("team", filter.team(), Types.VARCHAR)
                .param("segment", filter.segment(), Types.VARCHAR);
    }
}
