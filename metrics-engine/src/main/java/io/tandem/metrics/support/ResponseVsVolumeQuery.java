package io.tandem.metrics.support;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import io.tandem.metrics.Rate;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Response time against volume per ISO week and per rep, load balance and the elasticity of median FRT
 * on volume (metrics.md section 2). One statement: rows per rep and ISO week (counts, the FRTs of answered
 * tickets and the customers helped), from the rollup rep_week (raw rows only in the test that compares both);
 * then week rows (each carrying the team-wide load balance and elasticity) and rep rows, told apart by
 * {@code kind}.
 */
@Component
public class ResponseVsVolumeQuery {

    /** Per rep and ISO week, from raw rows: any range, any filter. */
    private static final String RAW_REP_WEEKS = MetricScope.CTES + MetricScope.SUPPORT_CTES + """
            -- section 2: customers helped are distinct people with an answered ticket; the FRTs are those of
            -- answered tickets only (unanswered tickets are counted apart, never as 0)
            rep_weeks as (
                select st.week,
                       st.rep,
                       count(*)                                                         as tickets,
                       count(*) filter (where not st.answered)                          as unanswered,
                       sum(st.agent_replies) filter (where st.answered)                 as replies,
                       count(*) filter (where st.tier = 'hard')                         as hard,
                       coalesce(array_agg(st.frt) filter (where st.answered), '{}')     as frts,
                       coalesce(array_agg(distinct st.customer_id) filter (where st.answered), '{}') as customers
                from scoped_tickets st
                group by st.week, st.rep
            ),
            """;

    /**
     * The same rows from the rollup rep_week (V8 and V11 migrations), under any team and segment filter: the
     * whole weeks of the range from the table, the partial weeks at its edges (at most six days each) from raw rows through the
     * rollup's own definition, rep_week_rows.
     */
    private static final String ROLLUP_REP_WEEKS = MetricScope.CTES + MetricScope.SUPPORT_CTES + """
            -- the Mondays of the first and last weeks wholly inside the range (none when first > last) and the
            -- instants they span; without whole weeks the span is empty, at the range's end
            whole_weeks as (
                select w.first_week,
                       w.last_week,
                       case when w.first_week <= w.last_week
                            then w.first_week::timestamp at time zone o.time_zone else ri.ends end       as starts,
                       case when w.first_week <= w.last_week
                            then (w.last_week + 7)::timestamp at time zone o.time_zone else ri.ends end  as ends
                from (select date_trunc('week', cast(:from as date) + 6)::date as first_week,
                             date_trunc('week', cast(:to as date) - 6)::date   as last_week) w
                cross join org o
                cross join range_instants ri
            ),
            week_rows as (
                select rw.*
                from rep_week rw
                where rw.week between (select first_week from whole_weeks) and (select last_week from whole_weeks)
                union all
                select *
                from rep_week_rows((select starts from range_instants), (select starts from whole_weeks))
                union all
                select *
                from rep_week_rows((select ends from whole_weeks), (select ends from range_instants))
            ),
            rep_weeks as (
                select wr.week,
                       r.external_id as rep,
                       wr.tickets,
                       wr.unanswered,
                       wr.replies,
                       wr.hard,
                       wr.frts,
                       wr.customers
                from week_rows wr
                left join reps r on r.id = wr.rep_id
                where (cast(:team as text) is null or r.team = cast(:team as text))
                  -- the segment of the ticket's account, as scoped_tickets reads it (V11); a prospect's
                  -- ticket has none
                  and (cast(:segment as text) is null
                       or wr.segment = (select sl.tier from segment_labels sl where sl.segment = cast(:segment as text)))
            ),
            """;

