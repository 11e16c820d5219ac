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
 * on volume (metrics.md section 2). One statement: week rows (each carrying the team-wide load balance
 * and elasticity) and rep rows, told apart by {@code kind}.
 */
@Component
public class ResponseVsVolumeQuery {

    private static final String SQL = MetricScope.CTES + MetricScope.SUPPORT_CTES + """
            -- section 0: the ISO weeks (Monday first) that overlap the range; a week cut by it is partial
            range_weeks as (
                select w::date                                                         as week,
                       w::date < cast(:from as date) or w::date + 6 > cast(:to as date) as partial
                from generate_series(date_trunc('week', cast(:from as date)::timestamp),
                                     date_trunc('week', cast(:to as date)::timestamp),
                                     interval '7 days') as w
            ),
            -- section 2: customers helped are distinct people with an answered ticket; FRT percentiles are
            -- continuous and over answered tickets only (percentile_cont and avg skip the null FRT of
            -- unanswered tickets, which are counted apart)
            week_figures as (
                select rw.week,
                       rw.partial,
                       count(distinct st.customer_id) filter (where st.answered)                    as customers_helped,
                       count(st.ticket_id)                                                         as tickets,
                       count(st.ticket_id) filter (where not st.answered)                          as unanswered,
                       sum(st.agent_replies) filter (where st.answered)                            as replies,
                       extract(epoch from percentile_cont(0.5) within group (order by st.frt)) / 60 as median_frt,
                       extract(epoch from percentile_cont(0.9) within group (order by st.frt)) / 60 as p90_frt,
                       extract(epoch from avg(st.frt)) / 60                                        as mean_frt
                from range_weeks rw
                left join scoped_tickets st on st.week = rw.week
                group by rw.week, rw.partial
            ),
            rep_figures as (
                select st.rep,
                       count(distinct st.customer_id) filter (where st.answered)                    as customers_helped,
                       count(*)                                                                    as tickets,
                       count(*) filter (where not st.answered)                                     as unanswered,
                       sum(st.agent_replies) filter (where st.answered)                            as replies,
                       extract(epoch from percentile_cont(0.5) within group (order by st.frt)) / 60 as median_frt,
                       extract(epoch from percentile_cont(0.9) within group (order by st.frt)) / 60 as p90_frt,
                       count(*) filter (where st.tier = 'hard')                                    as hard
                from scoped_tickets st
                where st.rep is not null
                group by st.rep
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
            -- week's volume is cut by the range, and ln needs a median above 0
            elasticity as (
                select regr_slope(ln(wf.median_frt)::float8, ln(wf.tickets::float8)) as slope,
                       regr_count(ln(wf.median_frt)::float8, ln(wf.tickets::float8)) as weeks
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

    private final JdbcClient jdbc;

    public ResponseVsVolumeQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ResponseVsVolume fetch(MetricFilter filter) {
        List<Row> rows = MetricScope.bind(jdbc.sql(SQL), filter).query(ResponseVsVolumeQuery::row).list();
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
