package io.tandem.app.growth;

import static io.tandem.app.web.MetricResponses.money;
import static io.tandem.app.web.MetricResponses.rate;

import io.tandem.app.cache.CacheWarmUp;
import io.tandem.app.cache.MetricCache;
import io.tandem.app.growth.GrowthBody.HighTouchLine;
import io.tandem.app.web.CsvTable;
import io.tandem.app.web.DashboardCards;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardTables;
import io.tandem.app.web.NoSuchTableException;
import io.tandem.app.web.RepLabels;
import io.tandem.metrics.growth.Growth;
import io.tandem.metrics.growth.GrowthQuery;
import io.tandem.metrics.growth.HighTouchRep;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Runs the growth query and maps it to the API body and CSV, hiding other reps from REP users. */
@Component
class GrowthReport implements CacheWarmUp, DashboardTables, DashboardCards {

    static final List<String> TABLES = List.of("growth", "high-touch");

    /** The cards of the page, each loaded on its own (DashboardCards). */
    static final List<String> CARDS = List.of("arpa", "cac", "payback", "ltv", "ltv-cac", "monthly-churn",
            "support-cost", "high-touch");

    /** The rule of thumb of metrics.md section 5: 1M of ARR per 100k of cost (10x). */
    static final BigDecimal TARGET = new BigDecimal("1000000");

    private final GrowthQuery growth;
    private final RepLabels repLabels;
    private final MetricCache cache;

    GrowthReport(MetricCache cache, GrowthQuery growth, RepLabels repLabels) {
        this.cache = cache;
        this.growth = growth;
        this.repLabels = repLabels;
    }

    @Override
    public void warm(DashboardFilter defaults) {
        growth(defaults, null);
    }

    GrowthBody growth(DashboardFilter filter, Object viewer) {
        Growth g = cache.get("growth", filter.metrics(), growth::fetch);
        // REP users see team pages as aggregates: any rep but themselves is "Rep 7KQ2MX" (RepLabels) (issue 6, access)
        RepLabels.View labels = repLabels.forViewer(viewer);
        List<HighTouchLine> lines = new ArrayList<>();
        for (HighTouchRep r : g.highTouch()) {
            boolean meets = r.arrPer100kCost() != null && r.arrPer100kCost().compareTo(TARGET) >= 0;
            Boolean target = r.arrPer100kCost() == null ? null : meets;
            boolean hidden = labels.hides(r.rep());
            lines.add(new HighTouchLine(labels.label(r.rep()), labels.name(r.rep()), money(r.arr()),
                    hidden ? null : money(r.annualCost()), money(r.arrPer100kCost()), target));
        }
        BigDecimal ltvToCac = g.ltv() == null || g.cac() == null || g.cac().signum() == 0 ? null
                : g.ltv().divide(g.cac(), MathContext.DECIMAL64);
        return new GrowthBody(g.currency(), money(g.arpa()), rate(g.grossMargin()), rate(g.monthlyChurnRate().value()),
                g.monthlyChurnRate().n(), g.monthlyChurnRate().lowSample(), money(g.ltv()), money(g.cac()),
                g.newAccounts(), round(g.cacPaybackMonths()), round(ltvToCac), money(g.supportCostPerAccount()),
                money(TARGET), lines);
    }

    static CsvTable growthCsv(GrowthBody b) {
        return CsvTable.of("growth", "figure", "value", "n")
                .row("arpa", b.arpa(), null)
                .row("grossMargin", b.grossMargin(), null)
                .row("monthlyChurnRate", b.monthlyChurnRate(), b.monthlyChurnN())
                .row("ltv", b.ltv(), null)
                .row("cac", b.cac(), b.newAccounts())
                .row("cacPaybackMonths", b.cacPaybackMonths(), null)
                .row("ltvToCac", b.ltvToCac(), null)
                .row("supportCostPerAccount", b.supportCostPerAccount(), null);
    }

    static CsvTable highTouchCsv(GrowthBody b) {
        return CsvTable.of("high-touch", HighTouchLine.class, b.highTouch());
    }

    @Override
    public String page() {
        return "growth";
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
        return Map.of("growth", growth(filter, viewer));
    }

    @Override
    public CsvTable table(String name, DashboardFilter filter, Object viewer) {
        Function<GrowthBody, CsvTable> csv = switch (name) {
            case "growth" -> GrowthReport::growthCsv;
            case "high-touch" -> GrowthReport::highTouchCsv;
            default -> throw new NoSuchTableException(name, TABLES);
        };
        return csv.apply(growth(filter, viewer));
    }

    private static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
