package io.tandem.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
}
