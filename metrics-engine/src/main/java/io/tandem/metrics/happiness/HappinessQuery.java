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
 * the team filter follows the rep each rating is credited to. One statement: the ratings grouped by
 * grouping sets (team, tier, rep, month), told apart by {@code kind}.
 */
@Component
public class HappinessQuery {

    private static final String SQL = MetricScope.CTES + MetricScope.SUPPORT_CTES + """
            -- section 3: the team's score in each tier (% great - % not good), the base of expected scores
            tier_scores as (
                select sr.tier,
                       100.0 * (count(*) filter (where sr.rating = 'great')
                                - count(*) filter (where sr.rating = 'not_good')) / count(*) as score
                from scoped_ratings sr
                group by sr.tier
            ),
            rep_tier_ratings as (
                select sr.rep,
                       sr.tier,
                       count(*) as n
                from scoped_ratings sr
                where sr.rep is not null
                group by sr.rep, sr.tier
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
            -- rating rate (section 3): rated tickets / closed tickets, over the tickets closed in the range
            closed as (
                select count(*)                     as closed,
                       count(*) filter (where rated) as rated
                from scoped_closed_tickets
            ),
            rating_groups as (
                select case
                           when grouping(sr.tier) = 0 then 'TIER'
                           when grouping(sr.rep) = 0 then 'REP'
                           when grouping(sr.month) = 0 then 'MONTH'
                           else 'TEAM'
                       end                                          as kind,
                       sr.tier,
                       sr.rep,
                       sr.month,
                       count(*) filter (where sr.rating = 'great')    as great,
                       count(*) filter (where sr.rating = 'ok')       as ok,
                       count(*) filter (where sr.rating = 'not_good') as not_good
                from scoped_ratings sr
                group by grouping sets ((), (sr.tier), (sr.rep), (sr.month))
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

    private final JdbcClient jdbc;

    public HappinessQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Happiness fetch(MetricFilter filter) {
        TeamHappiness[] team = new TeamHappiness[1];
        Map<DifficultyTier, TierHappiness> tiers = new EnumMap<>(DifficultyTier.class);
        Map<YearMonth, HappinessMonth> months = new HashMap<>();
        List<RepHappiness> reps = new ArrayList<>();
        MetricScope.bind(jdbc.sql(SQL), filter).query(rs -> {
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
