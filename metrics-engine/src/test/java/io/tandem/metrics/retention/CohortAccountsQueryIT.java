package io.tandem.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.metrics.MetricsDataset;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CohortAccountsQueryIT {

    /*
     * Horizon June 2024 (the last revenue row). The same accounts as CohortRetentionQueryIT:
     *   cohort Jan: A 100 Jan-Jun (2 seats); B 50 Jan, Feb, (Mar 0), Apr, May, (Jun 0) (2 seats);
     *               E flat 30, signed 20 Jan, churned 2 Mar: active Jan, Feb (no seats: unknown)
     *   cohort Mar: D 20 Mar-Jun (12 seats); F a Feb row of 0, Mar 10, nothing after (12 seats)
     */
    private static MetricsDataset dataset() {
        return MetricsDataset.fresh()
                .rep("R1", "North", "sales", "100000", false)
                .account("A", "2024-01-01T00:00:00Z", null, 2, null)
                .revenueEach("A", "2024-01", "2024-06", "100")
                .account("B", "2024-01-01T00:00:00Z", null, 2, null)
                .revenue("B", "2024-01", "50", "2024-02", "50", "2024-04", "50", "2024-05", "50")
                .account("E", "2024-01-20T00:00:00Z", "2024-03-02T00:00:00Z", null, "30")
                .account("D", "2024-03-01T00:00:00Z", null, 12, null)
                .revenueEach("D", "2024-03", "2024-06", "20")
                .account("F", "2024-02-01T00:00:00Z", null, 12, null)
                .revenue("F", "2024-02", "0", "2024-03", "10")
                .owner("R1", "A", "E");
    }

    @Test
    void aCellListsEveryAccountOfTheCohortWithItsMrrAtThatAgeActiveFirst() {
        MetricsDataset data = dataset();

        // cell (Jan, 3) = April: A 100 and B 50 active, E churned in March: 2 of 3, as in the cohort table
        CohortAccounts cell = new CohortAccountsQuery(data.jdbc()).fetch(YearMonth.of(2024, 1), 3, null, null);

        assertThat(cell.inFuture()).isFalse();
        assertThat(cell.currency()).isEqualTo("USD");
        assertThat(cell.accounts()).extracting(CohortAccount::externalId).containsExactly("A", "B", "E");
        assertThat(cell.accounts()).extracting(CohortAccount::mrr).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), new BigDecimal("50"), BigDecimal.ZERO);
        assertThat(cell.accounts()).extracting(CohortAccount::active).containsExactly(true, true, false);
        assertThat(cell.accounts()).extracting(CohortAccount::segment).containsExactly("1-3", "1-3", "unknown");
        assertThat(cell.active()).isEqualTo(2);
    }

    @Test
    void aPageOfACellKeepsTheOrderAndTheTotalsOfTheWholeCell() {
        MetricsDataset data = dataset();
        CohortAccountsQuery query = new CohortAccountsQuery(data.jdbc());

        // cell (Jan, 3) holds A, B, E (2 of 3 active); pages of 2: [A, B], [E], then past the end
        CohortAccounts first = query.fetch(YearMonth.of(2024, 1), 3, null, null, 2, 0);
        CohortAccounts second = query.fetch(YearMonth.of(2024, 1), 3, null, null, 2, 2);
        CohortAccounts beyond = query.fetch(YearMonth.of(2024, 1), 3, null, null, 2, 4);

        assertThat(first.accounts()).extracting(CohortAccount::externalId).containsExactly("A", "B");
        assertThat(second.accounts()).extracting(CohortAccount::externalId).containsExactly("E");
        assertThat(second.offset()).isEqualTo(2);
        assertThat(beyond.accounts()).isEmpty();
        for (CohortAccounts page : new CohortAccounts[] {first, second, beyond}) {
            assertThat(page.size()).isEqualTo(3);
            assertThat(page.active()).isEqualTo(2);
        }
    }

    @Test
    void anAccountWithAZeroRowBeforeItsFirstMrrBelongsToTheLaterCohort() {
        MetricsDataset data = dataset();

        // cohort Mar: D and F (F's February row is 0); at age 1 (April) only D is active: 1 of 2
        CohortAccounts cell = new CohortAccountsQuery(data.jdbc()).fetch(YearMonth.of(2024, 3), 1, null, null);

        assertThat(cell.accounts()).extracting(CohortAccount::externalId).containsExactly("D", "F");
        assertThat(cell.active()).isEqualTo(1);
        assertThat(new CohortAccountsQuery(data.jdbc()).fetch(YearMonth.of(2024, 2), 0, null, null).accounts())
                .isEmpty();
    }

    @Test
    void teamAndSegmentFiltersApplyAsInTheTable() {
        MetricsDataset data = dataset();
        CohortAccountsQuery query = new CohortAccountsQuery(data.jdbc());

        // team North owns A and E; segment 1-3 holds A and B
        assertThat(query.fetch(YearMonth.of(2024, 1), 0, "North", null).accounts())
                .extracting(CohortAccount::externalId).containsExactly("A", "E");
        assertThat(query.fetch(YearMonth.of(2024, 1), 0, null, "1-3").accounts())
                .extracting(CohortAccount::externalId).containsExactly("A", "B");
    }

    @Test
    void aCellAfterTheHorizonIsEmptyNotZero() {
        MetricsDataset data = dataset();

        // Mar + 4 = July, after the June horizon
        CohortAccounts cell = new CohortAccountsQuery(data.jdbc()).fetch(YearMonth.of(2024, 3), 4, null, null);

        assertThat(cell.inFuture()).isTrue();
        assertThat(cell.accounts()).extracting(CohortAccount::mrr).containsOnlyNulls();
        assertThat(cell.active()).isZero();
    }

    @Test
    void anEmptyDatabaseGivesNoAccountsAndANegativeAgeIsRefused() {
        MetricsDataset data = MetricsDataset.fresh();
        CohortAccountsQuery query = new CohortAccountsQuery(data.jdbc());

        assertThat(query.fetch(YearMonth.of(2024, 1), 0, null, null).accounts()).isEmpty();
        assertThatThrownBy(() -> query.fetch(YearMonth.of(2024, 1), -1, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("age");
    }
}
