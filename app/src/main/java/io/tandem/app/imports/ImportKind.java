package io.tandem.app.imports;

import static io.tandem.app.imports.ColumnType.BOOLEAN;
import static io.tandem.app.imports.ColumnType.CURRENCY;
import static io.tandem.app.imports.ColumnType.DECIMAL;
import static io.tandem.app.imports.ColumnType.EMAIL;
import static io.tandem.app.imports.ColumnType.ENUM;
import static io.tandem.app.imports.ColumnType.INTEGER;
import static io.tandem.app.imports.ColumnType.MONTH;
import static io.tandem.app.imports.ColumnType.REF;
import static io.tandem.app.imports.ColumnType.TEXT;
import static io.tandem.app.imports.ColumnType.TIMESTAMP;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seven kinds of ../shared/docs/csv-formats.md, in the order they must be imported, with
 * their columns and the header names common exports (Help Scout, Zendesk, Stripe, HubSpot) use.
 */
enum ImportKind {

    REPS("reps", List.of("external_id"), List.of(
            Column.of("external_id", TEXT).required().aliases("id", "rep_id", "agent_id", "user_id").build(),
            Column.of("name", TEXT).required().aliases("full_name", "agent_name", "user_name").build(),
            Column.of("email", EMAIL).aliases("email_address").build(),
            Column.of("team", TEXT).required().aliases("group", "team_name").build(),
            Column.of("role", ENUM).required().values("support", "sales", "success", "manager")
                    .alsoAccept("customer_success", "success").alsoAccept("agent", "support").build(),
            Column.of("annual_cost", DECIMAL).nonNegative().scale(2).aliases("cost", "salary").build(),
            Column.of("high_touch", BOOLEAN).whenEmpty("false").build(),
            Column.of("active", BOOLEAN).whenEmpty("true").aliases("enabled").build())),

    ACCOUNTS("accounts", List.of("external_id"), List.of(
            Column.of("external_id", TEXT).required().aliases("id", "account_id", "company_id", "organization_id").build(),
            Column.of("name", TEXT).required().aliases("company", "company_name", "organization", "account_name").build(),
            Column.of("signed_up_at", TIMESTAMP).required().aliases("created", "created_at", "signup_date", "start_date").build(),
            Column.of("churned_at", TIMESTAMP).aliases("canceled_at", "cancelled_at", "ended_at", "churn_date").build(),
            Column.of("seats", INTEGER).nonNegative().aliases("users", "user_count", "quantity", "licenses").build(),
            Column.of("plan", TEXT).aliases("plan_name", "product").build(),
            Column.of("mrr", DECIMAL).nonNegative().scale(2).aliases("monthly_recurring_revenue").build(),
            Column.of("currency", CURRENCY).build(),
            Column.of("owner_rep", REF).references("reps", "owner_rep_id").aliases("owner", "account_owner", "csm").build())),

    CUSTOMERS("customers", List.of("external_id"), List.of(
            Column.of("external_id", TEXT).required().aliases("id", "customer_id", "contact_id", "requester_id").build(),
            Column.of("account", REF).references("accounts", "account_id").aliases("account_id", "company_id", "organization_id").build(),
            Column.of("name", TEXT).aliases("full_name", "contact_name").build(),
            Column.of("email", EMAIL).aliases("email_address").build(),
            Column.of("created_at", TIMESTAMP).aliases("created", "first_seen").build())),

    REVENUE("revenue", List.of("account", "month"), List.of(
            Column.of("account", REF).required().references("accounts", "account_id").aliases("account_id", "customer", "customer_id").build(),
            Column.of("month", MONTH).required().aliases("period").build(),
            Column.of("mrr", DECIMAL).required().nonNegative().scale(2).aliases("amount", "monthly_recurring_revenue").build(),
            Column.of("currency", CURRENCY).build())),

    TICKETS("tickets", List.of("external_id"), List.of(
            Column.of("external_id", TEXT).required().aliases("id", "ticket_id", "conversation_id", "number").build(),
            Column.of("customer", REF).required().references("customers", "customer_id").aliases("customer_id", "requester", "requester_id", "contact_id").build(),
            Column.of("account", REF).references("accounts", "account_id").aliases("account_id", "organization_id", "company_id").build(),
            Column.of("rep", REF).references("reps", "rep_id").aliases("assignee", "assignee_id", "assignee_email", "agent").build(),
            Column.of("channel", TEXT).aliases("via", "source", "mailbox").build(),
            Column.of("type", TEXT).aliases("ticket_type", "tag").build(),
            Column.of("opened_at", TIMESTAMP).required().aliases("created", "created_at", "opened").build(),
            Column.of("first_response_at", TIMESTAMP).aliases("first_reply_at", "first_responded_at").build(),
            Column.of("closed_at", TIMESTAMP).aliases("solved_at", "resolved_at", "closed").build(),
            Column.of("agent_replies", INTEGER).nonNegative().aliases("replies", "replies_sent", "agent_reply_count").build(),
            Column.of("handle_minutes", DECIMAL).nonNegative().scale(1).digits(9).aliases("handle_time", "handling_minutes").build(),
            Column.of("escalated", BOOLEAN).whenEmpty("false").aliases("reopened").build(),
            Column.of("presale", BOOLEAN).whenEmpty("false").aliases("pre_sale").build())),

