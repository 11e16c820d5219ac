package io.tandem.app.web;

import io.tandem.metrics.MetricFilter;
import java.time.LocalDate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The filters every dashboard and metrics API shares (api.md, "Common query parameters"), as read from
 * the URL so that a view is shareable and the back button works.
 *
 * @param from       first day of the range
 * @param to         last day of the range
 * @param team       a team name or null
 * @param segment    a segment label or null
 * @param range      the preset the range came from ({@code 3m}, {@code 6m}, {@code 12m}, {@code ytd}) or
 *                   {@code custom}
 * @param rangeGiven whether the caller chose the range; if not, age curves read all history
 *                   (metrics.md section 0, "Date range and age curves")
 */
public record DashboardFilter(LocalDate from, LocalDate to, String team, String segment, String range,
        boolean rangeGiven) {

    /** "All history" for age curves when no range was chosen: before any data Tandem can hold. */
    public static final LocalDate HISTORY_START = LocalDate.of(1970, 1, 1);

    /** The filter of event and state metrics: the range as given (default: last 12 full months). */
    public MetricFilter metrics() {
        return new MetricFilter(from, to, team, segment);
    }

    /**
     * The filter of the cohort table, ARPU by age and the leading indicators: the chosen range, or all
     * history up to today when none was chosen.
     */
    public MetricFilter ageCurves(LocalDate today) {
        return rangeGiven ? metrics() : new MetricFilter(HISTORY_START, today.isBefore(to) ? to : today, team, segment);
    }

    /**
     * This filter as a URL query ("?range=6m&team=North", or "" with every default), for links that
     * keep the view: CSV downloads, drill-downs, shared URLs.
     */
    public String query() {
        StringBuilder q = new StringBuilder();
        if ("custom".equals(range)) {
            add(q, "from", from.toString());
            add(q, "to", to.toString());
        } else if (rangeGiven) {
            add(q, "range", range);
        }
        q.append(scopeQuery());
        return q.isEmpty() ? "" : "?" + q.substring(1);
    }

    /** This filter as parameters to append to a URL that has a query already ("&range=6m&team=North"), or "". */
    public String queryToAppend() {
        String q = query();
        return q.isEmpty() ? "" : "&" + q.substring(1);
    }

    /** Only the team and segment as query parameters to append ("&team=North"), or "". */
    public String scopeQuery() {
        StringBuilder q = new StringBuilder();
        if (team != null) {
            add(q, "team", team);
        }
        if (segment != null) {
            add(q, "segment", segment);
        }
        return q.toString();
    }

    private static void add(StringBuilder q, String name, String value) {
        // URLEncoder, not a URI template: "11+" must travel as 11%2B, not as "11 "
        q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
