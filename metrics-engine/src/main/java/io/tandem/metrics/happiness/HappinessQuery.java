package io.tandem.metrics.happiness;

import io.tandem.metrics.DifficultyTier;
import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.MetricScope;
import io.tandem.metrics.Rate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Happiness score for the team, per difficulty tier, per rep with the expected score given their mix, and by
 * month (metrics.md section 3). Ratings count when given in the range (see {@link MetricScope#SUPPORT_CTES});
 * the team filter follows the rep each rating is credited to. One statement: counts of ratings per (tier,
 * rep, month) and of closed tickets, from the rollup rep_tier_month (raw rows only in the test that compares
 * both); then grouped by grouping sets (team, tier, rep, month), told apart by {@code kind}.
 */
@Component
public class HappinessQuery {

    /** Ratings and closed tickets counted from raw rows: any range, any filter. */
    private static final String RAW_COUNTS = MetricScope.CTES + MetricScope.SUPPORT_CTES + """
            rating_counts as (
                select sr.tier,
                       sr.rep,
                       sr.month,
                       count(*) filter (where sr.rating = 'great')    as great,
                       count(*) filter (where sr.rating = 'ok')       as ok,
                       count(*) filter (where sr.rating = 'not_good') as not_good
                from scoped_ratings sr
                group by sr.tier, sr.rep, sr.month
            ),
            -- rating rate (section 3): rated tickets / closed tickets, over the tickets closed in the range
            closed as (
                select count(*)                     as closed,
                       count(*) filter (where rated) as rated
                from scoped_closed_tickets
            ),
            """;

    /**
     * The same counts from the rollup rep_tier_month (V6 and V11 migrations): the rows of the months shown, the
     * team read from the credited rep, the segment from the row.
     */
    private static final String ROLLUP_COUNTS = MetricScope.CTES + """
            -- the first and last months wholly inside the range (none when first > last) and the instants
            -- they span; without whole months the span is empty, at the range's end
            whole_months as (
                select w.first_month,
                       w.last_month,
                       case when w.first_month <= w.last_month
                            then w.first_month::timestamp at time zone o.time_zone else w.ends end       as starts,
                       case when w.first_month <= w.last_month
                            then (w.last_month + interval '1 month')::timestamp at time zone o.time_zone
                            else w.ends end                                                               as ends,
                       w.range_starts,
                       w.ends                                                                             as range_ends
                from (select (date_trunc('month', cast(:from as date) - 1) + interval '1 month')::date as first_month,
                             (date_trunc('month', cast(:to as date) + 1) - interval '1 month')::date as last_month,
                             cast(:from as date)::timestamp at time zone o.time_zone                 as range_starts,
                             (cast(:to as date) + 1)::timestamp at time zone o.time_zone             as ends
                      from org o) w
                cross join org o
            ),
            -- the whole months from the table, the partial months at the range's edges from raw rows through
            -- the rollup's own definition, rep_tier_month_rows (ratings and closes in the range, as
            -- scoped_ratings and scoped_closed_tickets count them)
            month_rows as (
                select m.*
                from rep_tier_month m
                where m.month between (select first_month from whole_months) and (select last_month from whole_months)
                union all
                select *
                from rep_tier_month_rows((select range_starts from whole_months), (select starts from whole_months))
                union all
                select *
                from rep_tier_month_rows((select ends from whole_months), (select range_ends from whole_months))
            ),
            rollup_rows as (
                select rtm.tier,
                       r.external_id as rep,
                       rtm.month,
                       rtm.great,
                       rtm.ok,
                       rtm.not_good,
                       rtm.closed,
                       rtm.rated
                from month_rows rtm
                left join reps r on r.id = rtm.rep_id
                where (cast(:team as text) is null or r.team = cast(:team as text))
                  -- the segment of the rated or closed ticket's account, as scoped_ratings and
                  -- scoped_closed_tickets read it (V11); a prospect's ticket has none
                  and (cast(:segment as text) is null
                       or rtm.segment = (select sl.tier from segment_labels sl where sl.segment = cast(:segment as text)))
            ),
            rating_counts as (
                select tier,
                       rep,
                       month,
                       sum(great)::bigint    as great,
                       sum(ok)::bigint       as ok,
                       sum(not_good)::bigint as not_good
                from rollup_rows
                where great + ok + not_good > 0
                group by tier, rep, month
            ),
            closed as (
                select coalesce(sum(closed), 0)::bigint as closed,
                       coalesce(sum(rated), 0)::bigint  as rated
                from rollup_rows
            ),
            """;

    /** Everything after the counts: the same for both. */
    private static final String FIGURES = """
            -- section 3: the team's score in each tier (% great - % not good), the base of expected scores
            tier_scores as (
                select rc.tier,
                       100.0 * (sum(rc.great) - sum(rc.not_good)) / sum(rc.great + rc.ok + rc.not_good) as score
                from rating_counts rc
                group by rc.tier
            ),
            rep_tier_ratings as (
                select rc.rep,
                       rc.tier,
                       sum(rc.great + rc.ok + rc.not_good)::bigint as n
                from rating_counts rc
                where rc.rep is not null
                group by rc.rep, rc.tier
            ),
            -- section 3: expected = sum over tiers t of (rep's rated tickets in t / rep's rated tickets)
            -- x team score in t
            rep_expected as (
                select rtr.rep,
                       sum(rtr.n * ts.score) / sum(rtr.n)                  as expected,
                       coalesce(sum(rtr.n) filter (where rtr.tier = 'hard'), 0) as hard
                from rep_tier_ratings rtr
                join tier_scores ts on ts.tier = rtr.tier
                group by rtr.rep
            ),
            rating_groups as (
                select case
                           when grouping(rc.tier) = 0 then 'TIER'
                           when grouping(rc.rep) = 0 then 'REP'
                           when grouping(rc.month) = 0 then 'MONTH'
                           else 'TEAM'
                       end                                   as kind,
                       rc.tier,
                       rc.rep,
                       rc.month,
                       coalesce(sum(rc.great), 0)::bigint    as great,
                       coalesce(sum(rc.ok), 0)::bigint       as ok,
                       coalesce(sum(rc.not_good), 0)::bigint as not_good
                from rating_counts rc
                group by grouping sets ((), (rc.tier), (rc.rep), (rc.month))
            )
            -- a rating credited to nobody counts only in team figures (section 3)
            select rg.kind,
                   rg.tier,
                   rg.rep,
                   rg.month,
                   rg.great,
                   rg.ok,
                   rg.not_good,
                   re.expected,
                   re.hard,
                   c.closed,
                   c.rated
            from rating_groups rg
            cross join closed c
            left join rep_expected re on rg.kind = 'REP' and re.rep = rg.rep
            where rg.kind <> 'REP' or rg.rep is not null
            order by rg.kind, rg.rep, rg.month
            """;

    private static final String RAW_SQL = RAW_COUNTS + FIGURES;
    private static final String ROLLUP_SQL = ROLLUP_COUNTS + FIGURES;

    private final JdbcClient jdbc;

    public HappinessQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * From the rollup (whole months from the table, partial ones at the range's edges from raw rows), under any
     * team and segment filter: the same figures as from raw rows.
     */
    public Happiness fetch(MetricFilter filter) {
        return fetch(filter, ROLLUP_SQL);
    }

    /** From raw rows, whatever the range (for the test that compares both paths). */
    Happiness fetchRaw(MetricFilter filter) {
        return fetch(filter, RAW_SQL);
    }

    private Happiness fetch(MetricFilter filter, String sql) {
        TeamHappiness[] team = new TeamHappiness[1];
        Map<DifficultyTier, TierHappiness> tiers = new EnumMap<>(DifficultyTier.class);
        Map<YearMonth, HappinessMonth> months = new HashMap<>();
        List<RepHappiness> reps = new ArrayList<>();
        MetricScope.bind(jdbc.sql(sql), filter).query(rs -> {
            HappinessScore score = HappinessScore.of(rs.getLong("great"), rs.getLong("ok"), rs.getLong("not_good"));
            switch (rs.getString("kind")) {
                case "TEAM" -> team[0] = TeamHappiness.of(score, Rate.of(rs.getLong("rated"), rs.getLong("closed")));
                case "TIER" -> {
                    DifficultyTier tier = DifficultyTier.fromSql(rs.getString("tier"));
                    tiers.put(tier, new TierHappiness(tier, score.score(), score.n()));
                }
                case "MONTH" -> {
                    YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
                    months.put(month, new HappinessMonth(month, score.score(), score.n()));
                }
                default -> {
                    var expected = rs.getBigDecimal("expected");
                    reps.add(new RepHappiness(rs.getString("rep"), score.score(), expected,
                            score.score().subtract(expected), Rate.of(rs.getLong("hard"), score.n()),
                            score.n(), score.low(), score.high(), score.lowSample()));
                }
            }
        });
        List<TierHappiness> allTiers = new ArrayList<>();
        for (DifficultyTier tier : DifficultyTier.values()) {
            allTiers.add(tiers.getOrDefault(tier, new TierHappiness(tier, null, 0)));
        }
        List<HappinessMonth> allMonths = new ArrayList<>();
        for (YearMonth m = YearMonth.from(filter.from()); !m.isAfter(YearMonth.from(filter.to())); m = m.plusMonths(1)) {
            allMonths.add(months.getOrDefault(m, new HappinessMonth(m, null, 0)));
        }
        return new Happiness(team[0], allTiers, reps, allMonths);
    }
}
