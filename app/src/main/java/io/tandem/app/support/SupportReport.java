package io.tandem.app.support;

import static io.tandem.app.web.MetricResponses.rate;

import io.tandem.app.cache.CacheWarmUp;
import io.tandem.app.cache.MetricCache;
import io.tandem.app.support.SupportBodies.Carrier;
import io.tandem.app.support.SupportBodies.ContactLine;
import io.tandem.app.support.SupportBodies.ContactRateBody;
import io.tandem.app.support.SupportBodies.ElasticityLine;
import io.tandem.app.support.SupportBodies.LoadBalanceLine;
import io.tandem.app.support.SupportBodies.RepLine;
import io.tandem.app.support.SupportBodies.ResponseVsVolumeBody;
import io.tandem.app.support.SupportBodies.SegmentLine;
import io.tandem.app.support.SupportBodies.TicketLine;
import io.tandem.app.support.SupportBodies.TicketsBody;
import io.tandem.app.support.SupportBodies.WeekLine;
import io.tandem.app.web.BadParameterException;
import io.tandem.app.web.CsvStream;
import io.tandem.app.web.CsvTable;
import io.tandem.app.web.DashboardCards;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardTables;
import io.tandem.app.web.NoSuchCardException;
import io.tandem.app.web.NoSuchTableException;
import io.tandem.app.web.Paging;
import io.tandem.app.web.RepLabels;
import io.tandem.metrics.support.ContactMonth;
import io.tandem.metrics.support.ContactRate;
import io.tandem.metrics.support.ContactRateQuery;
import io.tandem.metrics.support.LoadBalance;
import io.tandem.metrics.support.RepResponse;
import io.tandem.metrics.support.ResponseVsVolume;
import io.tandem.metrics.support.ResponseVsVolumeQuery;
import io.tandem.metrics.support.TicketPage;
import io.tandem.metrics.support.TicketRow;
import io.tandem.metrics.support.TicketsQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Runs the support queries for a dashboard filter and maps them to the API bodies (api.md names) and CSV
 * tables, so that the page, the JSON and the CSV show the same figures; other reps are hidden from REP users.
 */
@Component
class SupportReport implements CacheWarmUp, DashboardTables, DashboardCards {

    /** The tables of the support page that download as CSV, by name. */
    static final List<String> TABLES = List.of("weeks", "reps", "load-balance", "contact-rate");

    /** The cards of the page, each loaded on its own (DashboardCards). */
    static final List<String> CARDS = List.of("volume", "reps", "load", "contact");

    static final int DEFAULT_LIMIT = 50;

    private static final Pattern WEEK = Pattern.compile("\\d{4}-W\\d{2}");

    private final ResponseVsVolumeQuery responses;
    private final ContactRateQuery contacts;
    private final TicketsQuery tickets;
    private final RepLabels repLabels;
    private final MetricCache cache;

    SupportReport(MetricCache cache, ResponseVsVolumeQuery responses, ContactRateQuery contacts, TicketsQuery tickets,
                  RepLabels repLabels) {
        this.cache = cache;
        this.responses = responses;
        this.contacts = contacts;
        this.tickets = tickets;
        this.repLabels = repLabels;
    }

    @Override
    public void warm(DashboardFilter defaults) {
        responseVsVolume(defaults, null);
        contactRate(defaults);
    }

    ResponseVsVolumeBody responseVsVolume(DashboardFilter filter, Object viewer) {
        ResponseVsVolume r = cache.get("support.response-vs-volume", filter.metrics(), responses::fetch);
        RepLabels.View labels = repLabels.forViewer(viewer);
        List<WeekLine> weeks = r.weeks().stream()
                .map(w -> new WeekLine(w.week(), w.startsOn(), w.partial(), w.customersHelped(), w.tickets(),
                        minutes(w.medianFrtMinutes()), minutes(w.p90FrtMinutes()), minutes(w.meanFrtMinutes()),
                        rate(w.repliesPerCustomer()), w.unanswered()))
                .toList();
        List<RepLine> reps = new ArrayList<>();
        for (RepResponse rep : r.reps()) {
            reps.add(new RepLine(labels.label(rep.rep()), labels.name(rep.rep()), rep.tickets(),
                    rep.customersHelped(), minutes(rep.medianFrtMinutes()), minutes(rep.p90FrtMinutes()),
                    rate(rep.repliesPerCustomer()), rep.unanswered(), rate(rep.hardShare().value()),
                    rep.hardShare().numerator(), rep.hardShare().lowSample()));
        }
        LoadBalance lb = r.loadBalance();
        LoadBalanceLine loadBalance = new LoadBalanceLine(rate(lb.topFifthHardShare().value()),
                lb.topFifthHardShare().numerator(), lb.topFifthHardShare().n(), lb.topFifthHardShare().lowSample(),
                lb.flagged(), lb.reps().stream().map(id -> new Carrier(labels.label(id), labels.name(id))).toList(),
                lb.repCount());
        var e = r.elasticity();
        ElasticityLine elasticity = new ElasticityLine(rate(e.slope()), rate(e.frtRisePer10PctVolume()), e.weeks());
        long unanswered = weeks.stream().mapToLong(WeekLine::unanswered).sum();
        return new ResponseVsVolumeBody(weeks, reps, loadBalance, elasticity, unanswered);
    }

    ContactRateBody contactRate(DashboardFilter filter) {
        ContactRate c = cache.get("support.contact-rate", filter.metrics(), contacts::fetch);
        return new ContactRateBody(lines(c.months()), c.segments().stream()
                .map(s -> new SegmentLine(s.segment(), lines(s.months())))
                .toList());
    }