    /** Everything after the rows per rep and week: the same for both. */
    private static final String FIGURES = """
            -- section 0: the ISO weeks (Monday first) that overlap the range; a week cut by it is partial
            range_weeks as (
                select w::date                                                         as week,
                       w::date < cast(:from as date) or w::date + 6 > cast(:to as date) as partial
                from generate_series(date_trunc('week', cast(:from as date)::timestamp),
                                     date_trunc('week', cast(:to as date)::timestamp),
                                     interval '7 days') as w
            ),
            -- counts add up over reps; FRT percentiles (continuous) and distinct customers are taken over the
            -- unnested FRTs and customers of the rows, so they are exact over any set of weeks and reps; one
            -- pass each for the week and the rep level (grouping sets, told apart by by_week)
            week_counts as (
                select rw.week,
                       rw.partial,
                       coalesce(sum(x.tickets), 0)    as tickets,
                       coalesce(sum(x.unanswered), 0) as unanswered,
                       sum(x.replies)                 as replies
                from range_weeks rw
                left join rep_weeks x on x.week = rw.week
                group by rw.week, rw.partial
            ),
            frt_figures as (
                select grouping(x.week) = 0                                                       as by_week,
                       x.week,
                       x.rep,
                       extract(epoch from percentile_cont(0.5) within group (order by f.frt)) / 60 as median_frt,
                       extract(epoch from percentile_cont(0.9) within group (order by f.frt)) / 60 as p90_frt,
                       extract(epoch from avg(f.frt)) / 60                                        as mean_frt
                from rep_weeks x
                cross join lateral unnest(x.frts) as f (frt)
                group by grouping sets ((x.week), (x.rep))
            ),
            customer_figures as (
                select grouping(d.week) = 0           as by_week,
                       d.week,
                       d.rep,
                       count(distinct d.customer_id) as customers_helped
                from (select x.week, x.rep, c.customer_id
                      from rep_weeks x
                      cross join lateral unnest(x.customers) as c (customer_id)) d
                group by grouping sets ((d.week), (d.rep))
            ),
            week_figures as (
                select wc.week,
                       wc.partial,
                       coalesce(cu.customers_helped, 0) as customers_helped,
                       wc.tickets,
                       wc.unanswered,
                       wc.replies,
                       wf.median_frt,
                       wf.p90_frt,
                       wf.mean_frt
                from week_counts wc
                left join frt_figures wf on wf.by_week and wf.week = wc.week
                left join customer_figures cu on cu.by_week and cu.week = wc.week
            ),
            rep_counts as (
                select x.rep,
                       sum(x.tickets)::bigint    as tickets,
                       sum(x.unanswered)::bigint as unanswered,
                       sum(x.replies)            as replies,
                       sum(x.hard)::bigint       as hard
                from rep_weeks x
                where x.rep is not null
                group by x.rep
            ),
            rep_figures as (
                select rc.rep,
                       coalesce(cu.customers_helped, 0) as customers_helped,
                       rc.tickets,
                       rc.unanswered,
                       rc.replies,
                       rf.median_frt,
                       rf.p90_frt,
                       rc.hard
                from rep_counts rc
                left join frt_figures rf on not rf.by_week and rf.rep = rc.rep
                left join customer_figures cu on not cu.by_week and cu.rep = rc.rep
            ),
            -- section 2, load balance: the busiest 20% of the reps with tickets, by hard count; a fifth is
            -- rounded to whole reps, at least one; equal hard counts are ordered by external id
            rep_load as (
                select rf.rep,
                       rf.hard,
                       row_number() over (order by rf.hard desc, rf.rep)       as busiest,
                       greatest(1, round(count(*) over () * 0.2))              as top_fifth_size,
                       count(*) over ()                                        as rep_count
                from rep_figures rf
            ),
            load_balance as (
                select coalesce(sum(rl.hard) filter (where rl.busiest <= rl.top_fifth_size), 0) as top_fifth_hard,
                       coalesce(sum(rl.hard), 0)                                              as all_hard,
                       count(*)                                                               as rep_count
                from rep_load rl
            ),
            -- elasticity: least-squares slope of ln(median FRT) on ln(tickets) over full weeks; a partial
            -- week's volume is cut by the range, and ln needs a median above 0; summed in week order, so
            -- that the floating-point result does not depend on the order rows arrive in
            elasticity as (
                select regr_slope(ln(wf.median_frt)::float8, ln(wf.tickets::float8) order by wf.week) as slope,
                       regr_count(ln(wf.median_frt)::float8, ln(wf.tickets::float8))                as weeks
                from week_figures wf
                where not wf.partial
                  and wf.median_frt > 0
            )
            select 'WEEK'                                      as kind,
                   wf.week,
                   to_char(wf.week, 'IYYY-"W"IW')              as week_label,
                   wf.partial,
                   null                                        as rep,
                   wf.customers_helped,
                   wf.tickets,
                   wf.unanswered,
                   wf.median_frt,
                   wf.p90_frt,
                   wf.mean_frt,
                   wf.replies::numeric / nullif(wf.customers_helped, 0) as replies_per_customer,
                   null::bigint                                as hard,
                   null::bigint                                as busiest,
                   e.slope,
                   power(1.1::float8, e.slope) - 1             as frt_rise,
                   e.weeks                                     as elasticity_weeks,
                   lb.top_fifth_hard,
                   lb.all_hard,
                   lb.rep_count
            from week_figures wf
            cross join elasticity e
            cross join load_balance lb
            union all
            select 'REP',
                   null,
                   null,
                   null,
                   rf.rep,
                   rf.customers_helped,
                   rf.tickets,
                   rf.unanswered,
                   rf.median_frt,
                   rf.p90_frt,
                   null,
                   rf.replies::numeric / nullif(rf.customers_helped, 0),
                   rf.hard,
                   case when rl.busiest <= rl.top_fifth_size then rl.busiest end,
                   null,
                   null,
                   null,
                   null,
                   null,
                   null
            from rep_figures rf
            join rep_load rl on rl.rep = rf.rep
            order by kind desc, week, rep
            """;

