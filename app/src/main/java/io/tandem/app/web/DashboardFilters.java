package io.tandem.app.web;

import io.tandem.domain.reps.Rep;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.settings.Settings;
import io.tandem.domain.settings.SettingsRepository;
import io.tandem.metrics.scorecard.Period;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the common parameters (from, to, team, segment, and the page's range preset) into a
 * {@link DashboardFilter}, with the defaults of api.md: the last 12 full months in the organisation's
 * time zone. A bad value is a {@link BadParameterException} naming the parameter.
 *
 * <p>What one request may cost is bounded here: dates lie in the years {@value #FIRST_YEAR} to
 * {@value #LAST_YEAR} (as imported data does), and a range touches at most {@code tandem.api.max-range-months}
 * calendar months (default 120), since weekly and monthly series, and so the size of a response, grow
 * with the range (issue 14: one request for 0001-01-01 to 9999-12-31 built 100 MB of JSON).
 */
@Component
public class DashboardFilters {

    /** Range presets of the dashboards, in the order of the preset menu. */
    public static final List<String> PRESETS = List.of("3m", "6m", "12m", "ytd", "custom");

    /** The years a date parameter may lie in: those imported data may hold (csv-formats.md). */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2999;

    private final Clock clock;
    private final SettingsRepository settings;
    private final RepRepository reps;
    private final int maxRangeMonths;

    DashboardFilters(Clock clock, SettingsRepository settings, RepRepository reps,
                     @Value("${tandem.api.max-range-months:120}") int maxRangeMonths) {
        if (maxRangeMonths < 12) {
            // the default range is the last 12 full months
            throw new IllegalArgumentException("tandem.api.max-range-months must be 12 or more, not " + maxRangeMonths);
        }
        this.clock = clock;
        this.settings = settings;
        this.reps = reps;
        this.maxRangeMonths = maxRangeMonths;
    }

    /** The most calendar months a range may touch ({@code tandem.api.max-range-months}). */
    public int maxRangeMonths() {
        return maxRangeMonths;
    }

    /** Today in the organisation's time zone (metrics.md section 0). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(settings.current().getTimeZone())));
    }

    public DashboardFilter parse(String from, String to, String team, String segment, String range) {
        LocalDate today = today();
        String preset = blank(range) ? null : range.trim();
        if (preset != null && !PRESETS.contains(preset)) {
            throw new BadParameterException("range",
                    "Parameter 'range' must be one of " + String.join(", ", PRESETS) + ", not '" + range + "'.");
        }
        LocalDate start;
        LocalDate end;
        boolean given = true;
        if (preset != null && !preset.equals("custom")) {
            LocalDate lastFullMonthEnd = today.withDayOfMonth(1).minusDays(1);
            end = preset.equals("ytd") ? today : lastFullMonthEnd;
            start = switch (preset) {
                case "3m" -> lastFullMonthEnd.withDayOfMonth(1).minusMonths(2);
                case "6m" -> lastFullMonthEnd.withDayOfMonth(1).minusMonths(5);
                case "ytd" -> today.withDayOfYear(1);
                default -> lastFullMonthEnd.withDayOfMonth(1).minusMonths(11);
            };
        } else {
            LocalDate lastFullMonthEnd = today.withDayOfMonth(1).minusDays(1);
            end = blank(to) ? lastFullMonthEnd : date("to", to);
            start = blank(from) ? end.withDayOfMonth(1).minusMonths(11) : date("from", from);
            given = !blank(from) || !blank(to);
            preset = given ? "custom" : "12m";
        }
        checkRange(start, end);
        String teamName = blank(team) ? null : team.trim();
        if (teamName != null && !teams().contains(teamName)) {
            throw new BadParameterException("team", "Parameter 'team' names no team: '" + team + "'. Teams: "
                    + String.join(", ", teams()) + ".");
        }
        String segmentLabel = blank(segment) ? null : segment.trim();
        if (segmentLabel != null && !segments().contains(segmentLabel)) {
            throw new BadParameterException("segment", "Parameter 'segment' must be one of "
                    + String.join(", ", segments()) + ", not '" + segment + "'.");
        }
        return new DashboardFilter(start, end, teamName, segmentLabel, preset, given);
    }

    /**
     * A scorecard's period (metrics.md section 6): {@code from} and {@code to} as given, by default
     * the last full calendar month.
     */
    public Period scorecardPeriod(String from, String to) {
        if (blank(from) && blank(to)) {
            return Period.lastFullMonth(today());
        }
        if (blank(from) || blank(to)) {
            String missing = blank(from) ? "from" : "to";
            throw new BadParameterException(missing, "Give both 'from' and 'to', or neither (the last full month).");
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        checkRange(start, end);
        return new Period(start, end);
    }

    /** The default filter: last 12 full months, every team and segment. */
    public DashboardFilter defaults() {
        return parse(null, null, null, null, null);
    }

    /** The teams of the reps, for the team filter. */
    public List<String> teams() {
        return reps.findAllByOrderByTeamAscNameAsc().stream().map(Rep::getTeam).distinct().toList();
    }

    /** The segment labels from the seat bounds in settings (metrics.md section 0), for the segment filter. */
    public List<String> segments() {
        Settings s = settings.current();
        return List.of("1-" + s.getSegmentSmallMax(),
                (s.getSegmentSmallMax() + 1) + "-" + s.getSegmentMediumMax(),
                (s.getSegmentMediumMax() + 1) + "+",
                "unknown");
    }

    /**
     * A month parameter ({@code yyyy-MM}, such as a cohort) in the years {@value #FIRST_YEAR} to
     * {@value #LAST_YEAR}.
     */
    public static YearMonth month(String parameter, String value) {
        YearMonth month;
        try {
            month = YearMonth.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter,
                    "Parameter '" + parameter + "' must be a month (yyyy-MM), not '" + value + "'.");
        }
        checkYear(parameter, month.getYear(), value);
        return month;
    }

    /**
     * The range is in order and not too long; the length is checked first, so that a caller asking
     * for all of time learns the limit. A range is as long as the calendar months it touches.
     */
    private void checkRange(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new BadParameterException("to", "Parameter 'to' (" + end + ") is before 'from' (" + start + ").");
        }
        long months = ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) + 1;
        if (months > maxRangeMonths) {
            throw new BadParameterException("from", String.format(Locale.ROOT,
                    "Parameter 'from': the range %s to %s spans %,d months; at most %,d are allowed"
                            + " (tandem.api.max-range-months).", start, end, months, maxRangeMonths));
        }
        checkYear("from", start.getYear(), start.toString());
        checkYear("to", end.getYear(), end.toString());
    }

    private static void checkYear(String parameter, int year, String value) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new BadParameterException(parameter, "Parameter '" + parameter + "' must lie in the years "
                    + FIRST_YEAR + " to " + LAST_YEAR + ", not '" + value + "'.");
        }
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter,
                    "Parameter '" + parameter + "' must be an ISO date (yyyy-MM-dd), not '" + value + "'.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
