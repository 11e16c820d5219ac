package io.tandem.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.TandemApplication;
import io.tandem.app.security.TestUsers;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.growth.GrowthQuery;
import io.tandem.metrics.indicators.LeadingIndicatorsQuery;
import io.tandem.metrics.segments.SegmentsQuery;
import io.tandem.metrics.overview.HeadlinesQuery;
import io.tandem.metrics.retention.CohortRetentionQuery;
import io.tandem.metrics.retention.LogoChurnQuery;
import io.tandem.metrics.revenue.ArpuByAgeQuery;
import io.tandem.metrics.revenue.MrrMovementsQuery;
import io.tandem.metrics.revenue.RevenueRetentionQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Export the demo company, import it into an emptied database: the same data, the same figures. */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "tandem.data-dir=${java.io.tmpdir}/tandem-it/${random.uuid}",
                "tandem.embedded.clean=true",
                "tandem.demo.accounts=150"})
class RoundTripIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    HeadlinesQuery headlines;
    @Autowired
    MrrMovementsQuery movements;
    @Autowired
    LogoChurnQuery churn;
    @Autowired
    CohortRetentionQuery cohorts;
    @Autowired
    RevenueRetentionQuery revenueRetention;
    @Autowired
    ArpuByAgeQuery arpu;
    @Autowired
    SegmentsQuery segments;
    @Autowired
    GrowthQuery growth;
    @Autowired
    LeadingIndicatorsQuery indicators;

    private Map<String, String> exports() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String kind : ImportTesting.TABLES) {
            HttpResponse<String> response = Http.api(port, "GET", "/api/exports/" + kind, null, null,
                    TestUsers.ADMIN, TestUsers.PASSWORD);
            assertThat(response.statusCode()).isEqualTo(200);
            files.put(kind, response.body());
        }
        return files;
    }

    private List<Object> figures() {
        MetricFilter all = MetricFilter.of(LocalDate.now().minusYears(4), LocalDate.now());
        return List.of(headlines.fetch(), movements.fetch(all), churn.fetch(all), cohorts.fetch(all),
                revenueRetention.fetch(all), arpu.fetch(all), segments.fetch(all), growth.fetch(all),
                indicators.fetch(all));
    }

    @Test
    void exportingAndImportingIntoAnEmptyDatabaseKeepsEveryRowAndEveryFigure() throws IOException {
        TestUsers.ensureAdmin(users, encoder);
        Map<String, String> before = exports();
        List<Object> figuresBefore = figures();
        assertThat(before.get("tickets").lines().count()).as("the demo has tickets").isGreaterThan(100);

        ImportTesting.emptyAllData(jdbc);
        assertThat(jdbc.sql("select count(*) from accounts").query(Long.class).single()).isZero();
        HttpResponse<String> imported = ImportTesting.post(port, "zip", "mode=strict", "application/zip", zip(before));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).doesNotContainPattern("\"rejected\":[1-9]");
        Map<String, String> after = exports();
        for (String kind : before.keySet()) {
            assertThat(after.get(kind).lines().toList()).as(kind).containsExactlyElementsOf(before.get(kind).lines().toList());
        }
        assertThat(figures()).isEqualTo(figuresBefore);
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey() + ".csv"));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
