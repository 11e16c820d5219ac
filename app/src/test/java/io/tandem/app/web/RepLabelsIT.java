package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Http;
import io.tandem.app.TandemIT;
import io.tandem.app.security.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A REP user sees every other rep under one label, the same on every page, API and CSV (issue 14). */
@TandemIT
class RepLabelsIT {

    @LocalServerPort
    int port;
    @Autowired
    RepLabels labels;
    @Autowired
    JdbcClient jdbc;

    private String asRep(String path) {
        return Http.api(port, "GET", path, null, null, TestUsers.REP, TestUsers.PASSWORD).body();
    }

    private List<String> repsOf(JsonNode table) {
        List<String> reps = new ArrayList<>();
        table.forEach(r -> reps.add(r.get("rep").asString()));
        return reps;
    }

    @Test
    void oneLabelPerRepOnEveryPageApiAndCsvThatTellsNothingOfItsId() {
        JsonMapper json = JsonMapper.builder().build();
        String jamie = labels.labelOf("R002");
        assertThat(jamie).matches("Rep [0-9A-Z]{6}").doesNotContain("R002").isNotEqualTo("Rep 1");

        List<String> support = repsOf(json.readTree(asRep("/api/metrics/support/response-vs-volume")).get("reps"));
        List<String> happiness = repsOf(json.readTree(asRep("/api/metrics/support/happiness")).get("reps"));
        assertThat(support).contains(jamie, TestUsers.REP_ID).doesNotContain("R002", "R003");
        assertThat(happiness).contains(jamie);
        assertThat(support).doesNotHaveDuplicates();
        assertThat(asRep("/api/metrics/support/response-vs-volume/reps.csv")).contains(jamie).doesNotContain("R002");

        String riley = jdbc.sql("select external_id from reps where name = 'Riley Chase'").query(String.class).single();
        List<String> sales = repsOf(json.readTree(asRep("/api/metrics/sales/quality")).get("reps"));
        assertThat(sales).contains(labels.labelOf(riley)).doesNotContain(riley);
        // the label of one rep is the same in every table, whoever of the REP users looks
        String asJamie = Http.api(port, "GET", "/api/metrics/sales/quality", null, null, TestUsers.OTHER_REP,
                TestUsers.PASSWORD).body();
        assertThat(repsOf(json.readTree(asJamie).get("reps"))).contains(labels.labelOf(riley));
    }

    @Test
    void labelsDependOnTheServersKey() {
        String key = jdbc.sql("select rep_label_key from settings").query(String.class).single();
        assertThat(key).hasSizeGreaterThanOrEqualTo(64);
    }
}
