package io.tandem.metrics.overview;

import io.tandem.metrics.Rate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The four headline figures of the home page, in one statement. */
@Component
public class HeadlinesQuery {

    private static final String SQL = """
            with horizon as (
                select month from reporting_horizon
            ),
            -- the last full month: the horizon, or the month before it when the horizon is
            -- the current (unfinished) month in the organisation's time zone
            churn_month as (
                select least(h.month,
                             (date_trunc('month', :now at time zone s.time_zone) - interval '1 month')::date) as month
                from horizon h
                cross join settings s
            ),
            -- the three months read below, taken once from the account_month rollup (one index
            -- range per month)
            months as materialized (
                select m.account_id, m.month, m.mrr
                from account_month_current m
                cross join horizon h
                cross join churn_month c
                where m.month in (h.month, c.month, (c.month - interval '1 month')::date)
                  -- the same months as a range the index on month serves
                  and m.month between (select (month - interval '1 month')::date from churn_month)
                                  and (select month from horizon)
            ),
            at_horizon as (
                select count(*) filter (where m.mrr > 0) as active_accounts,
                       coalesce(sum(m.mrr), 0)           as mrr
                from months m
                join horizon h on m.month = h.month
            ),
            -- logo churn (metrics.md section 1): churned in m / active in m-1
            churn as (
                select count(*)                                      as active_at_start,
                       count(*) filter (where coalesce(cur.mrr, 0) = 0) as churned
                from churn_month c
                join months prev
                  on prev.month = (c.month - interval '1 month')::date and prev.mrr > 0
                left join months cur
                  on cur.account_id = prev.account_id and cur.month = c.month
            ),
            -- the last full ISO week (Monday first) in the organisation's time zone
            last_week as (
                select (date_trunc('week', :now at time zone s.time_zone) - interval '7 days') as week_start,
                       s.time_zone
                from settings s
            ),
            tickets_last_week as (
                select count(*) as tickets
                from tickets t
                -- scalar bounds, which the planner uses on the opened_at index
                where t.opened_at >= (select w.week_start at time zone w.time_zone from last_week w)
                  and t.opened_at < (select (w.week_start + interval '7 days') at time zone w.time_zone from last_week w)
            )
            select h.month                 as horizon,
                   a.active_accounts,
                   a.mrr,
                   s.currency,
                   c.month                 as churn_month,
                   ch.active_at_start,
                   ch.churned,
                   w.week_start::date      as week_start,
                   t.tickets,
                   exists (select 1 from accounts) or exists (select 1 from tickets) as has_data
            from horizon h
            cross join settings s
            cross join at_horizon a
            cross join churn_month c
            cross join churn ch
            cross join last_week w
            cross join tickets_last_week t
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    public HeadlinesQuery(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Headlines fetch() {
        return jdbc.sql(SQL)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> new Headlines(
                        YearMonth.from(rs.getDate("horizon").toLocalDate()),
                        rs.getLong("active_accounts"),
                        rs.getBigDecimal("mrr"),
                        rs.getString("currency"),
                        YearMonth.from(rs.getDate("churn_month").toLocalDate()),
                        Rate.of(rs.getLong("churned"), rs.getLong("active_at_start")),
                        rs.getDate("week_start").toLocalDate(),
                        rs.getLong("tickets"),
                        rs.getBoolean("has_data")))
                .single();
    }
}
