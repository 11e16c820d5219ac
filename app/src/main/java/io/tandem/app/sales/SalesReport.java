package io.tandem.app.sales;

import static io.tandem.app.web.MetricResponses.money;
import static io.tandem.app.web.MetricResponses.rate;

import io.tandem.app.cache.CacheWarmUp;
import io.tandem.app.cache.MetricCache;
import io.tandem.app.sales.SalesBody.RepLine;
import io.tandem.app.sales.SalesBody.SourcedDeal;
import io.tandem.app.sales.SalesBody.SupportSourced;
import io.tandem.app.web.CsvTable;
import io.tandem.app.web.DashboardCards;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardTables;
import io.tandem.app.web.NoSuchTableException;
import io.tandem.app.web.RepLabels;
import io.tandem.domain.reps.Rep;
import io.tandem.domain.reps.RepRepository;
import io.tandem.metrics.sales.SalesQualityQuery.RepSales;
import io.tandem.metrics.sales.SalesQualityQuery.SalesQuality;
import io.tandem.metrics.sales.SalesQualityQuery;
import io.tandem.metrics.sales.SupportSourcedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Runs the sales quality queries and maps them to the API body and CSV, hiding other reps from REP users. */
@Component
class SalesReport implements CacheWarmUp, DashboardTables, DashboardCards {

    static final List<String> TABLES = List.of("reps", "support-sourced");

    /** The cards of the page, each loaded on its own (DashboardCards). */
    static final List<String> CARDS = List.of("total-bookings", "total-retention", "total-commission", "reps",
            "support-sourced");

    /** The support-sourced deals listed on the page and in the API, newest first. */
    static final int LIST_LIMIT = 500;

    private final SalesQualityQuery quality;
    private final SupportSourcedQuery supportSourced;
    private final RepRepository reps;
    private final RepLabels repLabels;
    private final MetricCache cache;

    SalesReport(MetricCache cache, SalesQualityQuery quality, SupportSourcedQuery supportSourced, RepRepository reps,
                RepLabels repLabels) {
        this.cache = cache;
        this.quality = quality;
        this.supportSourced = supportSourced;
        this.reps = reps;
        this.repLabels = repLabels;
    }

    @Override
    public void warm(DashboardFilter defaults) {
        sales(defaults, null);
    }

    SalesBody sales(DashboardFilter filter, Object viewer) {
        SalesQuality q = cache.get("sales.quality", filter.metrics(), quality::fetch);
        SupportSourcedQuery.SupportSourced s = cache.get("sales.support-sourced", filter.metrics(),
                f -> supportSourced.fetch(f, LIST_LIMIT));
        Map<String, Rep> known = reps.findAllByOrderByTeamAscNameAsc().stream()
                .collect(Collectors.toMap(Rep::getExternalId, r -> r, (a, b) -> a));
        // REP users see team pages as aggregates: any rep but themselves is a "Rep …" label (issue 6, access)
        RepLabels.View labels = repLabels.forViewer(viewer);
        List<RepLine> lines = q.reps().stream().map(r -> line(r, known.get(r.rep()), labels)).toList();
        List<SourcedDeal> deals = s.list().stream()
                .map(d -> new SourcedDeal(d.deal(), labels.label(d.rep()), labels.name(d.rep()),
                        d.account(), d.stage(), money(d.amount()),
                        d.createdAt(), d.closedAt(), d.ticket()))
                .toList();
        return new SalesBody(q.currency(), rate(q.commissionRate()), lines, line(q.total(), null, labels),
                new SupportSourced(s.deals(), s.wonDeals(), money(s.wonAmount()), money(s.allWonAmount()),
                        rate(s.share()), LIST_LIMIT, deals));
    }

    private static RepLine line(RepSales r, Rep rep, RepLabels.View labels) {
        boolean hidden = labels.hides(r.rep());
        String role = rep == null ? null : rep.getRole().name().toLowerCase(Locale.ROOT);
        return new RepLine(labels.label(r.rep()), hidden ? null : r.name(), hidden ? null : r.team(), role,
                r.wonDeals(), money(r.bookings()), r.dealsWithoutAccount(), r.matureDeals(), money(r.matureBookings()),
                r.retainedDeals(), money(r.retainedBookings()), rate(r.bookingRetention()), r.lowSample(),
                r.commission());
    }

    static CsvTable repsCsv(SalesBody b) {
        CsvTable t = CsvTable.of("sales-quality", "rep", "name", "team", "wonDeals", "bookings", "dealsWithoutAccount",
                "matureDeals", "matureBookings", "retainedDeals", "retainedBookings", "bookingRetention", "lowSample",
                "commissionEarned", "commissionPending", "commissionForfeited");
        for (RepLine l : b.reps()) {
            t = row(t, l, l.rep(), l.name());
        }
        return row(t, b.total(), null, "total");
    }

    private static CsvTable row(CsvTable t, RepLine l, String rep, String name) {
        return t.row(rep, name, l.team(), l.wonDeals(), l.bookings(), l.dealsWithoutAccount(), l.matureDeals(),
                l.matureBookings(), l.retainedDeals(), l.retainedBookings(), l.bookingRetention(), l.lowSample(),
                l.commission().earned(), l.commission().pending(), l.commission().forfeited());
    }

    static CsvTable supportSourcedCsv(SalesBody b) {
        return CsvTable.of("support-sourced", SourcedDeal.class, b.supportSourced().list());
    }

    @Override
    public String page() {
        return "sales";
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
        SalesBody sales = sales(filter, viewer);
        // the commission card's definition names the rate; the page shell reads it from the settings
        return Map.of("sales", sales, "commissionRate", sales.commissionRate());
    }

    @Override
    public CsvTable table(String name, DashboardFilter filter, Object viewer) {
        Function<SalesBody, CsvTable> csv = switch (name) {
            case "reps" -> SalesReport::repsCsv;
            case "support-sourced" -> SalesReport::supportSourcedCsv;
            default -> throw new NoSuchTableException(name, TABLES);
        };
        return csv.apply(sales(filter, viewer));
    }
}
