package io.tandem.app.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real PostgreSQL primary and a hot standby fed by PostgreSQL's own streaming replication, set up as an
 * operator would: {@code initdb} and a primary with {@code wal_level = replica} and a replication line in
 * {@code pg_hba.conf}, then {@code pg_basebackup -R -X stream} for the standby, each on a free port in one
 * temporary directory. The binaries are Debian's PostgreSQL 15 ({@code apt-get install postgresql-15},
 * {@code /usr/lib/postgresql/15/bin}, or {@code TANDEM_PG_BIN}): the embedded PostgreSQL 17 ships no
 * {@code pg_basebackup}, and Debian 12's {@code pg_basebackup} 15 refuses a newer server. Without them the test
 * is skipped with that hint, except under {@code CI=true}, where it must run.
 *
 * <p>{@code initdb} refuses to run as root, so as root (CI) every server command runs as the {@code postgres}
 * user the Debian package creates ({@code runuser -u postgres}), in a directory owned by it. Connections use
 * scram passwords; replication from 127.0.0.1 is trusted. {@code fsync} is off: a test needs no durability.
 */
final class StreamingReplication implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    static final String SUPERUSER_PASSWORD = "primary-secret";
    /** A read-only login on the replica (created on the primary, replicated like everything else). */
    static final String READER = "tandem_reader";
    static final String READER_PASSWORD = "reader-secret";

    private static final String BIN = System.getenv().getOrDefault("TANDEM_PG_BIN", "/usr/lib/postgresql/15/bin");
    private static final List<String> TOOLS = List.of("initdb", "pg_ctl", "postgres", "pg_basebackup");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path dir;
    private final int primaryPort;
    private final int standbyPort;

    private StreamingReplication(Path dir, int primaryPort, int standbyPort) {
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** Starts both servers, or skips the calling test when the binaries are missing (fails under CI=true). */
    static StreamingReplication start() {
        List<String> missing = TOOLS.stream().filter(t -> !new File(BIN, t).canExecute()).toList();
        if (!missing.isEmpty()) {
            String how = "The read replica test needs PostgreSQL 15's server binaries (" + String.join(", ", missing)
                    + " missing in " + BIN + "): sudo apt-get install -y postgresql-15";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(how + " (CI=true: the test may not be skipped)");
            }
            Assumptions.abort(how);
        }
        StreamingReplication replication = null;
        try {
            Path dir = Files.createTempDirectory("tandem-replication");
            replication = new StreamingReplication(dir, freePort(), freePort());
            replication.startPrimary();
            replication.startStandby();
            return replication;
        } catch (IOException e) {
            if (replication != null) {
                replication.close();
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (replication != null) {
                replication.close();
            }
            throw e;
        }
    }

    private void startPrimary() throws IOException {
        if (ROOT) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        Path passwordFile = dir.resolve("superuser-password");
        Files.writeString(passwordFile, SUPERUSER_PASSWORD + "\n");
        if (ROOT) {
            Files.setOwner(passwordFile, Files.getOwner(dir));
        }
        run(List.of(bin("initdb"), "-D", primary().toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                "-E", "UTF8", "--locale=C", "--no-sync"));
        Files.writeString(primary().resolve("postgresql.auto.conf"), """
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = ''
                wal_level = replica
                max_wal_senders = 5
                wal_keep_size = '128MB'
                fsync = off
                shared_buffers = '32MB'
                """.formatted(primaryPort));
        Files.writeString(primary().resolve("pg_hba.conf"), """
                host replication all 127.0.0.1/32 trust
                host all all 127.0.0.1/32 scram-sha-256
                """);
        pgCtl(primary(), "start");
        primaryJdbc().sql("create role " + READER + " login password '" + READER_PASSWORD + "'").update();
        primaryJdbc().sql("grant pg_read_all_data to " + READER).update();
    }

    private void startStandby() throws IOException {
        run(List.of(bin("pg_basebackup"), "-h", "127.0.0.1", "-p", String.valueOf(primaryPort), "-U", SUPERUSER,
                "-D", standby().toString(), "-R", "-X", "stream", "-c", "fast"));
        // -R wrote standby.signal and primary_conninfo into postgresql.auto.conf; the standby gets its own port
        Files.writeString(standby().resolve("postgresql.auto.conf"), """
                port = %d
                hot_standby = on
                hot_standby_feedback = on
                """.formatted(standbyPort), StandardOpenOption.APPEND);
        startStandbyServer();
    }

    /** Starts the standby again after {@link #stopStandby()}; it resumes streaming from the primary. */
    void startStandbyServer() {
        pgCtl(standby(), "start");
    }

    /** Stops the standby (fast shutdown): the replica is down. */
    void stopStandby() {
        pgCtl(standby(), "stop", "-m", "fast");
    }

    String primaryUrl() {
        return url(primaryPort);
    }

    String standbyUrl() {
        return url(standbyPort);
    }

    /** Superuser statements on the primary. */
    JdbcClient primaryJdbc() {
        return jdbc(primaryPort);
    }

    /** Superuser statements on the standby (read-only, but replay can be paused there). */
    JdbcClient standbyJdbc() {
        return jdbc(standbyPort);
    }

    /** Stops replaying WAL on the standby (it keeps receiving it): the replica lags from now on. */
    void pauseReplay() {
        standbyJdbc().sql("select pg_wal_replay_pause()").query().rowSet();
        await("replay paused", () -> "paused".equals(
                standbyJdbc().sql("select pg_get_wal_replay_pause_state()").query(String.class).single()));
    }

    void resumeReplay() {
        standbyJdbc().sql("select pg_wal_replay_resume()").query().rowSet();
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    void awaitReplay() {
        String lsn = primaryJdbc().sql("select pg_current_wal_lsn()::text").query(String.class).single();
        await("standby replayed " + lsn, () -> Boolean.TRUE.equals(standbyJdbc()
                .sql("select coalesce(pg_last_wal_replay_lsn() >= :lsn::pg_lsn, false)").param("lsn", lsn)
                .query(Boolean.class).single()));
    }

    /** Stops both servers and deletes their files. */
    @Override
    public void close() {
        for (Path data : List.of(standby(), primary())) {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    pgCtl(data, "stop", "-m", "immediate");
                } catch (RuntimeException e) {
                    System.err.println("Could not stop PostgreSQL in " + data + ": " + e.getMessage());
                }
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    private Path primary() {
        return dir.resolve("primary");
    }

    private Path standby() {
        return dir.resolve("standby");
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static JdbcClient jdbc(int port) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url(port));
        ds.setUser(SUPERUSER);
        ds.setPassword(SUPERUSER_PASSWORD);
        return JdbcClient.create(ds);
    }

    private void pgCtl(Path data, String... args) {
        List<String> command = new ArrayList<>(List.of(bin("pg_ctl"), "-D", data.toString(), "-w", "-t", "60"));
        if (args[0].equals("start")) {
            command.addAll(List.of("-l", data + ".log"));
        }
        command.addAll(List.of(args));
        run(command);
    }

    private static String bin(String tool) {
        return new File(BIN, tool).getPath();
    }

    /** Runs a server command (as the postgres user when this is root) and fails with its output. */
    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path output = Files.createTempFile("tandem-pg", ".out");
            try {
                Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Timed out: " + String.join(" ", full));
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("Failed (" + process.exitValue() + "): " + String.join(" ", full)
                            + "\n" + Files.readString(output) + logs());
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path log : List.of(dir.resolve("primary.log"), dir.resolve("standby.log"))) {
            if (Files.exists(log)) {
                all.append("\n--- ").append(log.getFileName()).append("\n").append(Files.readString(log));
            }
        }
        return all.toString();
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
