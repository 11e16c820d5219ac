package io.tandem.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rollup table account_month (V4 migration) always equals its from-scratch definition, the view
 * account_month_history, after every kind of write the app and the tests make: inserts, upserts that
 * change values, deletes, truncates, settings changes and a moving horizon. Only the accounts a
 * statement changed are recomputed; a new horizon month rebuilds the table.
 */
class RollupConsistencyIT {

    /** Rows in the table and not in the definition, or the other way round: none when consistent. */
    private static List<String> differences(MetricsDataset data) {
        return data.jdbc().sql("select rollup || ' ' || difference || ' ' || row_text from rollup_differences()")
                .query(String.class).list();
    }

    private static long rows(MetricsDataset data) {
        return data.jdbc().sql("select count(*) from account_month").query(Long.class).single();
    }

    /** The transaction ids that wrote one account's rollup rows: unchanged while the rows are not rewritten. */
    private static List<String> writers(MetricsDataset data, String account) {
        return data.jdbc().sql("""
                select m.xmin::text from account_month m join accounts a on a.id = m.account_id
                where a.external_id = :account order by m.month
                """).param("account", account).query(String.class).list();
    }

    private static MetricsDataset dataset() {
        return MetricsDataset.fresh()
                .account("A", "2024-01-05T00:00:00Z", null, 5, null)
                .revenue("A", "2024-01", "100", "2024-02", "150", "2024-04", "120")
                .account("B", "2024-01-05T00:00:00Z", null, 2, "999")
                .revenueEach("B", "2023-01", "2024-05", "50")
                // flat: no revenue rows, 40 from February to April (churned 5 May)
                .account("C", "2024-02-10T00:00:00Z", "2024-05-05T00:00:00Z", null, "40")
                .account("D", "2024-03-31T23:30:00Z", null, 12, "30");
    }

    @Test
    void theTableEqualsItsDefinitionAfterEveryKindOfWrite() {
        MetricsDataset data = dataset();
        // horizon May 2024: A Jan-May (5), B Jan 2023-May 2024 (17), C Feb-May (4), D Mar-May (3)
        assertThat(differences(data)).isEmpty();
        assertThat(rows(data)).isEqualTo(29);

        // an import upsert that changes one value and leaves another row as it was
        data.jdbc().sql("""
                insert into revenue (account_id, month, mrr)
                select id, date '2024-02-01', 175 from accounts where external_id = 'A'
                union all
                select id, date '2024-03-01', 50 from accounts where external_id = 'B'
                on conflict (account_id, month) do update set mrr = excluded.mrr
                """).update();
        assertThat(differences(data)).isEmpty();
        assertThat(data.jdbc().sql("""
                select m.prev_mrr::text from account_month m join accounts a on a.id = m.account_id
                where a.external_id = 'A' and m.month = date '2024-03-01'
                """).query(String.class).single()).isEqualTo("175.00");

        // a deleted revenue row becomes a gap of MRR 0
        data.jdbc().sql("""
                delete from revenue where month = date '2023-06-01'
                  and account_id = (select id from accounts where external_id = 'B')
                """).update();
        assertThat(differences(data)).isEmpty();

        // account changes that move a flat account's months; a deleted account leaves no rows
        data.jdbc().sql("update accounts set churned_at = '2024-04-02T00:00:00Z', mrr = 45 where external_id = 'C'")
                .update();
        data.jdbc().sql("update accounts set seats = 3").update();
        data.jdbc().sql("delete from accounts where external_id = 'D'").update();
        assertThat(differences(data)).isEmpty();

        // a new horizon month: every account gets a row for it
        data.revenue("B", "2024-06", "55");
        assertThat(differences(data)).isEmpty();
        assertThat(data.jdbc().sql("select count(*) from account_month where month = date '2024-06-01'")
                .query(Long.class).single()).isEqualTo(3);

        // the time zone places flat accounts' months: D signed up 31 March 23:30 UTC, April in Berlin
        data.account("D", "2024-03-31T23:30:00Z", null, 12, "30");
        data.timeZone("Europe/Berlin");
        assertThat(differences(data)).isEmpty();
        assertThat(data.jdbc().sql("""
                select min(m.month)::text from account_month m join accounts a on a.id = m.account_id
                where a.external_id = 'D'
                """).query(String.class).single()).isEqualTo("2024-04-01");

        // the horizon moving back, and emptying everything the way tests do
        data.jdbc().sql("delete from revenue where month = date '2024-06-01'").update();
        assertThat(differences(data)).isEmpty();
        MetricsDataset.fresh();
        assertThat(differences(data)).isEmpty();
        assertThat(rows(data)).isZero();
    }

