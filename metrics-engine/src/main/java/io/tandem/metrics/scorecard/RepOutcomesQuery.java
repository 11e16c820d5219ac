package io.tandem.metrics.scorecard;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import io.tandem.metrics.Rate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outcome row of each rep's scorecard (metrics.md section 6): 12-month logo retention and NRR of
 * the accounts a rep owns or helped. "Helped" = the rep handled a ticket of the account opened in
 * the period. Both are read at the last month of the period (capped at the reporting horizon)
 * against twelve months earlier, as in section 1: of the accounts active then, the share still
 * active, and their MRR now over their MRR then. The team filter selects reps by their team.
 */
@Component
public class RepOutcomesQuery {

    /** One rep's outcome; {@code nrr} null when none of their accounts was active a year earlier. */
    public record RepOutcome(String rep, Rate logoRetention, BigDecimal nrr) {
    }

    private static final String SQL = MetricScope.CTES + """
            period as (
                select (cast(:from as date))::timestamp at time zone o.time_zone   as starts,
                       (cast(:to as date) + 1)::timestamp at time zone o.time_zone as ends,
                       b.last_month,
                       (b.last_month - interval '12 months')::date                  as year_before
                from org o
                cross join bounds b
            ),
            team_reps as (
                select r.id, r.external_id
                from reps r
                where (cast(:team as text) is null or r.team = cast(:team as text))
                  -- one rep only (a scorecard's earlier periods), else every rep
                  and (cast(:rep as text) is null or r.external_id = cast(:rep as text))
            ),
            rep_accounts as (
                select r.external_id as rep, a.id as account_id
                from team_reps r
                join accounts a on a.owner_rep_id = r.id
                union
                select r.external_id, t.account_id
                from team_reps r
                join tickets t on t.rep_id = r.id
                cross join period p
                where t.account_id is not null and t.opened_at >= p.starts and t.opened_at < p.ends
            )
            select ra.rep,
                   count(*) filter (where old.mrr > 0)                                       as base,
                   count(*) filter (where old.mrr > 0 and cur.mrr > 0)                      as retained,
                   coalesce(sum(old.mrr) filter (where old.mrr > 0), 0)                     as mrr_before,
                   coalesce(sum(coalesce(cur.mrr, 0)) filter (where old.mrr > 0), 0)        as mrr_now
            from rep_accounts ra
            cross join period p
            -- the two months as scalar subqueries: read through the month index, not the whole rollup
            left join account_month_current old
              on old.account_id = ra.account_id and old.month = (select year_before from period)
            left join account_month_current cur
              on cur.account_id = ra.account_id and cur.month = (select last_month from period)
            group by ra.rep
            order by ra.rep
            """;

    private final JdbcClient jdbc;

    public RepOutcomesQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RepOutcome> fetch(MetricFilter filter) {
        return fetch(filter, null);
    }

    /** Every rep of the filter's team, or only {@code rep} when not null (at that rep's cost). */
    public List<RepOutcome> fetch(MetricFilter filter, String rep) {
        return MetricScope.bind(jdbc.sql(SQL), filter).param("rep", rep, Types.VARCHAR).query((rs, i) -> {
            long base = rs.getLong("base");
            BigDecimal before = rs.getBigDecimal("mrr_before");
            return new RepOutcome(rs.getString("rep"), Rate.of(rs.getLong("retained"), base),
                    before.signum() == 0 ? null : rs.getBigDecimal("mrr_now").divide(before, MathContext.DECIMAL64));
        }).list();
    }
}