    /**
     * The tickets behind a week or a rep (or both), one page (not cached; on the replica when it is current). A REP user may pick out only their own
     * tickets by rep; other reps' tickets in a week show as "Rep 7KQ2MX" (RepLabels).
     */
    TicketsBody tickets(DashboardFilter filter, String week, String rep, Integer limit, Long offset, Object viewer) {
        Selection selection = selection(week, rep, viewer);
        Paging paging = Paging.of(limit, offset, DEFAULT_LIMIT, TicketsQuery.MAX_LIMIT);
        TicketPage page = cache.uncached(() -> tickets.fetch(filter.metrics(), selection.week(), selection.rep(),
                paging.limit(), paging.offset()));
        return new TicketsBody(selection.week(), selection.rep(), page.total(), page.limit(), page.offset(),
                page.tickets().stream().map(t -> line(t, selection.labels())).toList());
    }

    /**
     * Every ticket of the selection as a CSV download, streamed as the query reads them (a rep's tickets
     * over ten years can be a million rows). The parameters are checked before the first byte is sent.
     */
    void sendTicketsCsv(DashboardFilter filter, String week, String rep, Object viewer, HttpServletResponse response) {
        Selection selection = selection(week, rep, viewer);
        String name = "tickets" + (selection.week() == null ? "" : "-" + selection.week())
                + (selection.rep() == null ? "" : "-" + selection.rep());
        CsvStream csv = CsvStream.start(response, name, "externalId", "openedAt", "firstResponseMinutes", "replies",
                "tier", "rep", "customer");
        cache.uncached(() -> tickets.forEach(filter.metrics(), selection.week(), selection.rep(), t -> {
            TicketLine l = line(t, selection.labels());
            csv.row(l.externalId(), l.openedAt(), l.firstResponseMinutes(), l.replies(), l.tier(), l.rep(),
                    l.customer());
        }));
        csv.finish();
    }

    /** A checked week and rep of the drill-down, and how the viewer sees reps. */
    private record Selection(String week, String rep, RepLabels.View labels) {
    }

    private Selection selection(String week, String rep, Object viewer) {
        String w = blank(week) ? null : week.trim();
        if (w != null && !WEEK.matcher(w).matches()) {
            throw new BadParameterException("week", "Parameter 'week' must be an ISO week (yyyy-Www), not '"
                    + week + "'.");
        }
        String r = blank(rep) ? null : rep.trim();
        RepLabels.View labels = repLabels.forViewer(viewer);
        if (r != null && !labels.maySelect(r)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Reps see other reps' tickets only within a week, without their names.");
        }
        return new Selection(w, r, labels);
    }

    @Override
    public String page() {
        return "support";
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
        return switch (name) {
            case "volume", "reps", "load" -> Map.of("rvv", responseVsVolume(filter, viewer));
            case "contact" -> Map.of("contact", contactRate(filter));
            default -> throw new NoSuchCardException(name, CARDS);
        };
    }

    @Override
    public CsvTable table(String name, DashboardFilter filter, Object viewer) {
        return switch (name) {
            case "weeks" -> weeksCsv(responseVsVolume(filter, viewer));
            case "reps" -> repsCsv(responseVsVolume(filter, viewer));
            case "load-balance" -> loadBalanceCsv(responseVsVolume(filter, viewer));
            case "contact-rate" -> contactRateCsv(contactRate(filter));
            default -> throw new NoSuchTableException(name, TABLES);
        };
    }

    static CsvTable weeksCsv(ResponseVsVolumeBody body) {
        return CsvTable.of("response-vs-volume", WeekLine.class, body.weeks());
    }

    static CsvTable repsCsv(ResponseVsVolumeBody body) {
        return CsvTable.of("support-reps", RepLine.class, body.reps());
    }

    static CsvTable loadBalanceCsv(ResponseVsVolumeBody body) {
        LoadBalanceLine lb = body.loadBalance();
        CsvTable t = CsvTable.of("load-balance", "busiest", "rep", "name", "topFifthHardShare", "topFifthHard",
                "n", "flagged", "repCount");
        int i = 0;
        for (Carrier c : lb.carriers()) {
            t = t.row(++i, c.rep(), c.name(), lb.topFifthHardShare(), lb.topFifthHard(), lb.n(), lb.flagged(),
                    lb.repCount());
        }
        return t;
    }

    static CsvTable contactRateCsv(ContactRateBody body) {
        CsvTable t = CsvTable.of("contact-rate", "month", "segment", "customers", "contacted", "rate", "lowSample");
        for (ContactLine m : body.months()) {
            t = t.row(m.month(), "all", m.customers(), m.contacted(), m.rate(), m.lowSample());
        }
        for (SegmentLine s : body.segments()) {
            for (ContactLine m : s.months()) {
                t = t.row(m.month(), s.segment(), m.customers(), m.contacted(), m.rate(), m.lowSample());
            }
        }
        return t;
    }

    private static TicketLine line(TicketRow t, RepLabels.View labels) {
        return new TicketLine(t.externalId(), t.openedAt(), minutes(t.firstResponseMinutes()), t.replies(),
                t.tier().name().toLowerCase(Locale.ROOT), labels.label(t.rep()), t.customer());
    }

    private static List<ContactLine> lines(List<ContactMonth> months) {
        return months.stream()
                .map(m -> new ContactLine(m.month().toString(), m.customers(), m.contacted(), rate(m.rate().value()),
                        m.rate().n(), m.rate().lowSample()))
                .toList();
    }

    /** Minutes in the API: 1 decimal (metrics.md section 0, "Rounding"); null stays null. */
    static BigDecimal minutes(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
