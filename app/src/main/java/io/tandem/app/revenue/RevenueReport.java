package io.tandem.app.revenue;

import static io.tandem.app.web.MetricResponses.money;
import static io.tandem.app.web.MetricResponses.rate;

import io.tandem.app.cache.CacheWarmUp;
import io.tandem.app.cache.MetricCache;
import io.tandem.app.revenue.RevenueBodies.AgeLine;
import io.tandem.app.revenue.RevenueBodies.Arpu;
import io.tandem.app.revenue.RevenueBodies.Churn;
import io.tandem.app.revenue.RevenueBodies.ChurnRow;
import io.tandem.app.revenue.RevenueBodies.CohortAccountsBody;
import io.tandem.app.revenue.RevenueBodies.CohortLine;
import io.tandem.app.revenue.RevenueBodies.Cohorts;
import io.tandem.app.revenue.RevenueBodies.IndicatorLine;
import io.tandem.app.revenue.RevenueBodies.Indicators;
import io.tandem.app.revenue.RevenueBodies.MovementRow;
import io.tandem.app.revenue.RevenueBodies.Movements;
import io.tandem.app.revenue.RevenueBodies.Retention;
import io.tandem.app.revenue.RevenueBodies.RetentionRow;
import io.tandem.app.revenue.RevenueBodies.SegmentLine;
import io.tandem.app.revenue.RevenueBodies.SegmentsBody;
import io.tandem.app.web.BadParameterException;
import io.tandem.app.web.CsvStream;
import io.tandem.app.web.CsvTable;
import io.tandem.app.web.DashboardCards;
import io.tandem.app.web.DashboardFilter;
import io.tandem.app.web.DashboardTables;
import io.tandem.app.web.DashboardFilters;
import io.tandem.app.web.MetricResponses;
import io.tandem.app.web.NoSuchCardException;
import io.tandem.app.web.NoSuchTableException;
import io.tandem.app.web.Paging;
import io.tandem.metrics.Rate;
import io.tandem.metrics.indicators.LeadingIndicatorsQuery;
import io.tandem.metrics.retention.CohortAccount;
import io.tandem.metrics.retention.CohortAccounts;
import io.tandem.metrics.retention.CohortAccountsQuery;
import io.tandem.metrics.retention.CohortRetentionQuery;
import io.tandem.metrics.retention.LogoChurn;
import io.tandem.metrics.retention.LogoChurnQuery;
import io.tandem.metrics.retention.Trailing12Churn;
import io.tandem.metrics.revenue.ArpuByAgeQuery;
import io.tandem.metrics.revenue.MrrMovementsQuery;
import io.tandem.metrics.revenue.RevenueRetentionQuery;
import io.tandem.metrics.segments.SegmentsQuery;
import io.tandem.metrics.segments.TouchModel;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Runs the revenue and retention queries for a dashboard filter and maps their records to the API
 * bodies (api.md names) and CSV tables, so that the page, the JSON and the CSV show the same figures.
 */
@Component
class RevenueReport implements CacheWarmUp, DashboardTables, DashboardCards {

    /** The tables this feature can download as CSV, by name. */
    static final List<String> TABLES = List.of("movements", "churn", "cohorts", "retention", "arpu-by-age",
            "segments", "leading-indicators");

    /** The cards of the page, each loaded on its own (DashboardCards). */
    static final List<String> CARDS = List.of("movements", "churn", "retention", "cohorts", "arpu", "segments",
            "indicators");

    private final DashboardFilters filters;
    private final MrrMovementsQuery movements;
    private final LogoChurnQuery churn;
    private final CohortRetentionQuery cohorts;
    private final CohortAccountsQuery cohortAccounts;
    private final RevenueRetentionQuery retention;
    private final ArpuByAgeQuery arpu;
    private final SegmentsQuery segments;
    private final LeadingIndicatorsQuery indicators;
    private final MetricCache cache;

    RevenueReport(MetricCache cache, DashboardFilters filters, MrrMovementsQuery movements, LogoChurnQuery churn,
                  CohortRetentionQuery cohorts, CohortAccountsQuery cohortAccounts, RevenueRetentionQuery retention,
                  ArpuByAgeQuery arpu, SegmentsQuery segments, LeadingIndicatorsQuery indicators) {
        this.cache = cache;
        this.filters = filters;
        this.movements = movements;
        this.churn = churn;
        this.cohorts = cohorts;
        this.cohortAccounts = cohortAccounts;
        this.retention = retention;
        this.arpu = arpu;
        this.segments = segments;
        this.indicators = indicators;
    }

