package io.tandem.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.TandemApplication;
import io.tandem.app.imports.FolderImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scale 0.02 (400 accounts, about 20,000 tickets) written as CSV, imported through the importer in
 * strict mode, holds the demo's planted patterns (the tests of {@link PlantedPatterns}).
 */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "tandem.data-dir=${java.io.tmpdir}/tandem-it/${random.uuid}",
                "tandem.embedded.clean=true",
                "tandem.demo.load=false",
                // its own context and database (see SupportApiIT)
                "tandem.test.dataset=scale"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleDataIT implements PlantedPatterns {

    @Autowired
    FolderImport folderImport;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    Map<String, Long> written;
    Map<String, Long> imported;

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @BeforeAll
    void writeAndImport() throws IOException {
        Path dir = Files.createTempDirectory("tandem-scale");
        written = ScaleData.write(0.02, 42, LocalDate.now(clock), dir);
        imported = folderImport.importCsvFiles(dir, "scale-test");
    }

    @Test
    void everyWrittenRowIsImportedWithoutARejection() {
        assertThat(imported).containsExactlyInAnyOrderEntriesOf(written);
        assertThat(written.get("accounts")).isEqualTo(400);
        assertThat(written.get("tickets")).isBetween(18_000L, 22_000L);
        for (String kind : written.keySet()) {
            assertThat(jdbc.sql("select count(*) from " + kind).query(Long.class).single()).as(kind)
                    .isEqualTo(written.get(kind));
        }
        assertThat(jdbc.sql("select count(*) from reps where name in"
                        + " ('Morgan Hale', 'Jamie Fox', 'Riley Chase', 'Hana Sato', 'Dana Lee')").query(Long.class).single())
                .isEqualTo(5);
    }
}
