package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingQuote() {
        String csv = CsvTable.of("t", "name", "value")
                .row("=SUM(A1)", null)
                .row("+1", new BigDecimal("-5.00"))
                .row("-x", BigDecimal.ONE)
                .row("@cmd", 3)
                .row("plain, with \"quotes\"", true)
                .text();
        assertThat(csv.split("\r\n")).containsExactly(
                "name,value",
                "'=SUM(A1),",
                "'+1,-5.00",
                "'-x,1",
                "'@cmd,3",
                "\"plain, with \"\"quotes\"\"\",true");
    }

    @Test
    void theDownloadIsAnAttachmentNamedForTheTable() {
        var response = CsvTable.of("mrr-movements", "month").row("2024-01").response();
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("mrr-movements.csv");
    }

    record Group(long n, BigDecimal rate) {
    }

    record Line(String name, @JsonProperty("new") BigDecimal newMrr, Group cohort, Boolean flagged) {
    }

    record Listed(String name, List<String> items) {
    }

    @Test
    void aTableOfRecordsHasTheRecordsComponentsAsColumnsNamedAsInTheJson() {
        String csv = CsvTable.of("lines", Line.class, List.of(
                new Line("=A1", new BigDecimal("1.50"), new Group(3, new BigDecimal("0.5")), true),
                new Line("b", null, null, null))).text();
        assertThat(csv.split("\r\n")).containsExactly(
                "name,new,cohortN,cohortRate,flagged",
                "'=A1,1.50,3,0.5,true",
                "b,,,,");
    }

    @Test
    void aRecordWithAListIsNoTable() {
        assertThatThrownBy(() -> CsvTable.of("listed", Listed.class, List.of()))
                .hasMessageContaining("Listed.items is a list");
    }
}