    @Override
    public void warm(DashboardFilter defaults) {
        for (String table : TABLES) {
            table(table, defaults, null);
        }
    }

    Movements movements(DashboardFilter filter) {
        var result = cache.get("revenue.movements", filter.metrics(), movements::fetch);
        return new Movements(result.currency(), result.months().stream()
                .map(m -> new MovementRow(m.month().toString(), money(m.mrr()), money(m.newMrr()),
                        money(m.expansion()), money(m.contraction()), money(m.churn()), money(m.reactivation()),
                        money(m.netNew())))
                .toList());
    }

    Churn churn(DashboardFilter filter) {
        LogoChurn result = cache.get("retention.churn", filter.metrics(), churn::fetch);
        Trailing12Churn t = result.trailing12Rate();
        return new Churn(result.months().stream()
                .map(m -> new ChurnRow(m.month().toString(), m.activeAtStart(), m.churned(), rate(m.rate().value()),
                        m.rate().n(), m.rate().lowSample(), rate(m.trailing12Rate().value()), m.trailing12Rate().n()))
                .toList(),
                t == null ? null : rate(t.value()), t == null ? null : t.churned(), t == null ? null : t.n(),
                t == null ? null : t.lowSample());
    }

    Cohorts cohorts(DashboardFilter filter) {
        List<CohortLine> lines = cache.get("retention.cohorts", filter.ageCurves(filters.today()), cohorts::fetch).cohorts().stream()
                .map(c -> new CohortLine(c.cohort().toString(), c.size(), c.size() < Rate.LOW_SAMPLE_BELOW,
                        c.retention().stream().map(MetricResponses::rate).toList()))
                .toList();
        int maxAge = lines.stream().mapToInt(l -> l.retention().size() - 1).max().orElse(-1);
        return new Cohorts(maxAge, lines);
    }

    Retention retention(DashboardFilter filter) {
        return new Retention(cache.get("revenue.retention", filter.metrics(), retention::fetch).months().stream()
                .map(m -> new RetentionRow(m.month().toString(), rate(m.nrr()), rate(m.grr()), m.n(),
                        m.n() < Rate.LOW_SAMPLE_BELOW))
                .toList());
    }

    Arpu arpu(DashboardFilter filter) {
        var result = cache.get("revenue.arpu", filter.ageCurves(filters.today()), arpu::fetch);
        return new Arpu(result.currency(), result.ages().stream()
                .map(a -> new AgeLine(a.age(), money(a.arpu()), a.n(), a.n() < Rate.LOW_SAMPLE_BELOW,
                        money(a.revenuePerStartingAccount()), a.startingAccounts()))
                .toList());
    }

    SegmentsBody segments(DashboardFilter filter) {
        var result = cache.get("segments", filter.metrics(), segments::fetch);
        return new SegmentsBody(result.currency(), result.segments().stream()
                .map(s -> new SegmentLine(s.segment(), s.activeAccounts(), rate(s.churnRate().value()), s.churnRate().n(),
                        s.churnRate().lowSample(), rate(s.nrr()), money(s.arpa()), rate(s.ticketsPerAccountMonth()),
                        money(s.supportCostPerAccount()), touch(s.suggestedTouch())))
                .toList());
    }

    Indicators indicators(DashboardFilter filter) {
        return new Indicators(cache.get("retention.indicators", filter.ageCurves(filters.today()), indicators::fetch).indicators().stream()
                .map(i -> new IndicatorLine(i.name().key(), i.cohort(), i.control(), i.horizon()))
                .toList());
    }

    /** Accounts on a page of a cohort cell unless the request asks otherwise; at most MAX_COHORT_PAGE. */
    static final int COHORT_PAGE = 100;
    static final int MAX_COHORT_PAGE = 1000;

    /**
     * The whole cell as a CSV download, read and written a page of {@value #MAX_COHORT_PAGE} accounts at a
     * time, so that a large cohort never sits in memory whole. The parameters are checked by the first page,
     * before anything is sent.
     */
    void sendCohortAccountsCsv(String cohort, int age, DashboardFilter filter, HttpServletResponse response) {
        CohortAccountsBody page = cohortAccounts(cohort, age, filter, new Paging(MAX_COHORT_PAGE, 0));
        CsvStream csv = CsvStream.start(response, "cohort-" + page.cohort() + "-age-" + page.age(), "externalId",
                "name", "mrr", "active", "segment");
        long written = 0;
        while (true) {
            for (CohortAccount a : page.accounts()) {
                csv.row(a.externalId(), a.name(), a.mrr(), a.active(), a.segment());
            }
            written += page.accounts().size();
            if (page.accounts().size() < MAX_COHORT_PAGE || written >= page.size()) {
                break;
            }
            page = cohortAccounts(cohort, age, filter, new Paging(MAX_COHORT_PAGE, written));
        }
        csv.finish();
    }

