package io.tandem.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.EmptyTandemIT;
import io.tandem.app.Http;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Uploads wait in {@code <data-dir>/uploads} (700, files 600), never in the system temp folder, and
 * are gone when their import ends, whether it succeeded or failed. Each upload here is held open
 * half-way so the test can look at the folder while the import is under way.
 */
@EmptyTandemIT
class UploadFolderIT {

    private static final String REPS_HEADER = "external_id,name,email,team,role,annual_cost,high_touch,active\n";

    @LocalServerPort
    int port;
    @Autowired
    UploadFolder uploads;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void admin() {
        TestUsers.ensureAdmin(users, encoder);
    }

    @Test
    void theFolderIsInTheDataDirectoryAndOnlyItsOwnerCanEnterIt() throws IOException {
        assertThat(uploads.path()).isEqualTo(dataDirectory.path().resolve("uploads"));
        assertThat(mode(uploads.path())).isEqualTo("rwx------");
    }

    @Test
    void aRawUploadWaitsThereReadableByItsOwnerOnlyAndIsDeletedAfterItsImport() throws Exception {
        // enough rows that the client sends some before it waits (it holds back its last buffer)
        StringBuilder rows = new StringBuilder(REPS_HEADER);
        for (int i = 1; i <= 3000; i++) {
            rows.append("U").append(i).append(",Una Upload,una").append(i).append("@x.io,Support,support,50000,false,true\n");
        }
        byte[] secondHalf = "V1,Vic Upload,vic@x.io,Sales,sales,60000,false,true\n".getBytes(StandardCharsets.UTF_8);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> response = post("/api/imports/reps?dryRun=true", "text/csv",
                held(rows.toString().getBytes(StandardCharsets.UTF_8), release, secondHalf));

        List<Path> during = waitFor(files -> files.size() == 1 && size(files.get(0)) > 0);
        assertThat(during).hasSize(1);
        assertThat(during.get(0).getFileName().toString()).startsWith("import-").endsWith(".upload");
        assertThat(mode(during.get(0))).isEqualTo("rw-------");
        release.countDown();

        HttpResponse<String> done = response.get(30, TimeUnit.SECONDS);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("\"rows\":3001");
        assertThat(waitFor(List::isEmpty)).isEmpty();
    }

    @Test
    void aMultipartUploadIsSpooledThereTooAndNothingIsLeftWhenItsImportFails() throws Exception {
        String boundary = "tandemboundary";
        // past the 1 MB threshold Tomcat writes the part to disk: in the upload folder
        byte[] firstHalf = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"reps.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + REPS_HEADER + "x".repeat(1_200_000)).getBytes(StandardCharsets.UTF_8);
        byte[] secondHalf = ("\n\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> response = post("/api/imports/reps?mode=strict",
                "multipart/form-data; boundary=" + boundary, held(firstHalf, release, secondHalf));

        List<Path> during = waitFor(files -> files.size() == 1);
        assertThat(during).hasSize(1);
        assertThat(during.get(0).getFileName().toString()).startsWith("upload_"); // Tomcat's name for a part
        release.countDown();

        // a field of 1.2 million x's is over tandem.import.max-field-chars: the file is refused
        assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(400);
        assertThat(waitFor(List::isEmpty)).isEmpty();
    }

    @Test
    void anUploadThatIsNoZipLeavesNothingBehind() throws Exception {
        CompletableFuture<HttpResponse<String>> response = post("/api/imports/zip", "application/zip",
                new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(400);
        assertThat(waitFor(List::isEmpty)).isEmpty();
    }

    @Test
    void leftoversOfAKilledRunAreSweptAtStart() throws IOException {
        Files.writeString(uploads.path().resolve("import-123.upload"), "left by kill -9");
        Files.writeString(uploads.path().resolve("upload_0001.tmp"), "a multipart part Tomcat never deleted");
        Files.setPosixFilePermissions(uploads.path(), PosixFilePermissions.fromString("rwxr-xr-x"));

        uploads.prepare();

        assertThat(files()).isEmpty();
        assertThat(mode(uploads.path())).isEqualTo("rwx------");
    }

    /** Sends the first bytes at once and the rest only after {@code release}. */
    private static InputStream held(byte[] first, CountDownLatch release, byte[] rest) {
        InputStream afterRelease = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(rest);

            @Override
            public int read() throws IOException {
                awaitRelease();
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                awaitRelease();
                return in.read(b, off, len);
            }

            private void awaitRelease() throws IOException {
                try {
                    if (!release.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(first), afterRelease);
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String contentType, InputStream body) {
        HttpRequest request = HttpRequest.newBuilder(Http.uri(port, path))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("Authorization", Http.basic(TestUsers.ADMIN, TestUsers.PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        return Http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The folder's files once they match, within 10 s (Tomcat deletes parts just after the response). */
    private List<Path> waitFor(Predicate<List<Path>> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Path> files = files();
        while (!condition.test(files) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            files = files();
        }
        return files;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(uploads.path())) {
            return files.toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // deleted meanwhile
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
