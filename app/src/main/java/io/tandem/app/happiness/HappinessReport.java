package io.tandem.app.happiness;

import static io.tandem.app.web.MetricResponses.rate;

import io.tandem.app.cache.CacheWarmUp;
import io.tandem.app.cache.MetricCache;
import io.tandem.app.happiness.HappinessBody.Month;
import io.tandem.app.happiness.HappinessBody.RepLine;
import io.tandem.app.happiness.HappinessBody.Team;
import io.tandem.app.happiness.HappinessBody.Tier;
import io.tandem.app.web.CsvTable;
import io.tandem.app.web.DashboardCards;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardTables;
import io.tandem.app.web.NoSuchTableException;
import io.tandem.app.web.RepLabels;
import io.tandem.metrics.Rate;
import io.tandem.metrics.happiness.Happiness;
import io.tandem.metrics.happiness.HappinessQuery;
import io.tandem.metrics.happiness.RepHappiness;
import io.tandem.metrics.happiness.TeamHappiness;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Runs the happiness query and maps it to the API body and CSV tables, hiding other reps from REP users. */
@Component
class HappinessReport implements CacheWarmUp, DashboardTables, DashboardCards {

    /** The tables of the happiness page that download as CSV, by name. */
    static final List<String> TABLES = List.of("team", "tiers", "reps", "months");

    /** The cards of the page, each loaded on its own (DashboardCards). */
    static final List<String> CARDS = List.of("team", "tiers", "reps", "months");

    private final HappinessQuery happiness;
    private final RepLabels repLabels;
    private final MetricCache cache;

    HappinessReport(MetricCache cache, HappinessQuery happiness, RepLabels repLabels) {
        this.cache = cache;
        this.happiness = happiness;
        this.repLabels = repLabels;
    }

    @Override
    public void warm(DashboardFilter defaults) {
        happiness(defaults, null);
    }

    HappinessBody happiness(DashboardFilter filter, Object viewer) {
        Happiness h = cache.get("happiness", filter.metrics(), happiness::fetch);
        RepLabels.View labels = repLabels.forViewer(viewer);
        TeamHappiness t = h.team();
        Rate rated = t.ratingRate();
        Team team = new Team(rate(t.score()), t.n(), t.great(), t.ok(), t.notGood(), rate(rated.value()),
                rated.numerator(), rated.n(), rate(t.low()), rate(t.high()), t.lowSample());
        List<Tier> tiers = h.tiers().stream()
                .map(x -> new Tier(x.tier().name().toLowerCase(Locale.ROOT), rate(x.score()), x.n(),
                        x.n() < Rate.LOW_SAMPLE_BELOW))
                .toList();
        List<RepLine> reps = h.reps().stream().map(r -> line(r, labels)).toList();
        List<Month> months = h.months().stream()
                .map(m -> new Month(m.month().toString(), rate(m.score()), m.n(), m.n() < Rate.LOW_SAMPLE_BELOW))
                .toList();
        return new HappinessBody(team, tiers, reps, months);
    }

    @Override
    public String page() {
        return "happiness";
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public List<String> cards() {
        return CARDS;
    }

    @Override
    public Map<String, Object> card(String name, DashboardFilter filter, Object viewer) {
        return Map.of("h", happiness(filter, viewer));
    }

    @Override
    public CsvTable table(String name, DashboardFilter filter, Object viewer) {
        Function<HappinessBody, CsvTable> csv = switch (name) {
            case "team" -> HappinessReport::teamCsv;
            case "tiers" -> HappinessReport::tiersCsv;
            case "reps" -> HappinessReport::repsCsv;
            case "months" -> HappinessReport::monthsCsv;
            default -> throw new NoSuchTableException(name, TABLES);
        };
        return csv.apply(happiness(filter, viewer));
    }

    static CsvTable teamCsv(HappinessBody b) {
        return CsvTable.of("happiness-team", Team.class, List.of(b.team()));
    }

    static CsvTable tiersCsv(HappinessBody b) {
        return CsvTable.of("happiness-tiers", Tier.class, b.tiers());
    }

    static CsvTable repsCsv(HappinessBody b) {
        return CsvTable.of("happiness-reps", RepLine.class, b.reps());
    }

    static CsvTable monthsCsv(HappinessBody b) {
        return CsvTable.of("happiness-months", Month.class, b.months());
    }

    private static RepLine line(RepHappiness r, RepLabels.View labels) {
        return new RepLine(labels.label(r.rep()), labels.name(r.rep()), rate(r.score()), rate(r.expected()),
                rate(r.gap()), rate(r.hardShare().value()), r.hardShare().numerator(), r.n(), rate(r.low()),
                rate(r.high()), r.lowSample());
    }
}
