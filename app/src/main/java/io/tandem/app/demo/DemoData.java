package io.tandem.app.demo;

import io.tandem.app.db.EmbeddedDatabaseConfiguration;
import io.tandem.app.db.LongStatements;
import io.tandem.app.security.DemoAccounts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo company at start when wanted, and clears it when asked.
 *
 * <p>{@code tandem.demo.load}: {@code auto} (default) loads it on the embedded database when that
 * database has never held data; {@code true} loads it into any empty database (external too);
 * {@code false} never. {@code tandem.demo.clear=true} deletes all imported data at start and
 * remembers that, so the demo does not come back on the next start.
 */
@Component
@Order(1)
public class DemoData implements ApplicationRunner {

    public static final String DEMO_ORGANISATION = "Acme Helpdesk (demo data)";
    /** user name, role, rep name. */
    static final String[][] DEMO_USERS = {
            {"dana", "MANAGER", "Dana Lee"},
            {"morgan", "REP", "Morgan Hale"},
            {"jamie", "REP", "Jamie Fox"},
            {"riley", "REP", "Riley Chase"},
            {"hana", "REP", "Hana Sato"}};
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final JdbcClient jdbc;
    private final DemoDataWriter writer;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PasswordEncoder passwordEncoder;
    private final boolean embedded;
    private final String loadMode;
    private final boolean clear;
    private final long seed;
    private final int accounts;

    DemoData(JdbcClient jdbc, DemoDataWriter writer, TransactionTemplate transaction, Clock clock,
             PasswordEncoder passwordEncoder, Environment env,
             @Value("${tandem.demo.load:auto}") String loadMode,
             @Value("${tandem.demo.clear:false}") boolean clear,
             @Value("${tandem.demo.seed:42}") long seed,
             @Value("${tandem.demo.accounts:2000}") int accounts) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.transaction = transaction;
        this.clock = clock;
        this.passwordEncoder = passwordEncoder;
        this.embedded = EmbeddedDatabaseConfiguration.isEmbedded(env);
        this.loadMode = loadMode.trim().toLowerCase();
        this.clear = clear;
        this.seed = seed;
        this.accounts = accounts;
        if (!List.of("auto", "true", "false").contains(this.loadMode)) {
            throw new IllegalArgumentException("tandem.demo.load must be auto, true or false, not '" + loadMode + "'");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (clear) {
            clearAll();
        }
        boolean empty = jdbc.sql("select not exists (select 1 from reps) and not exists (select 1 from accounts)")
                .query(Boolean.class).single();
        String state = jdbc.sql("select demo_state from settings").query(String.class).single();
        boolean wanted = switch (loadMode) {
            case "true" -> true;
            case "auto" -> embedded && state.equals("none");
            default -> false;
        };
        if (wanted && !empty) {
            if (loadMode.equals("true")) {
                log.warn("tandem.demo.load=true but the database already holds data: demo data not loaded");
            }
            return;
        }
        if (wanted) {
            load();
        }
    }

    /** Generates and writes the demo company (the configured seed, as of today) in one transaction. */
    public void load() {
        load(seed);
    }

    /** The demo company of another seed, as of today by the clock (tests of the generator's patterns). */
    void load(long seed) {
        long started = System.nanoTime();
        log.info("Loading demo data ({} accounts, seed {})...", accounts, seed);
        List<TableRows> tables = new DemoDataGenerator(seed, accounts, LocalDate.now(clock)).generate();
        transaction.executeWithoutResult(status -> {
            LongStatements.allowInThisTransaction(jdbc);
            writer.write(tables);
            addDemoUsers();
            jdbc.sql("update settings set demo_state = 'loaded', organisation_name = :name, time_zone = :zone,"
                            + " currency = :currency")
                    .param("name", DEMO_ORGANISATION)
                    .param("zone", DemoDataGenerator.ZONE)
                    .param("currency", DemoDataGenerator.CURRENCY)
                    .update();
        });
        // fresh statistics at once: autovacuum never analyses a table as small as reps, and plans made
        // with statistics for the big tables but none for reps can be a hundred times slower
        jdbc.sql("analyze reps, accounts, customers, revenue, tickets, ratings, deals, account_month, rep_tier_month, rep_week,"
                + " account_support_month, indicator_month, contact_month, frt_week").update();
        long rows = tables.stream().mapToLong(t -> t.rows().size()).sum();
        log.info("Demo data loaded: {} rows in {} ms. It is made up; start with --tandem.demo.clear=true to remove it.",
                rows, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Demo users, one per kind of reader, all with the password shown on the login page while
     * demo data is loaded: a manager, and REP users bound to the reps the demo data is about.
     */
    private void addDemoUsers() {
        String hash = passwordEncoder.encode(DemoAccounts.PASSWORD);
        for (String[] user : DEMO_USERS) {
            jdbc.sql("""
                            insert into app_users (username, password_hash, role, rep_id, demo)
                            select :username, :hash, :role, r.id, true from reps r where r.name = :rep
                            on conflict do nothing
                            """)
                    .param("username", user[0]).param("hash", hash).param("role", user[1]).param("rep", user[2])
                    .update();
        }
    }

    /**
     * Deletes the demo company (users other than demo reps stay) and remembers that, so the demo
     * does not come back. Only data loaded as demo is deleted: on a database that never held the
     * demo this only switches automatic loading off.
     */
    public void clearAll() {
        transaction.executeWithoutResult(status -> {
            LongStatements.allowInThisTransaction(jdbc);
            String state = jdbc.sql("select demo_state from settings for update").query(String.class).single();
            if (state.equals("loaded")) {
                for (String table : List.of("ratings", "deals", "tickets", "revenue", "customers", "accounts")) {
                    jdbc.sql("delete from " + table).update();
                }
                jdbc.sql("delete from app_users where demo").update();
                jdbc.sql("delete from app_users where role = 'REP'").update();
                jdbc.sql("update app_users set rep_id = null").update();
                jdbc.sql("delete from reps").update();
                log.info("Demo data deleted (tandem.demo.clear=true). Import your own CSV files next.");
            }
            jdbc.sql("update settings set demo_state = 'cleared',"
                    + " organisation_name = case when demo_state = 'loaded' then 'My organisation' else organisation_name end")
                    .update();
        });
    }
}
