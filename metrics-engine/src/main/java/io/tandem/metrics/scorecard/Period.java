package io.tandem.metrics.scorecard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A scorecard period [from, to], inclusive (metrics.md section 6).
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("`to` (" + to + ") is before `from` (" + from + ")");
        }
    }

    /** The default: the last full calendar month before {@code today}. */
    public static Period lastFullMonth(LocalDate today) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        return new Period(month.atDay(1), month.atEndOfMonth());
    }

    /**
     * The six periods before this one, oldest first, each as long as this one and ending the day
     * before the next begins. A period of whole calendar months steps back in whole months (so
     * that October is preceded by September, not by 31 days); any other period by its length in days.
     */
    public List<Period> previousSix() {
        List<Period> earlier = new ArrayList<>();
        Period p = this;
        for (int i = 0; i < 6; i++) {
            p = p.previous();
            earlier.add(0, p);
        }
        return earlier;
    }

    /** The period of the same length just before this one. */
    public Period previous() {
        if (wholeMonths()) {
            long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
            YearMonth first = YearMonth.from(from).minusMonths(months);
            return new Period(first.atDay(1), YearMonth.from(from).minusMonths(1).atEndOfMonth());
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new Period(from.minusDays(days), from.minusDays(1));
    }

    /** The period of the same length just after this one. */
    public Period next() {
        if (wholeMonths()) {
            long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
            YearMonth first = YearMonth.from(to).plusMonths(1);
            return new Period(first.atDay(1), first.plusMonths(months - 1).atEndOfMonth());
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new Period(to.plusDays(1), to.plusDays(days));
    }

    private boolean wholeMonths() {
        return from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth());
    }
}
