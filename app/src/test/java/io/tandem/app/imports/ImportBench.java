package io.tandem.app.imports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.tandem.domain.accounts.Account;
import io.tandem.domain.accounts.AccountRepository;
import io.tandem.domain.accounts.Customer;
import io.tandem.domain.accounts.CustomerRepository;
import io.tandem.domain.accounts.RevenueMonth;
import io.tandem.domain.accounts.RevenueMonthRepository;
import io.tandem.domain.deals.Deal;
import io.tandem.domain.deals.DealRepository;
import io.tandem.domain.deals.DealStage;
import io.tandem.domain.deals.DealType;
import io.tandem.domain.reps.Rep;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.reps.RepRole;
import io.tandem.domain.tickets.Rating;
import io.tandem.domain.tickets.RatingRepository;
import io.tandem.domain.tickets.RatingValue;
import io.tandem.domain.tickets.Ticket;
import io.tandem.domain.tickets.TicketRepository;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The three ways of the benchmark's import table (issue 9) to bring one CSV file of a kind into the
 * database: Tandem's importer, COPY into a bare all-text table (what psql's {@code \copy} sends), and a
 * naive importer that saves one JPA entity per row, each in its own transaction, looking its
 * references up by external id. Lives in this package because the importer is package-private. The
 * entities of that naive importer (io.tandem.domain.accounts, tickets, deals) live in test code beside
 * it: main code reads and writes those tables with SQL only.
 */
public final class ImportBench {

    /** The kinds in import order (csv-formats.md). */
    public static final List<String> KINDS = Arrays.stream(ImportKind.values()).map(ImportKind::code).toList();

    /** The prefix of the external ids the JPA saves write, so that they never collide with imported rows. */
    private static final String JPA = "jpa-";

    private final ApplicationContext context;
    private final Imports imports;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final List<String> jpaTickets = new ArrayList<>();