    private static final String RAW_SQL = RAW_REP_WEEKS + FIGURES;
    private static final String ROLLUP_SQL = ROLLUP_REP_WEEKS + FIGURES;

    private final JdbcClient jdbc;

    public ResponseVsVolumeQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** From the rollup, whatever the range and filters: the same figures as from raw rows. */
    public ResponseVsVolume fetch(MetricFilter filter) {
        return fetch(filter, ROLLUP_SQL);
    }

    /** From raw rows, whatever the filter (for the test that compares both paths). */
    ResponseVsVolume fetchRaw(MetricFilter filter) {
        return fetch(filter, RAW_SQL);
    }

    private ResponseVsVolume fetch(MetricFilter filter, String sql) {
        List<Row> rows = MetricScope.bind(jdbc.sql(sql), filter).query(ResponseVsVolumeQuery::row).list();
        List<ResponseWeek> weeks = new ArrayList<>();
        List<RepResponse> reps = new ArrayList<>();
        List<Row> busiest = new ArrayList<>();
        Row team = null;
        for (Row row : rows) {
            if (row.week() != null) {
                weeks.add(row.week());
                team = row;
            } else {
                reps.add(row.rep());
                if (row.busiest() != null) {
                    busiest.add(row);
                }
            }
        }
        busiest.sort(java.util.Comparator.comparing(Row::busiest));
        Rate share = Rate.of(team.topFifthHard(), team.allHard());
        LoadBalance loadBalance = new LoadBalance(share,
                share.hasValue() && share.value().compareTo(new BigDecimal("0.5")) > 0,
                busiest.stream().map(r -> r.rep().rep()).toList(),
                team.repCount());
        return new ResponseVsVolume(weeks, reps, loadBalance, team.elasticity());
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        if ("WEEK".equals(rs.getString("kind"))) {
            ResponseWeek week = new ResponseWeek(
                    rs.getString("week_label"),
                    rs.getDate("week").toLocalDate(),
                    rs.getBoolean("partial"),
                    rs.getLong("customers_helped"),
                    rs.getLong("tickets"),
                    rs.getBigDecimal("median_frt"),
                    rs.getBigDecimal("p90_frt"),
                    rs.getBigDecimal("mean_frt"),
                    rs.getBigDecimal("replies_per_customer"),
                    rs.getLong("unanswered"));
            FrtElasticity elasticity = new FrtElasticity(
                    rs.getBigDecimal("slope"), rs.getBigDecimal("frt_rise"), rs.getLong("elasticity_weeks"));
            return new Row(week, null, null, elasticity,
                    rs.getLong("top_fifth_hard"), rs.getLong("all_hard"), rs.getLong("rep_count"));
        }
        RepResponse rep = new RepResponse(
                rs.getString("rep"),
                rs.getLong("customers_helped"),
                rs.getLong("tickets"),
                rs.getBigDecimal("median_frt"),
                rs.getBigDecimal("p90_frt"),
                rs.getBigDecimal("replies_per_customer"),
                rs.getLong("unanswered"),
                Rate.of(rs.getLong("hard"), rs.getLong("tickets")));
        return new Row(null, rep, rs.getObject("busiest", Long.class), null, 0, 0, 0);
    }

    private record Row(ResponseWeek week, RepResponse rep, Long busiest, FrtElasticity elasticity,
                       long topFifthHard, long allHard, long repCount) {
    }
}
