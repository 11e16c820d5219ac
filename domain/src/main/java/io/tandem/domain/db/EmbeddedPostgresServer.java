package io.tandem.domain.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a real PostgreSQL 17 from the zonky binaries on a data directory that outlives the JVM.
 *
 * <p>The server listens on loopback only, has no Unix socket, and asks every connection for the
 * superuser's password (scram-sha-256), which is random and kept in {@code <data-dir>/tandem-db-password}
 * for the owner only; a data directory made before that is moved over on its first start.
 *
 * <p>zonky turns durability off by default (fsync, synchronous_commit); Tandem turns both back on
 * so that a crash loses nothing. A second Tandem on the same directory is refused with a clear
 * message, and a PostgreSQL left behind by a killed JVM is stopped before starting again.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String LOCK_FILE = "epg-lock";
    private static final String HBA_FILE = "pg_hba.conf";
    private static final String SUPERUSER = "postgres";
    /** There is no Unix socket, so only TCP lines: loopback, IPv4 and IPv6. */
    private static final String PASSWORD_HBA = """
            # Written by Tandem: loopback connections only, each with the password in tandem-db-password
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;
    private static final String TRUST_HBA = """
            # Written by Tandem while it sets the password; replaced within seconds
            host all all 127.0.0.1/32 trust
            host all all ::1/128 trust
            """;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    /**
     * @param dataDirectory where PostgreSQL keeps its files; created when missing
     * @param clean         wipe the directory first (tests only)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean clean) {
        try {
            Path dir = dataDirectory.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            refuseWhenInUse(dir);
            stopOrphanedPostmaster(dir);
            EmbeddedPostgres pg;
            String password;
            if (clean || !Files.exists(dir.resolve("postgresql.conf"))) {
                password = PasswordFile.newPassword();
                pg = initialise(dir, clean, password);
            } else {
                if (!passwordAlreadyRequired(dir)) {
                    requirePassword(dir);
                }
                password = PasswordFile.read(dir);
                pg = builder(dir, false, password).start();
            }
            log.info("Embedded PostgreSQL 17 started on port {} with data in {}", pg.getPort(), dir);
            return new EmbeddedPostgresServer(pg, dir, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the password of the embedded PostgreSQL in " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The settings of every start. Only loopback connections are accepted and no Unix socket is
     * created (it would sit in /tmp); pg_hba.conf asks each of them for the password. zonky's own
     * readiness check and {@link #dataSource()} connect with it too.
     */
    private static EmbeddedPostgres.Builder builder(Path dir, boolean clean, String password) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setConnectConfig("password", password)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                // an analytical workload: sorts and hash joins of dashboards fit in memory instead of
                // spilling to temporary files, and the planner knows the OS caches the tables
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "32MB")
                .setServerConfig("maintenance_work_mem", "128MB")
                .setServerConfig("effective_cache_size", "2GB");
    }

    /**
     * A new data directory: initdb sets the password and scram-sha-256 from the start. initdb wants
     * the directory empty, so it reads the password from a private temporary file; the password
     * file goes into the directory once initdb is done, before the server first starts.
     */
    private static EmbeddedPostgres initialise(Path dir, boolean clean, String password) throws IOException {
        Path pwfile = Files.createTempFile("tandem-initdb", ".pw", PasswordFile.OWNER_ONLY);
        try {
            Files.writeString(pwfile, password);
            return builder(dir, clean, password)
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", pwfile.toString())
                    .setDataDirectoryCustomizer(initialised -> {
                        try {
                            PasswordFile.write(dir, password);
                            writeHba(dir, PASSWORD_HBA);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .start();
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /** True when there is a password file and pg_hba.conf trusts nobody. */
    private static boolean passwordAlreadyRequired(Path dir) throws IOException {
        return Files.exists(PasswordFile.in(dir))
                && Files.readAllLines(dir.resolve(HBA_FILE)).stream()
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .allMatch(line -> line.matches(".*\\sscram-sha-256"));
    }

    /**
     * A data directory made before Tandem used passwords (initdb with trust), or one whose password
     * file is gone: give the superuser a new password over a trusted loopback connection, then
     * require it. Each step can be repeated, in this order, so a crash part-way through is finished
     * on the next start: the password file first (kept if there is one), then the role, then
     * pg_hba.conf. The trusted server listens on loopback only and runs for about a second.
     */
    private static void requirePassword(Path dir) throws IOException, SQLException {
        if (!Files.exists(PasswordFile.in(dir))) {
            PasswordFile.write(dir, PasswordFile.newPassword());
        }
        String password = PasswordFile.read(dir);
        writeHba(dir, TRUST_HBA);
        try (EmbeddedPostgres trusted = builder(dir, false, password).start();
             Connection connection = trusted.getPostgresDatabase().getConnection()) {
            // the driver sends the SCRAM verifier, never the password itself
            connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
        }
        writeHba(dir, PASSWORD_HBA);
        log.info("The embedded PostgreSQL in {} now requires a password (scram-sha-256, loopback only); it is in {}",
                dir, PasswordFile.in(dir));
    }

    private static void writeHba(Path dir, String content) throws IOException {
        PasswordFile.writeOwnerOnly(dir.resolve(HBA_FILE), content);
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** The URL names the user; connect with {@link #password()} as well. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, "postgres");
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** zonky holds an exclusive lock on epg-lock while its server runs. */
    private static void refuseWhenInUse(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataDirectoryInUseException(dir);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new DataDirectoryInUseException(dir);
        }
    }

    /**
     * After a kill -9 of the JVM its PostgreSQL keeps running and holds postmaster.pid; the next
     * start would wait and fail. The lock above proved no Tandem owns the directory any more, so a
     * live postmaster named there is an orphan: ask it to stop (SIGINT = fast shutdown) and wait.
     */
    private static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::trim)
                .filter(s -> s.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        log.warn("Stopping PostgreSQL (pid {}) left running by an earlier Tandem that did not shut down", pid);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            postmaster.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL (pid " + pid + ") from an earlier run still holds "
                    + dir + " and did not stop; stop it by hand and start Tandem again", e);
        }
    }

    /** Thrown when another running Tandem (or test) owns the data directory. */
    public static final class DataDirectoryInUseException extends IllegalStateException {
        DataDirectoryInUseException(Path dir) {
            super("Another Tandem is already running with data directory " + dir
                    + ". Stop it first, or start this one with a different --tandem.data-dir.");
        }
    }
}