    public ImportBench(ApplicationContext context) {
        this.context = context;
        this.imports = context.getBean(Imports.class);
        this.dataSource = context.getBean(DataSource.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.transaction = context.getBean(TransactionTemplate.class);
    }

    /** Imports the file through Tandem (strict mode) and returns the rows it wrote; fails on any rejected row. */
    public long tandem(String kind, Path file) {
        ImportResult r = imports.run(List.of(new Imports.Source(file.getFileName().toString(),
                        ImportKind.fromCode(kind).orElseThrow(), () -> Files.newInputStream(file))),
                ImportMode.STRICT, false, "benchmark", ImportProgress.NONE).files().get(0);
        if (!r.written() || r.rejected() > 0) {
            throw new IllegalStateException(kind + ": " + r.rejected() + " rows rejected, first " + r.errors());
        }
        return r.inserted() + r.updated() + r.unchanged();
    }

    /** COPY of the whole file into a fresh table of text columns named as the header: no types, keys or indexes. */
    public void bareCopy(String kind, Path file) {
        String table = "bench_bare_" + kind;
        String columns;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            columns = Arrays.stream(lines.findFirst().orElseThrow().split(","))
                    .map(c -> "\"" + c.trim().replace("\"", "") + "\" text").collect(Collectors.joining(", "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("drop table if exists " + table + "; create table " + table + " (" + columns + ")").update();
        try (Connection c = dataSource.getConnection(); Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin (format csv, header)", in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("drop table " + table).update();
    }

    /**
     * Saves the first {@code count} rows of the file as new entities, one transaction per row. The saved
     * rows get new external ids so they never collide with the imported ones; revenue and ratings go to the
     * accounts and tickets saved this way. Run it last: the rows it adds are not cleaned up.
     */
    public long jpa(String kind, Path file, int count) {
        AccountRepository accounts = context.getBean(AccountRepository.class);
        CustomerRepository customers = context.getBean(CustomerRepository.class);
        RepRepository reps = context.getBean(RepRepository.class);
        TicketRepository tickets = context.getBean(TicketRepository.class);
        Consumer<NamedCsvRecord> save = switch (ImportKind.fromCode(kind).orElseThrow()) {
            case REPS -> r -> {
                Rep rep = new Rep(JPA + r.getField("external_id"), r.getField("name"), r.getField("team"),
                        RepRole.valueOf(r.getField("role").toUpperCase(Locale.ROOT)));
                rep.setEmail(text(r, "email") == null ? null : JPA + r.getField("email"));
                rep.setAnnualCost(decimal(r, "annual_cost"));
                reps.save(rep);
            };
            case ACCOUNTS -> r -> {
                Account a = new Account(JPA + r.getField("external_id"), r.getField("name"), instant(r, "signed_up_at"));
                a.setChurnedAt(instant(r, "churned_at"));
                a.setSeats(text(r, "seats") == null ? null : Integer.valueOf(r.getField("seats")));
                a.setPlan(text(r, "plan"));
                a.setMrr(decimal(r, "mrr"));
                a.setCurrency(text(r, "currency"));
                a.setOwnerRep(text(r, "owner_rep") == null ? null : reps.findByExternalId(r.getField("owner_rep")).orElseThrow());
                accounts.save(a);
            };
            case CUSTOMERS -> r -> {
                Customer c = new Customer(JPA + r.getField("external_id"),
                        text(r, "account") == null ? null : accounts.findByExternalId(r.getField("account")).orElseThrow());
                c.setName(text(r, "name"));
                c.setEmail(text(r, "email"));
                c.setCreatedAt(instant(r, "created_at"));
                customers.save(c);
            };
            // to the accounts saved this way (the file's first revenue rows belong to its first accounts), in
            // their own months: a month years ahead would move the reporting horizon and rebuild every rollup
            case REVENUE -> r -> context.getBean(RevenueMonthRepository.class).save(new RevenueMonth(
                    accounts.findByExternalId(JPA + r.getField("account")).orElseThrow().getId(),
                    YearMonth.parse(r.getField("month")), decimal(r, "mrr"), text(r, "currency")));
            case TICKETS -> r -> {
                Ticket t = new Ticket(JPA + r.getField("external_id"),
                        customers.findByExternalId(r.getField("customer")).orElseThrow(), instant(r, "opened_at"));
                t.setAccount(text(r, "account") == null ? null : accounts.findByExternalId(r.getField("account")).orElseThrow());
                t.setRep(text(r, "rep") == null ? null : reps.findByExternalId(r.getField("rep")).orElseThrow());
                t.setChannel(text(r, "channel"));
                t.setType(text(r, "type"));
                t.setFirstResponseAt(instant(r, "first_response_at"));
                t.setClosedAt(instant(r, "closed_at"));
                t.setAgentReplies(text(r, "agent_replies") == null ? null : Integer.valueOf(r.getField("agent_replies")));
                t.setHandleMinutes(decimal(r, "handle_minutes"));
                t.setEscalated(Boolean.parseBoolean(r.getField("escalated")));
                t.setPresale(Boolean.parseBoolean(r.getField("presale")));
                tickets.save(t);
                jpaTickets.add(t.getExternalId());
            };
            case RATINGS -> r -> {
                Rating g = new Rating(tickets.findByExternalId(jpaTickets.remove(0)).orElseThrow(),
                        RatingValue.valueOf(r.getField("rating").toUpperCase(Locale.ROOT)));
                g.setRatedAt(instant(r, "rated_at"));
                g.setRep(text(r, "rep") == null ? null : reps.findByExternalId(r.getField("rep")).orElseThrow());
                g.setComment(text(r, "comment"));
                context.getBean(RatingRepository.class).save(g);
            };
            case DEALS -> r -> {
                Deal d = new Deal(JPA + r.getField("external_id"), reps.findByExternalId(r.getField("rep")).orElseThrow(),
                        DealType.valueOf(r.getField("type").toUpperCase(Locale.ROOT)), decimal(r, "amount"),
                        DealStage.valueOf(r.getField("stage").toUpperCase(Locale.ROOT)));
                d.setAccount(text(r, "account") == null ? null : accounts.findByExternalId(r.getField("account")).orElseThrow());
                d.setCurrency(text(r, "currency"));
                d.setCreatedAt(instant(r, "created_at"));
                d.setClosedAt(instant(r, "closed_at"));
                d.setSource(text(r, "source"));
                context.getBean(DealRepository.class).save(d);
            };
        };
        long saved = 0;
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            for (NamedCsvRecord r : csv) {
                if (saved == count || (kind.equals("ratings") && jpaTickets.isEmpty())) {
                    break;
                }
                transaction.executeWithoutResult(s -> save.accept(r));
                saved++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return saved;
    }

    private static String text(NamedCsvRecord r, String column) {
        String value = r.findField(column).orElse("").trim();
        return value.isEmpty() ? null : value;
    }

    private static BigDecimal decimal(NamedCsvRecord r, String column) {
        String value = text(r, column);
        return value == null ? null : new BigDecimal(value);
    }

    private static Instant instant(NamedCsvRecord r, String column) {
        String value = text(r, column);
        return value == null ? null : OffsetDateTime.parse(value.length() == 10 ? value + "T00:00:00Z" : value).toInstant();
    }
}
