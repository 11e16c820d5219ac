package io.tandem.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static List<String> flatten(List<TableRows> tables) {
        return tables.stream()
                .flatMap(t -> t.rows().stream().map(r -> t.table() + Arrays.deepToString(r)))
                .toList();
    }

    @Test
    void sameSeedSizeAndDayGiveTheSameCompany() {
        List<String> first = flatten(new DemoDataGenerator(7, 200, TODAY).generate());
        List<String> second = flatten(new DemoDataGenerator(7, 200, TODAY).generate());
        assertThat(first).isEqualTo(second);
    }

    @Test
    void anotherSeedGivesAnotherCompany() {
        assertThat(flatten(new DemoDataGenerator(7, 200, TODAY).generate()))
                .isNotEqualTo(flatten(new DemoDataGenerator(8, 200, TODAY).generate()));
    }

    @Test
    void sizeSetsTheNumberOfAccountsAndAllSevenKindsAreFilled() {
        List<TableRows> tables = new DemoDataGenerator(42, 300, TODAY).generate();
        assertThat(tables).extracting(TableRows::table)
                .containsExactly("reps", "accounts", "customers", "revenue", "tickets", "ratings", "deals");
        assertThat(tables.get(1).rows()).hasSize(300);
        assertThat(tables).allSatisfy(t -> assertThat(t.rows()).as(t.table()).isNotEmpty());
    }

    @Test
    void tooSmallASizeIsRefused() {
        assertThatThrownBy(() -> new DemoDataGenerator(42, 3, TODAY))
                .hasMessageContaining("at least 10 accounts");
    }
}