    @Test
    void aWriteRecomputesOnlyTheAccountsItChanged() {
        MetricsDataset data = dataset();
        List<String> untouched = writers(data, "B");
        List<String> before = writers(data, "A");

        data.jdbc().sql("""
                update revenue set mrr = 130
                where month = date '2024-04-01' and account_id = (select id from accounts where external_id = 'A')
                """).update();
        // an upsert that writes the same values changes nothing
        data.jdbc().sql("""
                insert into revenue (account_id, month, mrr)
                select account_id, month, mrr from revenue
                on conflict (account_id, month) do update set mrr = excluded.mrr
                """).update();

        assertThat(differences(data)).isEmpty();
        assertThat(writers(data, "B")).isEqualTo(untouched);
        assertThat(writers(data, "A")).doesNotContainAnyElementsOf(before);
    }

    @Test
    void whenTheClockMovesTheHorizonMetricsReadTheDefinitionUntilTheNextWrite() {
        // without revenue rows the horizon is the current month; pretend the table was built a month ago
        MetricsDataset data = MetricsDataset.fresh()
                .account("F", "2024-02-10T00:00:00Z", null, 1, "40");
        data.jdbc().sql("update rollup_state set horizon = horizon - interval '1 month'").update();
        data.jdbc().sql("delete from account_month where month = (select month from reporting_horizon)").update();

        List<String> current = data.jdbc().sql("""
                select t::text from (select * from account_month_current
                                     except all
                                     select * from account_month_history) t
                """).query(String.class).list();
        assertThat(current).isEmpty();
        assertThat(data.jdbc().sql("select count(*) from account_month_current").query(Long.class).single())
                .isEqualTo(data.jdbc().sql("select count(*) from account_month_history").query(Long.class).single());

        data.account("G", "2024-03-10T00:00:00Z", null, 1, "10");
        assertThat(differences(data)).isEmpty();
    }

    private static MetricsDataset supportDataset() {
        return MetricsDataset.fresh()
                .supportRep("n", "north").supportRep("s", "south")
                .account("A", "2024-01-05T00:00:00Z", null, 5, null)
                .customer("c", "A").customer("p", null)
                .supportTicket("t1", "c", "n", "2024-01-10T09:00:00Z", null, 1, "5", null, "2024-01-10T10:00:00Z")
                .supportTicket("t2", "c", "s", "2024-01-31T22:30:00Z", null, 5, null, null, "2024-01-31T23:30:00Z")
                .supportTicket("t3", "p", null, "2024-02-10T09:00:00Z", null, null, null, true, null)
                .supportTicket("t4", "p", "s", "2024-03-10T09:00:00Z", null, 2, "30", null, "2024-03-11T09:00:00Z")
                .rating("t1", "great", "2024-01-10T11:00:00Z", null)
                .rating("t2", "not_good", null, "n")
                .rating("t3", "ok", null, null);
    }

    private static List<String> monthWriters(MetricsDataset data, String month) {
        return data.jdbc().sql("select xmin::text from rep_tier_month where month = cast(:month as date)")
                .param("month", month).query(String.class).list();
    }

