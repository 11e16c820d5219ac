package io.tandem.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --load} starts Tandem without its web server on the embedded PostgreSQL, with its password. */
class GenerateCommandIT {

    @TempDir
    Path tmp;

    @Test
    void loadImportsTheFilesIntoAPasswordProtectedEmbeddedDatabase() throws Exception {
        Path data = tmp.resolve("data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        int status = GenerateCommand.run(new String[] {"--scale", "0.01", "--out", tmp.resolve("csv").toString(), "--load",
                "--tandem.data-dir=" + data}, print, print);

        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported ", "from 7 files");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("tandem-db-password"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
    }
}
