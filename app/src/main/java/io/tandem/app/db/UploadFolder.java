package io.tandem.app.db;

import io.tandem.domain.db.EmbeddedPostgresServer;
import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where uploads wait while their import runs: {@code <data-dir>/uploads}, readable by the owner
 * only (folder 700, files 600), also with an external database. Tomcat writes multipart parts here
 * too, instead of the system temp folder. Each import deletes its file when it ends; whatever a
 * killed run left behind is swept at start, before the first request is served.
 */
@Component
public class UploadFolder {

    private static final Logger log = LoggerFactory.getLogger(UploadFolder.class);

    private final Path path;

    /**
     * On a first start initdb needs an empty data directory, so the embedded PostgreSQL (when there
     * is one) starts before this folder is made.
     */
    UploadFolder(DataDirectory dataDir, ObjectProvider<EmbeddedPostgresServer> embedded) {
        embedded.getIfAvailable();
        this.path = dataDir.path().resolve("uploads");
    }

    @PostConstruct
    void prepare() throws IOException {
        Files.createDirectories(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // a folder made earlier (or by hand) gets the same mode
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        sweep();
    }

    public Path path() {
        return path;
    }

    /** A new empty file for one upload, mode 600; the caller deletes it when the import ends. */
    public Path newFile() throws IOException {
        return Files.createTempFile(path, "import-", ".upload",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    /** Deletes every file left in the folder; returns how many. */
    int sweep() throws IOException {
        List<Path> leftovers;
        try (Stream<Path> files = Files.list(path)) {
            leftovers = files.filter(Files::isRegularFile).toList();
        }
        for (Path file : leftovers) {
            Files.deleteIfExists(file);
        }
        if (!leftovers.isEmpty()) {
            log.info("Deleted {} upload(s) left in {} by an earlier run", leftovers.size(), path);
        }
        return leftovers.size();
    }
}
