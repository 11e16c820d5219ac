package io.tandem.metrics.scorecard;

import io.tandem.metrics.MetricFilter;
import io.tandem.metrics.Rate;
import io.tandem.metrics.ResultCache;
import io.tandem.metrics.happiness.HappinessQuery;
import io.tandem.metrics.happiness.RepHappiness;
import io.tandem.metrics.sales.SalesQualityQuery;
import io.tandem.metrics.sales.SalesQualityQuery.RepSales;
import io.tandem.metrics.scorecard.Scorecard.Figure;
import io.tandem.metrics.scorecard.Scorecard.TrendPoint;
import io.tandem.metrics.support.RepResponse;
import io.tandem.metrics.support.ResponseVsVolumeQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Assembles a rep's balanced scorecard (metrics.md section 6) from the per-rep rows the team
 * queries already compute: support speed and volume (section 2), happiness in context (3), sales
 * quality (4) and the outcome of the accounts a rep owns or helped. Each is run with the rep's team
 * as filter for the period, and the team median is taken over the reps of that team with a value. The
 * six periods before it show the rep's own values only, so for them the queries read that rep's rows
 * (a rep's figures do not depend on the other reps'), except happiness, whose expected score is read
 * against the team's score per tier; when the team's figures of such a period are already in the cache
 * (the warm-up computes them, {@link #warmTeam}), they are used instead. Which figures a row shows
 * depends on the rep's role.
 */
@Component
public class Scorecards {

    private static final String TEAM_FIGURES = "scorecard.team-figures";

    private static final String REP = """
            select r.external_id, r.name, r.team, r.role,
                   least((select min(t.opened_at) from tickets t where t.rep_id = r.id),
                         (select min(coalesce(d.created_at, d.closed_at)) from deals d where d.rep_id = r.id),
                         (select min(a.signed_up_at) from accounts a where a.owner_rep_id = r.id)) as first_activity,
                   s.time_zone
            from reps r cross join settings s
            where r.external_id = :rep
            """;

    private final JdbcClient jdbc;
    private final ResponseVsVolumeQuery response;
    private final HappinessQuery happiness;
    private final SalesQualityQuery sales;
    private final RepOutcomesQuery outcomes;
    private final ResultCache cache;

    /** Keeps team figures in the application's {@link ResultCache} when there is one. */
    @Autowired
    public Scorecards(JdbcClient jdbc, ResponseVsVolumeQuery response, HappinessQuery happiness,
                      SalesQualityQuery sales, RepOutcomesQuery outcomes, ObjectProvider<ResultCache> cache) {
        this(jdbc, response, happiness, sales, outcomes, cache.getIfAvailable(() -> ResultCache.NONE));
    }

    public Scorecards(JdbcClient jdbc, ResponseVsVolumeQuery response, HappinessQuery happiness,
                      SalesQualityQuery sales, RepOutcomesQuery outcomes, ResultCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.response = response;
        this.happiness = happiness;
        this.sales = sales;
        this.outcomes = outcomes;
    }

    private record RepInfo(String externalId, String name, String team, String role, Timestamp firstActivity,
                           String timeZone) {
    }

    /** Empty when there is no such rep. */
    public Optional<Scorecard> of(String rep, Period period) {
        Optional<RepInfo> found = jdbc.sql(REP).param("rep", rep).query(RepInfo.class).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RepInfo info = found.get();
        LocalDate firstActivity = info.firstActivity() == null ? null
                : info.firstActivity().toInstant().atZone(ZoneId.of(info.timeZone())).toLocalDate();
        List<Period> earlier = period.previousSix();
        Map<String, Map<String, Measure>> current = figures(period, info.team());
        List<Map<String, Map<String, Measure>>> history = new ArrayList<>();
        for (Period p : earlier) {
            boolean beforeFirstActivity = firstActivity == null || p.to().isBefore(firstActivity);
            history.add(beforeFirstActivity ? Map.of()
                    : cache.<Map<String, Map<String, Measure>>>ifPresent(TEAM_FIGURES, teamKey(p, info.team()))
                            .orElseGet(() -> repFigures(p, info.team(), rep)));
        }
        Row rows = new Row(rep, current, earlier, history);
        String role = info.role();
        List<Figure> volume = role.equals("sales") ? rows.of("bookings", "wonDeals")
                : role.equals("success") ? rows.of("customersHelped", "tickets", "bookings")
                : rows.of("customersHelped", "tickets");
        List<Figure> speed = rows.of("medianFrtMinutes", "p90FrtMinutes", "repliesPerCustomer");
        List<Figure> quality = rows.of("happiness", "expected", "gap", "hardShare");
        List<Figure> outcome = role.equals("sales")
                ? rows.of("logoRetention", "nrr", "bookingRetention", "commissionEarned", "commissionPending",
                "commissionForfeited")
                : rows.of("logoRetention", "nrr");
        return Optional.of(new Scorecard(info.externalId(), info.name(), info.team(), role, period, firstActivity,
                volume, speed, quality, outcome));
    }

    /** A value with the number of events behind it (null for counts and amounts). */
    private record Measure(BigDecimal value, Long n) {
        static Measure count(long value) {
            return new Measure(BigDecimal.valueOf(value), null);
        }

        static Measure rate(Rate rate) {
            return new Measure(rate.value(), rate.n());
        }
    }

    /**
     * Every figure of every rep of the team in one period: rep -> figure -> measure. The same for every
     * rep of the team, so kept in the cache (under the names the dashboards use for the same queries).
     */
    private Map<String, Map<String, Measure>> figures(Period period, String team) {
        return cache.get(TEAM_FIGURES, teamKey(period, team), () -> {
            MetricFilter filter = new MetricFilter(period.from(), period.to(), team, null);
            return figures(filter,
                    response.fetchReps(filter, null),
                    cache.get("sales.quality", filter, () -> sales.fetch(filter)).reps(),
                    outcomes.fetch(filter));
        });
    }

    /** One rep's figures in one period (their row of {@link #figures(Period, String)}), at that rep's cost. */
    private Map<String, Map<String, Measure>> repFigures(Period period, String team, String rep) {
        return cache.get("scorecard.rep-figures", List.of(period, team == null ? "" : team, rep), () -> {
            MetricFilter filter = new MetricFilter(period.from(), period.to(), team, null);
            Map<String, Map<String, Measure>> figures = figures(filter,
                    response.fetchReps(filter, rep), nonNull(sales.fetchRep(filter, rep)),
                    outcomes.fetch(filter, rep));
            return Map.of(rep, figures.getOrDefault(rep, Map.of()));
        });
    }

    private static List<Object> teamKey(Period period, String team) {
        return List.of(period, team == null ? "" : team);
    }

    /**
     * Computes a team's figures for the period and each of the six before it, so that every scorecard of the
     * team then reads them from the cache (the warm-up after an import).
     */
    public void warmTeam(String team, Period period) {
        figures(period, team);
        period.previousSix().forEach(p -> figures(p, team));
    }

    private static <T> List<T> nonNull(T row) {
        return row == null ? List.of() : List.of(row);
    }

    private Map<String, Map<String, Measure>> figures(MetricFilter filter, List<RepResponse> responses,
                                                      List<RepSales> deals, List<RepOutcomesQuery.RepOutcome> outcome) {
        Map<String, Map<String, Measure>> byRep = new HashMap<>();
        for (RepResponse r : responses) {
            Map<String, Measure> f = byRep.computeIfAbsent(r.rep(), k -> new HashMap<>());
            f.put("customersHelped", Measure.count(r.customersHelped()));
            f.put("tickets", Measure.count(r.tickets()));
            f.put("medianFrtMinutes", new Measure(r.medianFrtMinutes(), r.tickets() - r.unanswered()));
            f.put("p90FrtMinutes", new Measure(r.p90FrtMinutes(), r.tickets() - r.unanswered()));
            f.put("repliesPerCustomer", new Measure(r.repliesPerCustomer(), r.customersHelped()));
        }
        for (RepHappiness h : cache.get("happiness", filter, () -> happiness.fetch(filter)).reps()) {
            Map<String, Measure> f = byRep.computeIfAbsent(h.rep(), k -> new HashMap<>());
            f.put("happiness", new Measure(h.score(), h.n()));
            f.put("expected", new Measure(h.expected(), h.n()));
            f.put("gap", new Measure(h.gap(), h.n()));
            f.put("hardShare", Measure.rate(h.hardShare()));
        }
        for (RepSales s : deals) {
            Map<String, Measure> f = byRep.computeIfAbsent(s.rep(), k -> new HashMap<>());
            f.put("bookings", new Measure(s.bookings(), null));
            f.put("wonDeals", Measure.count(s.wonDeals()));
            f.put("bookingRetention", new Measure(s.bookingRetention(), s.matureDeals()));
            f.put("commissionEarned", new Measure(s.commission().earned(), null));
            f.put("commissionPending", new Measure(s.commission().pending(), null));
            f.put("commissionForfeited", new Measure(s.commission().forfeited(), null));
        }
        for (RepOutcomesQuery.RepOutcome o : outcome) {
            Map<String, Measure> f = byRep.computeIfAbsent(o.rep(), k -> new HashMap<>());
            f.put("logoRetention", Measure.rate(o.logoRetention()));
            f.put("nrr", new Measure(o.nrr(), o.logoRetention().n()));
        }
        return byRep;
    }

    /** As the API gives them (section 0): minutes and points to 1 decimal, money to 2, rates unrounded. */
    private static BigDecimal rounded(String key, BigDecimal value) {
        if (value == null) {
            return null;
        }
        return switch (key) {
            case "medianFrtMinutes", "p90FrtMinutes", "happiness", "expected", "gap" ->
                    value.setScale(1, RoundingMode.HALF_UP);
            case "bookings", "commissionEarned", "commissionPending", "commissionForfeited" ->
                    value.setScale(2, RoundingMode.HALF_UP);
            default -> value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
        };
    }

    /** Builds figures for one rep from the team's measures. */
    private record Row(String rep, Map<String, Map<String, Measure>> current, List<Period> earlier,
                       List<Map<String, Map<String, Measure>>> history) {

        List<Figure> of(String... keys) {
            List<Figure> figures = new ArrayList<>();
            for (String key : keys) {
                Measure mine = current.getOrDefault(rep, Map.of()).get(key);
                BigDecimal median = TeamMedian.of(current.values().stream()
                        .map(f -> f.get(key)).filter(m -> m != null).map(Measure::value).toList());
                List<TrendPoint> trend = new ArrayList<>();
                for (int i = 0; i < earlier.size(); i++) {
                    Measure then = history.get(i).getOrDefault(rep, Map.of()).get(key);
                    trend.add(new TrendPoint(earlier.get(i).from(), earlier.get(i).to(), then == null ? null : then.value()));
                }
                Long n = mine == null ? null : mine.n();
                figures.add(new Figure(key, rounded(key, mine == null ? null : mine.value()), rounded(key, median), n,
                        n != null && n < Rate.LOW_SAMPLE_BELOW,
                        trend.stream().map(p -> new TrendPoint(p.from(), p.to(), rounded(key, p.value()))).toList()));
            }
            return figures;
        }
    }
}