    RATINGS("ratings", List.of("ticket"), List.of(
            Column.of("ticket", REF).required().references("tickets", "ticket_id").aliases("ticket_id", "conversation_id").build(),
            Column.of("rating", ENUM).required().values("great", "ok", "not_good").alsoAccept("okay", "ok")
                    .alsoAccept("good", "great").alsoAccept("bad", "not_good").aliases("score", "satisfaction").build(),
            Column.of("rated_at", TIMESTAMP).aliases("created", "created_at", "rating_created_at").build(),
            Column.of("rep", REF).references("reps", "rep_id").aliases("assignee", "agent").build(),
            Column.of("comment", TEXT).maxLength(5000).aliases("comments", "feedback").build())),

    DEALS("deals", List.of("external_id"), List.of(
            Column.of("external_id", TEXT).required().aliases("id", "deal_id", "opportunity_id").build(),
            Column.of("account", REF).references("accounts", "account_id").aliases("account_id", "company_id").build(),
            Column.of("rep", REF).required().references("reps", "rep_id").aliases("owner", "deal_owner", "owner_id").build(),
            Column.of("type", ENUM).required().values("new", "expansion", "renewal").alsoAccept("new_business", "new")
                    .alsoAccept("upsell", "expansion").build(),
            Column.of("amount", DECIMAL).required().nonNegative().scale(2).aliases("value", "mrr").build(),
            Column.of("currency", CURRENCY).build(),
            Column.of("stage", ENUM).required().values("open", "won", "lost").alsoAccept("closed_won", "won")
                    .alsoAccept("closed_lost", "lost").aliases("status", "deal_stage").build(),
            Column.of("created_at", TIMESTAMP).aliases("created", "create_date").build(),
            Column.of("closed_at", TIMESTAMP).aliases("close_date", "closed").build(),
            Column.of("source", TEXT).aliases("lead_source", "origin").build(),
            Column.of("ticket", REF).references("tickets", "ticket_id").aliases("ticket_id", "conversation_id").build()));

    private final String code;
    private final List<String> key;
    private final List<Column> columns;

    ImportKind(String code, List<String> key, List<Column> columns) {
        this.code = code;
        this.key = key;
        this.columns = columns;
    }

    /** As in URLs, file names and the import_runs table: reps, accounts, ... */
    String code() {
        return code;
    }

    /** The table the kind is merged into (the same word). */
    String table() {
        return code;
    }

    /** The CSV columns that identify a record. */
    List<String> key() {
        return key;
    }

    List<Column> columns() {
        return columns;
    }

    Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Pairs {later, earlier} of the kind's times, as its table's checks require. */
    String[][] orderedPairs() {
        return switch (this) {
            case ACCOUNTS -> new String[][] {{"churned_at", "signed_up_at"}};
            case TICKETS -> new String[][] {{"first_response_at", "opened_at"}, {"closed_at", "opened_at"}};
            case DEALS -> new String[][] {{"closed_at", "created_at"}};
            default -> new String[0][];
        };
    }

    static Optional<ImportKind> fromCode(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.code.equals(c)).findFirst();
    }

    /** The kind a file is for, from its name (tickets.csv, 2024-tickets-export.csv). */
    static Optional<ImportKind> fromFileName(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> name.contains(k.code)).findFirst();
    }

    /**
     * The kind whose required columns all appear in the header, preferring the one that
     * recognises the most columns; empty when none or two equally good ones match.
     */
    static Optional<ImportKind> fromHeader(List<String> header) {
        ImportKind best = null;
        long bestScore = -1;
        boolean tie = false;
        for (ImportKind kind : values()) {
            boolean complete = kind.columns.stream().filter(Column::required)
                    .allMatch(c -> header.stream().anyMatch(c::answersTo));
            if (!complete) {
                continue;
            }
            long score = kind.columns.stream().filter(c -> header.stream().anyMatch(c::answersTo)).count();
            if (score > bestScore) {
                best = kind;
                bestScore = score;
                tie = false;
            } else if (score == bestScore) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }
}
