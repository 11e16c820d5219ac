package io.tandem.metrics.support;

import io.tandem.metrics.DifficultyTier;
import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets behind a figure of {@link ResponseVsVolumeQuery}: the same scope (tickets opened in the range,
 * team and segment filters; metrics.md sections 0 and 2), narrowed to one ISO week and/or one rep, paged.
 */
@Component
public class TicketsQuery {

    /** The largest page the drill-down serves. */
    public static final int MAX_LIMIT = 1000;

    /** Rows the streaming read fetches from PostgreSQL at a time (a cursor: memory stays flat with the rows). */
    static final int FETCH_SIZE = 500;

    private static final String SELECTION = MetricScope.CTES + MetricScope.SUPPORT_CTES + """
            selected_tickets as (
                select st.external_id,
                       st.opened_at,
                       extract(epoch from st.frt) / 60 as frt_minutes,
                       st.agent_replies,
                       st.tier,
                       st.rep,
                       c.external_id                   as customer
                from scoped_tickets st
                join customers c on c.id = st.customer_id
                where (cast(:week as text) is null or to_char(st.week, 'IYYY-"W"IW') = cast(:week as text))
                  and (cast(:rep as text) is null or st.rep = cast(:rep as text))
            ),
            """;

    private static final String SQL = SELECTION + """
            selection_size as (
                select count(*) as total
                from selected_tickets
            )
            -- the total comes back even on a page past the end
            select ss.total,
                   p.*
            from selection_size ss
            left join lateral (
                select s.*
                from selected_tickets s
                order by s.opened_at, s.external_id
                limit :limit
                offset :offset
            ) p on true
            order by p.opened_at, p.external_id
            """;

    private static final String ALL = SELECTION + """
            -- no count and no page: every row in page order, sent as it is read (PostgreSQL inlines this CTE)
            listed as (
                select s.*
                from selected_tickets s
            )
            select l.*
            from listed l
            order by l.opened_at, l.external_id
            """;

    private final JdbcClient jdbc;

    public TicketsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param week   an ISO week {@code yyyy-Www} as in {@link ResponseWeek#week()}, or null for every week
     * @param rep    a rep's external id, or null for every rep
     * @param limit  page size, 1..{@value #MAX_LIMIT}
     * @param offset tickets to skip, 0 or more
     */
    public TicketPage fetch(MetricFilter filter, String week, String rep, int limit, long offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("`limit` must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("`offset` must not be negative, got " + offset);
        }
        MetricFilter scope = scope(filter, week);
        if (scope == null) {
            return new TicketPage(0, limit, offset, List.of());
        }
        long[] total = {0};
        List<TicketRow> tickets = new ArrayList<>();
        bind(SQL, scope, week, rep)
                .param("limit", limit)
                .param("offset", offset)
                .query(rs -> {
                    total[0] = rs.getLong("total");
                    if (rs.getString("external_id") != null) {
                        tickets.add(row(rs));
                    }
                });
        return new TicketPage(total[0], limit, offset, tickets);
    }

    /**
     * Every ticket of the selection, in the order of the pages, handed to {@code each} as PostgreSQL sends
     * them: read through a cursor {@value #FETCH_SIZE} rows at a time (hence the transaction), so that a
     * CSV of a million tickets needs no more memory than one of ten. An exception from {@code each} (the
     * client went away) stops the read.
     */
    @Transactional(readOnly = true)
    public void forEach(MetricFilter filter, String week, String rep, Consumer<TicketRow> each) {
        MetricFilter scope = scope(filter, week);
        if (scope == null) {
            return;
        }
        bind(ALL, scope, week, rep)
                .withFetchSize(FETCH_SIZE)
                .query((RowCallbackHandler) rs -> each.accept(row(rs)));
    }

    /**
     * The filter narrowed to the week's days within the range (read only those days, by index), or null
     * when the week lies outside the range.
     */
    private static MetricFilter scope(MetricFilter filter, String week) {
        if (week == null) {
            return filter;
        }
        LocalDate monday = weekStart(week);
        LocalDate from = monday.isAfter(filter.from()) ? monday : filter.from();
        LocalDate to = monday.plusDays(6).isBefore(filter.to()) ? monday.plusDays(6) : filter.to();
        if (to.isBefore(from)) {
            return null;
        }
        return new MetricFilter(from, to, filter.team(), filter.segment());
    }

    private StatementSpec bind(String sql, MetricFilter scope, String week, String rep) {
        return MetricScope.bind(jdbc.sql(sql), scope)
                .param("week", week, Types.VARCHAR)
                .param("rep", rep, Types.VARCHAR);
    }

    private static TicketRow row(ResultSet rs) throws SQLException {
        return new TicketRow(
                rs.getString("external_id"),
                rs.getObject("opened_at", OffsetDateTime.class),
                rs.getBigDecimal("frt_minutes"),
                rs.getObject("agent_replies", Integer.class),
                DifficultyTier.fromSql(rs.getString("tier")),
                rs.getString("rep"),
                rs.getString("customer"));
    }

    /** The Monday of an ISO week {@code yyyy-Www}. */
    private static LocalDate weekStart(String week) {
        try {
            return LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("`week` must be an ISO week (yyyy-Www), not '" + week + "'", e);
        }
    }
}