    @Test
    void theRepTierTableEqualsItsDefinitionAfterEveryKindOfWrite() {
        MetricsDataset data = supportDataset();
        assertThat(differences(data)).isEmpty();
        // January: t1 easy of n (great, closed, rated), t2 hard credited to n (not good, closed, rated)
        assertThat(data.jdbc().sql("""
                select string_agg(concat_ws(' ', r.external_id, m.tier, m.great, m.ok, m.not_good, m.closed, m.rated),
                                  ', ' order by m.tier)
                from rep_tier_month m left join reps r on r.id = m.rep_id where m.month = date '2024-01-01'
                """).query(String.class).single()).isEqualTo("n easy 1 0 0 1 1, n hard 0 0 1 1 1");

        // an import-like upsert of tickets that changes one ticket's rep and replies and rewrites another as it was
        data.jdbc().sql("""
                insert into tickets (external_id, customer_id, rep_id, opened_at, agent_replies, closed_at)
                select external_id, customer_id, (select id from reps where external_id = 's'),
                       opened_at, 3, closed_at from tickets where external_id = 't1'
                union all
                select external_id, customer_id, rep_id, opened_at, agent_replies, closed_at
                from tickets where external_id = 't4'
                on conflict (external_id) do update
                    set rep_id = excluded.rep_id, agent_replies = excluded.agent_replies
                """).update();
        assertThat(differences(data)).isEmpty();

        // a ratings upsert moving a rating to another month and rep; a new rating; a deleted one
        data.jdbc().sql("""
                insert into ratings (ticket_id, rating, rated_at, rep_id)
                select id, 'ok', timestamptz '2024-03-01T00:30:00Z', null::bigint from tickets where external_id = 't2'
                union all
                select id, 'great', null, null from tickets where external_id = 't4'
                on conflict (ticket_id) do update set rating = excluded.rating, rated_at = excluded.rated_at,
                                                      rep_id = excluded.rep_id
                """).update();
        data.jdbc().sql("delete from ratings where ticket_id = (select id from tickets where external_id = 't3')")
                .update();
        assertThat(differences(data)).isEmpty();

        // a closed ticket reopened, a ticket deleted
        data.jdbc().sql("update tickets set closed_at = null where external_id = 't1'").update();
        data.jdbc().sql("delete from tickets where external_id = 't3'").update();
        assertThat(differences(data)).isEmpty();

        // settings: the time zone moves t2 (31 January 22:30 UTC) into February; thresholds re-tier
        data.timeZone("Europe/Berlin");
        assertThat(differences(data)).isEmpty();
        data.difficulty(2, 20, 0, 5);
        assertThat(differences(data)).isEmpty();

        MetricsDataset.fresh();
        assertThat(differences(data)).isEmpty();
        assertThat(data.jdbc().sql("select count(*) from rep_tier_month").query(Long.class).single()).isZero();
    }

    @Test
    void aWriteRecomputesOnlyTheMonthsItTouched() {
        MetricsDataset data = supportDataset();
        List<String> january = monthWriters(data, "2024-01-01");
        List<String> march = monthWriters(data, "2024-03-01");

        data.jdbc().sql("update tickets set agent_replies = 9 where external_id = 't3'").update();
        // an upsert that writes the same values changes nothing
        data.jdbc().sql("""
                insert into ratings (ticket_id, rating, rated_at, rep_id)
                select ticket_id, rating, rated_at, rep_id from ratings
                on conflict (ticket_id) do update set rating = excluded.rating
                """).update();

        assertThat(differences(data)).isEmpty();
        assertThat(monthWriters(data, "2024-01-01")).isEqualTo(january);
        assertThat(monthWriters(data, "2024-03-01")).isEqualTo(march);
        assertThat(data.jdbc().sql("select tier from rep_tier_month where month = date '2024-02-01'")
                .query(String.class).list()).containsExactly("hard");
    }

    /*
     * Week of Monday 8 January 2024: t1 n c FRT 30 min 2 replies; t2 n c FRT 10, 1 reply; t3 n d unanswered;
     * t4 s c Sunday 14 January 23:30 UTC, FRT 45, 5 replies (hard). Week of 15 January: t5 without a rep,
     * prospect p, FRT 20, replies unknown.
     */
    private static MetricsDataset weekDataset() {
        return MetricsDataset.fresh()
                .supportRep("n", "north").supportRep("s", "south")
                .account("A", "2024-01-05T00:00:00Z", null, 5, null)
                .customer("c", "A").customer("d", "A").customer("p", null)
                .supportTicket("t1", "c", "n", "2024-01-09T10:00:00Z", "2024-01-09T10:30:00Z", 2, null, null, null)
                .supportTicket("t2", "c", "n", "2024-01-10T10:00:00Z", "2024-01-10T10:10:00Z", 1, null, null, null)
                .supportTicket("t3", "d", "n", "2024-01-11T10:00:00Z", null, 0, null, null, null)
                .supportTicket("t4", "c", "s", "2024-01-14T23:30:00Z", "2024-01-15T00:15:00Z", 5, null, null, null)
                .supportTicket("t5", "p", null, "2024-01-16T09:00:00Z", "2024-01-16T09:20:00Z", null, null, null, null);
    }

