package io.tandem.app.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every kind back out as the canonical CSV the importer reads (a round trip changes nothing),
 * streamed with COPY in external-id order. Text cells go through csv_safe() against formula injection.
 */
@Component
class CsvExport {

    private static final String TS = "to_char(%s at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    private static final String BOOL = "case when %s then 'true' else 'false' end";

    private static final Map<ImportKind, String> QUERIES = Map.of(
            ImportKind.REPS, """
                    select csv_safe(r.external_id) as external_id, csv_safe(r.name) as name, csv_safe(r.email) as email,
                           csv_safe(r.team) as team, r.role, r.annual_cost, %s as high_touch, %s as active
                    from reps r order by r.external_id""".formatted(BOOL.formatted("r.high_touch"), BOOL.formatted("r.active")),
            ImportKind.ACCOUNTS, """
                    select csv_safe(a.external_id) as external_id, csv_safe(a.name) as name, %s as signed_up_at,
                           %s as churned_at, a.seats, csv_safe(a.plan) as plan, a.mrr, a.currency,
                           csv_safe(r.external_id) as owner_rep
                    from accounts a left join reps r on r.id = a.owner_rep_id order by a.external_id"""
                    .formatted(TS.formatted("a.signed_up_at"), TS.formatted("a.churned_at")),
            ImportKind.CUSTOMERS, """
                    select csv_safe(c.external_id) as external_id, csv_safe(a.external_id) as account,
                           csv_safe(c.name) as name, csv_safe(c.email) as email, %s as created_at
                    from customers c left join accounts a on a.id = c.account_id order by c.external_id"""
                    .formatted(TS.formatted("c.created_at")),
            ImportKind.REVENUE, """
                    select csv_safe(a.external_id) as account, to_char(v.month, 'YYYY-MM') as month, v.mrr, v.currency
                    from revenue v join accounts a on a.id = v.account_id order by a.external_id, v.month""",
            ImportKind.TICKETS, """
                    select csv_safe(t.external_id) as external_id, csv_safe(c.external_id) as customer,
                           csv_safe(a.external_id) as account, csv_safe(r.external_id) as rep,
                           csv_safe(t.channel) as channel, csv_safe(t.type) as type, %s as opened_at,
                           %s as first_response_at, %s as closed_at, t.agent_replies, t.handle_minutes,
                           %s as escalated, %s as presale
                    from tickets t
                    join customers c on c.id = t.customer_id
                    left join accounts a on a.id = t.account_id
                    left join reps r on r.id = t.rep_id
                    order by t.external_id""".formatted(TS.formatted("t.opened_at"), TS.formatted("t.first_response_at"),
                    TS.formatted("t.closed_at"), BOOL.formatted("t.escalated"), BOOL.formatted("t.presale")),
            ImportKind.RATINGS, """
                    select csv_safe(t.external_id) as ticket, g.rating, %s as rated_at, csv_safe(r.external_id) as rep,
                           csv_safe(g.comment) as comment
                    from ratings g join tickets t on t.id = g.ticket_id left join reps r on r.id = g.rep_id
                    order by t.external_id""".formatted(TS.formatted("g.rated_at")),
            ImportKind.DEALS, """
                    select csv_safe(d.external_id) as external_id, csv_safe(a.external_id) as account,
                           csv_safe(r.external_id) as rep, d.type, d.amount, d.currency, d.stage,
                           %s as created_at, %s as closed_at, csv_safe(d.source) as source,
                           csv_safe(t.external_id) as ticket
                    from deals d
                    join reps r on r.id = d.rep_id
                    left join accounts a on a.id = d.account_id
                    left join tickets t on t.id = d.ticket_id
                    order by d.external_id""".formatted(TS.formatted("d.created_at"), TS.formatted("d.closed_at")));

    private final DataSource dataSource;

    CsvExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Sends one kind as a CSV download; an unknown kind is a bad parameter. */
    void send(String kindCode, HttpServletResponse response) throws IOException {
        ImportKind kind = ImportKind.fromCode(kindCode).orElseThrow(() -> new IllegalArgumentException(
                "Parameter 'kind' must be one of reps, accounts, customers, revenue, tickets, ratings, deals, not '"
                        + kindCode + "'."));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + kind.code() + ".csv\"");
        write(kind, response.getOutputStream());
    }

    /**
     * Streams the export. If the client goes away midway, the rest of the COPY is read and dropped:
     * cancelling it instead would send PostgreSQL a cancel request that can hit the next statement
     * run on this pooled connection.
     */
    @Transactional(readOnly = true)
    public void write(ImportKind kind, OutputStream out) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (Statement lift = connection.createStatement()) {
                // a whole table may take longer than a dashboard statement may (LongStatements)
                lift.execute("set local statement_timeout = 0");
            }
            CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("copy (" + QUERIES.get(kind) + ") to stdout (format csv, header)");
            boolean clientGone = false;
            byte[] chunk;
            while ((chunk = copy.readFromCopy()) != null) {
                if (!clientGone) {
                    try {
                        out.write(chunk);
                    } catch (IOException e) {
                        clientGone = true;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not export " + kind.code() + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
