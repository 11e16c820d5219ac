package io.tandem.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.EmptyTandemIT;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A seeded fuzz run: random bytes and mutated CSV files (flipped bytes, stray quotes, commas,
 * newlines and NULs, cut lines, truncation) against the import API. Whatever arrives, the answer
 * is never a 500, always a JSON body, and a refused file never writes part of itself.
 */
@EmptyTandemIT
class ImportFuzzIT {

    private static final long SEED = 20261124L;
    private static final int CASES = 250;
    private static final byte[] NASTY = ",\"\n\r;'=\0\u00ff|\t ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void baseCompany() {
        TestUsers.ensureAdmin(users, encoder);
        ImportTesting.emptyAllData(jdbc);
        ImportTesting.importGoodFiles(port);
    }

    @Test
    void noInputCausesAServerErrorOrAPartialWrite() {
        Random random = new Random(SEED);
        String[] kinds = {"tickets", "auto", "ratings", "deals"};
        for (int i = 0; i < CASES; i++) {
            String kind = kinds[random.nextInt(kinds.length)];
            byte[] body = i < 25 ? randomBytes(random) : mutate(random,
                    ImportTesting.resource("good/" + (kind.equals("auto") ? "tickets" : kind) + ".csv"));
            boolean lenient = random.nextBoolean();
            String before = ImportTesting.digest(jdbc);

            HttpResponse<String> response = ImportTesting.post(port, kind, lenient ? "mode=lenient" : "mode=strict",
                    "text/csv", body);

            String what = "case " + i + " (" + kind + ", " + (lenient ? "lenient" : "strict") + "): "
                    + response.body();
            assertThat(response.statusCode()).as(what).isIn(Set.of(200, 400, 413, 422));
            assertThat(response.body()).as(what).startsWith("{");
            if (response.statusCode() != 200) {
                assertThat(ImportTesting.digest(jdbc)).as("refused, so unchanged: " + what).isEqualTo(before);
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(3000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutate(Random random, byte[] original) {
        byte[] bytes = Arrays.copyOf(original, original.length);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] = NASTY[random.nextInt(NASTY.length)];
                case 2 -> bytes = splice(bytes, at, Math.min(bytes.length, at + random.nextInt(20)), new byte[0]);
                case 3 -> bytes = splice(bytes, at, at, new byte[] {NASTY[random.nextInt(NASTY.length)]});
                default -> bytes = Arrays.copyOf(bytes, at);
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] out = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(bytes, to, out, from + insert.length, bytes.length - to);
        return out;
    }
}
