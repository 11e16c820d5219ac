package io.tandem.metrics.growth;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import io.tandem.metrics.Rate;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ARPA, LTV, CAC, CAC payback, support cost per account and high-touch economics (metrics.md
 * section 5). See {@link Growth} for each figure.
 *
 * <p>Costs follow the team filter through the reps' team. Marketing spend belongs to no rep, so like
 * every record without a rep it counts only without a team filter (section 0). Rep costs are those of
 * the reps marked active; the schema keeps no history of costs.
 */
@Component
public class GrowthQuery {

    private static final String SQL = MetricScope.CTES + """
            -- state at the last month of the range; nothing when the range lies after the horizon
            last_month_state as (
                select count(am.account_id) filter (where am.mrr > 0) as active_accounts,
                       sum(am.mrr)                                    as mrr
                from bounds b
                left join account_mrr am on am.month = b.last_month
                where b.last_month >= b.first_month
            ),
            -- trailing-12-month monthly logo churn at the last month (section 1 and 5)
            trailing_churn as (
                select count(am.account_id) filter (where am.prev_mrr > 0)                as active_at_start,
                       count(am.account_id) filter (where am.prev_mrr > 0 and am.mrr = 0) as churned
                from bounds b
                join account_mrr am on am.month between (b.last_month - interval '11 months')::date and b.last_month
                where b.last_month >= b.first_month
            ),
            new_accounts as (
                select count(*) as accounts
                from range_mrr am
                join range_months rm on rm.month = am.month
                where am.cohort = am.month
            ),
            period as (
                select count(*) as months
                from range_months
            ),
            rep_costs as (
                select sum(r.annual_cost) filter (where r.role = 'sales')   as sales_annual_cost,
                       sum(r.annual_cost) filter (where r.role = 'support') as support_annual_cost
                from reps r
                where r.active
                  and (cast(:team as text) is null or r.team = cast(:team as text))
            ),
            -- CAC (section 5): the cost of the months of the range; no cost known at all is no value
            acquisition_cost as (
                select case
                           when rc.sales_annual_cost is null
                                and (o.monthly_marketing_spend = 0 or cast(:team as text) is not null)
                               then null
                           else p.months * (coalesce(rc.sales_annual_cost, 0) / 12
                                            + case when cast(:team as text) is null
                                                   then o.monthly_marketing_spend else 0 end)
                       end as cost
                from rep_costs rc
                cross join org o
                cross join period p
            ),
            unit_economics as (
                select s.mrr / nullif(s.active_accounts, 0)                    as arpa,
                       tc.churned::numeric / nullif(tc.active_at_start, 0)     as monthly_churn,
                       ac.cost / nullif(na.accounts, 0)                        as cac
                from last_month_state s
                cross join trailing_churn tc
                cross join acquisition_cost ac
                cross join new_accounts na
            ),
            -- ARR of the accounts each high-touch rep owns, per 100k of the rep's annual cost (section 5)
            high_touch as (
                select r.external_id,
                       r.annual_cost,
                       12 * coalesce(sum(am.mrr), 0) as arr
                from reps r
                cross join bounds b
                left join accounts a on a.owner_rep_id = r.id
                left join account_mrr am on am.account_id = a.id and am.month = b.last_month
                                      and b.last_month >= b.first_month
                where r.high_touch
                  and (cast(:team as text) is null or r.team = cast(:team as text))
                group by r.external_id, r.annual_cost
            )
            select o.currency,
                   o.gross_margin,
                   ue.arpa,
                   tc.churned,
                   tc.active_at_start,
                   ue.arpa * o.gross_margin / nullif(ue.monthly_churn, 0)         as ltv,
                   ue.cac,
                   ue.cac / nullif(ue.arpa * o.gross_margin, 0)                   as cac_payback_months,
                   rc.support_annual_cost / 12 / nullif(s.active_accounts, 0)     as support_cost_per_account,
                   na.accounts                                                    as new_accounts,
                   ht.external_id                                                 as high_touch_rep,
                   ht.arr                                                         as high_touch_arr,
                   ht.annual_cost                                                 as high_touch_cost,
                   ht.arr / nullif(ht.annual_cost / 100000, 0)                    as high_touch_arr_per_100k
            -- one row per high-touch rep (or one row without), each repeating the organisation's figures
            from org o
            cross join unit_economics ue
            cross join trailing_churn tc
            cross join rep_costs rc
            cross join new_accounts na
            left join last_month_state s on true
            left join high_touch ht on true
            order by ht.external_id
            """;

    private final JdbcClient jdbc;

    public GrowthQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Growth fetch(MetricFilter filter) {
        List<Row> rows = MetricScope.bind(jdbc.sql(SQL), filter)
                .query((rs, row) -> new Row(
                        new Growth(
                                rs.getString("currency"),
                                rs.getBigDecimal("arpa"),
                                rs.getBigDecimal("gross_margin"),
                                Rate.of(rs.getLong("churned"), rs.getLong("active_at_start")),
                                rs.getBigDecimal("ltv"),
                                rs.getBigDecimal("cac"),
                                rs.getBigDecimal("cac_payback_months"),
                                rs.getBigDecimal("support_cost_per_account"),
                                rs.getLong("new_accounts"),
                                List.of()),
                        rs.getString("high_touch_rep") == null ? null : new HighTouchRep(
                                rs.getString("high_touch_rep"),
                                rs.getBigDecimal("high_touch_arr"),
                                rs.getBigDecimal("high_touch_cost"),
                                rs.getBigDecimal("high_touch_arr_per_100k"))))
                .list();
        Growth g = rows.get(0).growth();
        List<HighTouchRep> highTouch = rows.stream().map(Row::highTouch).filter(Objects::nonNull).toList();
        return new Growth(g.currency(), g.arpa(), g.grossMargin(), g.monthlyChurnRate(), g.ltv(), g.cac(),
                g.cacPaybackMonths(), g.supportCostPerAccount(), g.newAccounts(), highTouch);
    }

    private record Row(Growth growth, HighTouchRep highTouch) {
    }
}
