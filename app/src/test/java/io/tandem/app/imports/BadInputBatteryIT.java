package io.tandem.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.EmptyTandemIT;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every file under imports/bad (listed with its expected outcome in imports/bad/cases.psv: 100
 * hostile files of encodings, quoting, sizes, types, ranges, zips and references) is refused in
 * strict mode with the exact status, line, column, value and message, and leaves every table
 * exactly as it was. Files ending in .zip are posted as application/zip.
 */
@EmptyTandemIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputBatteryIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeAll
    void baseCompany() {
        TestUsers.ensureAdmin(users, encoder);
        ImportTesting.emptyAllData(jdbc);
        ImportTesting.importGoodFiles(port);
    }

    static Stream<Arguments> cases() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                BadInputBatteryIT.class.getResourceAsStream("/imports/bad/cases.psv"), StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("\\|", -1))
                    .map(f -> Arguments.of(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], f[5],
                            f.length > 6 ? f[6] : null))
                    .toList().stream();
        }
    }

    @Test
    void theBatteryHoldsAtLeastEightyFiles() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(80);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badFileIsRefusedPreciselyAndChangesNothing(String file, String kind, int status, String line, String column,
                                                    String message, String value) {
        String before = ImportTesting.digest(jdbc);

        HttpResponse<String> response = ImportTesting.post(port, kind, "mode=strict",
                file.endsWith(".zip") ? "application/zip" : "text/csv", ImportTesting.resource("bad/" + file));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith(status == 422 ? "application/json" : "application/problem+json");
        if (line.isEmpty()) {
            assertThat(response.body()).contains(message.replace("\"", "\\\""));
        } else {
            assertThat(value).as("a row error names its value in cases.psv").isNotNull();
            String error = "{\"line\":" + line + ",\"column\":" + (column.isEmpty() ? "null" : "\"" + column + "\"")
                    + ",\"value\":" + (value.isEmpty() ? "\"\"" : "\"" + value + "\"") + ",\"message\":\"" + message;
            assertThat(response.body()).contains(error);
            assertThat(response.body()).contains("\"written\":false");
        }
        assertThat(ImportTesting.digest(jdbc)).as("database unchanged").isEqualTo(before);
    }
}
