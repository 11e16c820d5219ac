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
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a real PostgreSQL 17 from the zonky binaries on a data directory that outlives the JVM.
 *
 * <p>zonky turns durability off by default (fsync, synchronous_commit); Tandem turns both back on
 * so that a crash loses nothing. A second Tandem on the same directory is refused with a clear
 * message, and a PostgreSQL left behind by a killed JVM is stopped before starting again.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
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
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    // an analytical workload: sorts and hash joins of dashboards fit in memory instead of
                    // spilling to temporary files, and the planner knows the OS caches the tables
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("maintenance_work_mem", "128MB")
                    .setServerConfig("effective_cache_size", "2GB")
                    .start();
            log.info("Embedded PostgreSQL 17 started on port {} with data in {}", pg.getPort(), dir);
            return new EmbeddedPostgresServer(pg, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
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