    /** week rep tickets unanswered replies hard frts customers, one line per row. */
    private static List<String> repWeekRows(MetricsDataset data) {
        return data.jdbc().sql("""
                select concat_ws(' ', w.week, coalesce(r.external_id, '-'), w.tickets, w.unanswered,
                                 coalesce(w.replies::text, '-'), w.hard, w.frts::text,
                                 (select string_agg(c.external_id, ',' order by c.external_id)
                                  from customers c where c.id = any (w.customers)))
                from rep_week w left join reps r on r.id = w.rep_id
                order by w.week, r.external_id nulls last
                """).query(String.class).list();
    }

    @Test
    void theRepWeekTableHoldsCountsFrtsAndCustomersHelpedPerWeekAndRep() {
        MetricsDataset data = weekDataset();
        // d's only ticket is unanswered, so d is not helped; FRTs ascending, over answered tickets only
        assertThat(repWeekRows(data)).containsExactly(
                "2024-01-08 n 3 1 3 0 {00:10:00,00:30:00} c",
                "2024-01-08 s 1 0 5 1 {00:45:00} c",
                "2024-01-15 - 1 0 - 0 {00:20:00} p");
        assertThat(differences(data)).isEmpty();

        // in Berlin t4 opens on Monday 15 January, 00:30
        data.timeZone("Europe/Berlin");
        assertThat(repWeekRows(data)).containsExactly(
                "2024-01-08 n 3 1 3 0 {00:10:00,00:30:00} c",
                "2024-01-15 s 1 0 5 1 {00:45:00} c",
                "2024-01-15 - 1 0 - 0 {00:20:00} p");
        // lower thresholds make t1 hard as well (2 replies)
        data.difficulty(2, 20, 0, 5);
        assertThat(repWeekRows(data).get(0)).isEqualTo("2024-01-08 n 3 1 3 1 {00:10:00,00:30:00} c");
        assertThat(differences(data)).isEmpty();
    }

    @Test
    void aTicketWriteRecomputesOnlyTheWeeksItTouched() {
        MetricsDataset data = weekDataset();
        String later = "select xmin::text from rep_week where week = date '2024-01-15'";
        List<String> untouched = data.jdbc().sql(later).query(String.class).list();

        // d's ticket answered: d is helped, the FRTs gain 5 minutes
        data.jdbc().sql("update tickets set first_response_at = opened_at + interval '5 minutes'"
                + " where external_id = 't3'").update();
        // a write that changes no column the rows are made of (closing a ticket) recomputes nothing
        data.jdbc().sql("update tickets set closed_at = opened_at + interval '1 day'").update();

        assertThat(differences(data)).isEmpty();
        assertThat(repWeekRows(data).get(0)).isEqualTo("2024-01-08 n 3 0 3 0 {00:05:00,00:10:00,00:30:00} c,d");
        assertThat(data.jdbc().sql(later).query(String.class).list()).isEqualTo(untouched);
    }

    @Test
    void eachRollupIsDefinedByARepeatableMigrationAppliedAfterTheVersionedOnes() {
        MetricsDataset data = MetricsDataset.fresh();
        // Flyway records a repeatable migration (R__<description>.sql) with a null version; it runs after
        // every versioned one, in the order of the descriptions
        assertThat(data.jdbc().sql("""
                select description from flyway_schema_history
                where version is null and success
                order by installed_rank
                """).query(String.class).list())
                .containsExactly("0 rollup triggers", "account month", "credit", "frt week", "rep tier month",
                        "rep week", "rollups", "support rollups");
        assertThat(data.jdbc().sql("""
                select bool_and(r.installed_rank > v.installed_rank)
                from flyway_schema_history r cross join flyway_schema_history v
                where r.version is null and v.version is not null
                """).query(Boolean.class).single()).isTrue();
    }
}
