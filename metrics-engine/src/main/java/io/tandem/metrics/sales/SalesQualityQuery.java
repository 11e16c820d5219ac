package io.tandem.metrics.sales;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import io.tandem.metrics.Rate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sales quality per rep (metrics.md section 4): bookings against the revenue still there a year
 * later, and the deferred commission that follows from it.
 *
 * <ul>
 *   <li><b>Bookings</b>: amount of won deals closed in the period, with or without an account.</li>
 *   <li><b>Mature deals</b> (a rolling figure, section 0): won {@code new} deals with an account whose
 *       twelfth month after the close month, month(closed_at) + 12, lies in the range and not after
 *       the reporting horizon. Such a deal is <b>retained</b> when its account has MRR &gt; 0 in that
 *       month. <b>Booking retention</b> = retained amount / mature amount, with n = mature deals.</li>
 *   <li><b>Deferred commission</b> (rate r from settings) on the deals booked in the period: r/2 x
 *       amount is earned at close; the other half is earned if the account is active in
 *       month(closed_at) + 12, forfeited if not, and pending while that month is after the horizon.
 *       A deal without an account cannot be checked, so its second half stays pending.</li>
 * </ul>
 * The team filter follows the deal's owner rep; the segment filter the deal's account (deals
 * without an account appear only without a segment filter). The last row, with {@code rep} null,
 * is the total over everyone in scope.
 */
@Component
public class SalesQualityQuery {

    /** One rep's sales quality; {@code rep} null for the total. */
    public record RepSales(String rep, String name, String team, long wonDeals, BigDecimal bookings,
                           long dealsWithoutAccount, long matureDeals, BigDecimal matureBookings, long retainedDeals,
                           BigDecimal retainedBookings, BigDecimal bookingRetention, boolean lowSample,
                           Commission commission) {
    }

    public record Commission(BigDecimal earned, BigDecimal pending, BigDecimal forfeited) {
    }

    public record SalesQuality(String currency, BigDecimal commissionRate, List<RepSales> reps, RepSales total) {
    }

    private static final String SQL = MetricScope.CTES + """
            period as (
                select (cast(:from as date))::timestamp at time zone o.time_zone                        as starts,
                       (cast(:to as date) + 1)::timestamp at time zone o.time_zone                      as ends,
                       o.time_zone
                from org o
            ),
            -- deals follow their owner rep's team; the segment is the deal's account's (section 0)
            scoped_deals as (
                select d.id, d.amount, d.stage, d.type, d.account_id, d.closed_at,
                       r.external_id as rep, r.name, r.team,
                       date_trunc('month', d.closed_at at time zone p.time_zone)::date as close_month
                from deals d
                join reps r on r.id = d.rep_id
                cross join period p
                cross join bounds b
                left join account_segment sg on sg.account_id = d.account_id
                where (cast(:team as text) is null or r.team = cast(:team as text))
                  and (cast(:segment as text) is null or sg.segment = cast(:segment as text))
                  -- only the deals that can count (read by the closed_at index): booked in the range, or
                  -- closed twelve months before one of its months (maturing in it)
                  and d.closed_at >= least(p.starts, (b.first_month - interval '12 months') at time zone p.time_zone)
                  and d.closed_at < greatest(p.ends, (b.last_month - interval '11 months') at time zone p.time_zone)
            ),
            -- whether each won deal's account is active twelve months after the close month
            -- (null: that month is after the horizon, or the deal has no account)
            won as (
                select d.*,
                       (d.close_month + interval '12 months')::date as maturity_month,
                       case
                           when d.account_id is null then null
                           when (d.close_month + interval '12 months')::date > b.horizon then null
                           else coalesce(m.mrr, 0) > 0
                       end as active_after_12
                from scoped_deals d
                cross join bounds b
                left join account_month_current m
                  on m.account_id = d.account_id and m.month = (d.close_month + interval '12 months')::date
                where d.stage = 'won' and d.closed_at is not null
            ),
            per_deal as (
                select w.rep, w.name, w.team, w.amount,
                       w.closed_at >= p.starts and w.closed_at < p.ends                        as booked,
                       w.account_id is null                                                    as no_account,
                       w.type = 'new' and w.account_id is not null
                           and w.maturity_month between b.first_month and b.last_month        as mature,
                       w.active_after_12,
                       s.commission_rate * w.amount / 2                                        as half
                from won w
                cross join period p
                cross join bounds b
                cross join settings s
            )
            select rep,
                   case when grouping(rep) = 0 then max(name) end                             as name,
                   case when grouping(rep) = 0 then max(team) end                             as team,
                   count(*) filter (where booked)                                             as won_deals,
                   coalesce(sum(amount) filter (where booked), 0)                             as bookings,
                   count(*) filter (where booked and no_account)                              as without_account,
                   count(*) filter (where mature)                                             as mature_deals,
                   coalesce(sum(amount) filter (where mature), 0)                             as mature_bookings,
                   count(*) filter (where mature and active_after_12)                         as retained_deals,
                   coalesce(sum(amount) filter (where mature and active_after_12), 0)         as retained_bookings,
                   coalesce(sum(half) filter (where booked), 0)
                     + coalesce(sum(half) filter (where booked and active_after_12), 0)       as earned,
                   coalesce(sum(half) filter (where booked and active_after_12 is null), 0)   as pending,
                   coalesce(sum(half) filter (where booked and not active_after_12), 0)       as forfeited
            from per_deal
            where booked or mature
            group by grouping sets ((rep), ())
            order by rep is null, bookings desc, rep
            """;

    private final JdbcClient jdbc;

    public SalesQualityQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SalesQuality fetch(MetricFilter filter) {
        List<RepSales> rows = MetricScope.bind(jdbc.sql(SQL), filter).query(SalesQualityQuery::row).list();
        record Org(String currency, BigDecimal commissionRate) {
        }
        Org org = jdbc.sql("select currency, commission_rate from settings").query(Org.class).single();
        List<RepSales> reps = new ArrayList<>(rows);
        RepSales total = reps.isEmpty() || reps.get(reps.size() - 1).rep() != null
                ? empty()
                : reps.remove(reps.size() - 1);
        return new SalesQuality(org.currency(), org.commissionRate(), List.copyOf(reps), total);
    }

    private static RepSales row(ResultSet rs, int i) throws SQLException {
        long mature = rs.getLong("mature_deals");
        BigDecimal matureBookings = rs.getBigDecimal("mature_bookings");
        BigDecimal retained = rs.getBigDecimal("retained_bookings");
        BigDecimal retention = matureBookings.signum() == 0 ? null : retained.divide(matureBookings, MathContext.DECIMAL64);
        return new RepSales(rs.getString("rep"), rs.getString("name"), rs.getString("team"), rs.getLong("won_deals"),
                money(rs.getBigDecimal("bookings")), rs.getLong("without_account"), mature, money(matureBookings),
                rs.getLong("retained_deals"), money(retained), retention, mature < Rate.LOW_SAMPLE_BELOW,
                new Commission(money(rs.getBigDecimal("earned")), money(rs.getBigDecimal("pending")),
                        money(rs.getBigDecimal("forfeited"))));
    }

    private static RepSales empty() {
        BigDecimal zero = money(BigDecimal.ZERO);
        return new RepSales(null, null, null, 0, zero, 0, 0, zero, 0, zero, null, true,
                new Commission(zero, zero, zero));
    }

    /** Money to the cent, as the API gives it (section 0, rounding); sums are exact before this. */
    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
