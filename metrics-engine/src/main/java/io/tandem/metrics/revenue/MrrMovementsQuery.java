package io.tandem.metrics.revenue;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * New, expansion, contraction, churn and reactivation MRR per month of the range
 * (metrics.md section 1, "MRR movements").
 * See {@link MovementMonth} for the signs.
 */
@Component
public class MrrMovementsQuery {

    private static final String SQL = MetricScope.CTES + """
            -- one movement per account and month (section 1), comparing MRR(m-1) with MRR(m)
            account_movements as (
                select am.month,
                       am.mrr,
                       case when am.prev_mrr = 0 and am.mrr > 0 and not am.had_mrr_before
                            then am.mrr else 0 end                                 as new_mrr,
                       case when am.prev_mrr = 0 and am.mrr > 0 and am.had_mrr_before
                            then am.mrr else 0 end                                 as reactivation,
                       case when am.prev_mrr > 0 and am.mrr > am.prev_mrr
                            then am.mrr - am.prev_mrr else 0 end                   as expansion,
                       case when am.prev_mrr > 0 and am.mrr > 0 and am.mrr < am.prev_mrr
                            then am.mrr - am.prev_mrr else 0 end                   as contraction,
                       case when am.prev_mrr > 0 and am.mrr = 0
                            then -am.prev_mrr else 0 end                           as churn
                from range_mrr am
                join range_months rm on rm.month = am.month
            ),
            month_movements as (
                select rm.month,
                       coalesce(sum(mv.mrr), 0)          as mrr,
                       coalesce(sum(mv.new_mrr), 0)      as new_mrr,
                       coalesce(sum(mv.expansion), 0)    as expansion,
                       coalesce(sum(mv.contraction), 0)  as contraction,
                       coalesce(sum(mv.churn), 0)        as churn,
                       coalesce(sum(mv.reactivation), 0) as reactivation
                from range_months rm
                left join account_movements mv on mv.month = rm.month
                group by rm.month
            )
            select mm.month,
                   mm.mrr,
                   mm.new_mrr,
                   mm.expansion,
                   mm.contraction,
                   mm.churn,
                   mm.reactivation,
                   mm.new_mrr + mm.expansion + mm.contraction + mm.churn + mm.reactivation as net_new,
                   (select currency from org) as currency
            from month_movements mm
            order by mm.month
            """;

    private final JdbcClient jdbc;

    public MrrMovementsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public MrrMovements fetch(MetricFilter filter) {
        List<Row> rows = MetricScope.bind(jdbc.sql(SQL), filter)
                .query((rs, row) -> new Row(rs.getString("currency"), new MovementMonth(
                        YearMonth.from(rs.getDate("month").toLocalDate()),
                        rs.getBigDecimal("mrr"),
                        rs.getBigDecimal("new_mrr"),
                        rs.getBigDecimal("expansion"),
                        rs.getBigDecimal("contraction"),
                        rs.getBigDecimal("churn"),
                        rs.getBigDecimal("reactivation"),
                        rs.getBigDecimal("net_new"))))
                .list();
        String currency = rows.isEmpty() ? null : rows.get(0).currency();
        return new MrrMovements(currency, rows.stream().map(Row::month).toList());
    }

    private record Row(String currency, MovementMonth month) {
    }
}