    CohortAccountsBody cohortAccounts(String cohort, int age, DashboardFilter filter, Paging paging) {
        YearMonth month = DashboardFilters.month("cohort", cohort);
        if (age < 0 || age > 600) {
            throw new BadParameterException("age", "Parameter 'age' must be a whole number of months from 0, not "
                    + age + ".");
        }
        CohortAccounts result = cache.uncached(() -> cohortAccounts.fetch(month, age, filter.team(), filter.segment(),
                paging.limit(), paging.offset()));
        return new CohortAccountsBody(month.toString(), age, month.plusMonths(age).toString(), result.currency(),
                result.inFuture(), result.size(), result.active(), paging.limit(), paging.offset(), result.accounts());
    }

    @Override
    public String page() {
        return "revenue";
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
            case "movements" -> Map.of("movements", movements(filter));
            case "churn" -> Map.of("churn", churn(filter));
            case "retention" -> Map.of("retention", retention(filter));
            case "cohorts" -> Map.of("cohorts", cohorts(filter));
            case "arpu" -> Map.of("arpu", arpu(filter));
            case "segments" -> Map.of("segmentRows", segments(filter));
            case "indicators" -> Map.of("indicators", indicators(filter));
            default -> throw new NoSuchCardException(name, CARDS);
        };
    }

    @Override
    public CsvTable table(String name, DashboardFilter filter, Object viewer) {
        return switch (name) {
            case "movements" -> movementsCsv(movements(filter));
            case "churn" -> churnCsv(churn(filter));
            case "cohorts" -> cohortsCsv(cohorts(filter));
            case "retention" -> retentionCsv(retention(filter));
            case "arpu-by-age" -> arpuCsv(arpu(filter));
            case "segments" -> segmentsCsv(segments(filter));
            case "leading-indicators" -> indicatorsCsv(indicators(filter));
            default -> throw new NoSuchTableException(name, TABLES);
        };
    }

    static CsvTable movementsCsv(Movements body) {
        return CsvTable.of("mrr-movements", MovementRow.class, body.months());
    }

    static CsvTable churnCsv(Churn body) {
        return CsvTable.of("logo-churn", ChurnRow.class, body.months());
    }

    static CsvTable cohortsCsv(Cohorts body) {
        String[] headers = new String[3 + Math.max(body.maxAge() + 1, 0)];
        headers[0] = "cohort";
        headers[1] = "size";
        headers[2] = "lowSample";
        for (int k = 0; k <= body.maxAge(); k++) {
            headers[3 + k] = "age" + k;
        }
        CsvTable t = CsvTable.of("cohort-retention", headers);
        for (CohortLine c : body.cohorts()) {
            Object[] cells = new Object[headers.length];
            cells[0] = c.cohort();
            cells[1] = c.size();
            cells[2] = c.lowSample();
            for (int k = 0; k < c.retention().size(); k++) {
                cells[3 + k] = c.retention().get(k);
            }
            t = t.row(cells);
        }
        return t;
    }

    static CsvTable retentionCsv(Retention body) {
        return CsvTable.of("revenue-retention", RetentionRow.class, body.months());
    }

    static CsvTable arpuCsv(Arpu body) {
        return CsvTable.of("arpu-by-age", AgeLine.class, body.ages());
    }

    static CsvTable segmentsCsv(SegmentsBody body) {
        return CsvTable.of("segments", SegmentLine.class, body.segments());
    }

    static CsvTable indicatorsCsv(Indicators body) {
        CsvTable t = CsvTable.of("leading-indicators", "name", "horizon", "cohortN", "cohortRetained", "cohortRate",
                "cohortLow", "cohortHigh", "controlN", "controlRetained", "controlRate", "controlLow", "controlHigh");
        for (IndicatorLine i : body.indicators()) {
            t = t.row(i.name(), i.horizon(), i.cohort().n(), i.cohort().retained(), i.cohort().rate(),
                    i.cohort().low(), i.cohort().high(), i.control().n(), i.control().retained(), i.control().rate(),
                    i.control().low(), i.control().high());
        }
        return t;
    }

    /** The API's name of a touch model: {@code low-touch}, {@code hybrid}, {@code high-touch}; null for unknown. */
    static String touch(TouchModel model) {
        return model == null ? null : model.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
