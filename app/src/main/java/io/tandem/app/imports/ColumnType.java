package io.tandem.app.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a cell is read (../shared/docs/csv-formats.md): each type turns a trimmed, non-empty cell
 * into the text PostgreSQL's COPY reads, or throws {@link Rejected} with a message for the admin.
 */
enum ColumnType {
    TEXT, EMAIL, INTEGER, DECIMAL, BOOLEAN, TIMESTAMP, MONTH, ENUM, CURRENCY, REF;

    static final int MAX_TEXT = 1000;
    private static final Pattern DECIMAL_FORM = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern INTEGER_FORM = Pattern.compile("-?\\d+");
    private static final Pattern FORMULA_ESCAPE = Pattern.compile("'[=+\\-@].*", Pattern.DOTALL);
    /** Strict: 2024-02-30 and 24:00 are refused, never moved to another day. */
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    /** Dates and months Tandem accepts: wide enough for any real history, narrow enough for every column. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2999;

    /** A cell that cannot be read; the message names what was expected. */
    static final class Rejected extends Exception {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /** What the importer knows while reading cells. */
    record Context(ZoneId zone, String currency) {
    }

    String read(String cell, Column column, Context context) throws Rejected {
        return switch (this) {
            case TEXT, REF -> text(cell, column.maxLength());
            case EMAIL -> email(cell);
            case INTEGER -> integer(cell, column);
            case DECIMAL -> decimal(cell, column);
            case BOOLEAN -> bool(cell);
            case TIMESTAMP -> timestamp(cell, context.zone());
            case MONTH -> month(cell);
            case ENUM -> column.enumValue(cell);
            case CURRENCY -> currency(cell, context.currency());
        };
    }

    /**
     * Text is kept as it is. Tandem's own CSV exports put a ' before a cell that starts with
     * = + - or @ so that spreadsheets do not run it as a formula; that ' is taken off again here.
     */
    private static String text(String cell, int max) throws Rejected {
        String value = FORMULA_ESCAPE.matcher(cell).matches() ? cell.substring(1) : cell;
        if (value.length() > max) {
            throw new Rejected("is " + value.length() + " characters long; at most " + max + " are allowed");
        }
        if (value.indexOf('\0') >= 0) {
            throw new Rejected("contains a NUL character (binary data?)");
        }
        return value;
    }

    private static String email(String cell) throws Rejected {
        String value = text(cell, 320);
        if (!value.matches("[^@\\s]+@[^@\\s]+")) {
            throw new Rejected("is not an email address");
        }
        return value;
    }

    private static String integer(String cell, Column column) throws Rejected {
        if (!INTEGER_FORM.matcher(cell).matches()) {
            throw new Rejected("is not a whole number");
        }
        BigDecimal value = new BigDecimal(cell);
        if (column.nonNegative() && value.signum() < 0) {
            throw new Rejected("is negative; it must be 0 or more");
        }
        BigDecimal max = BigDecimal.valueOf(Integer.MAX_VALUE);
        if (value.abs().compareTo(max) > 0) {
            throw new Rejected(outsideRange(column, max));
        }
        return value.toPlainString();
    }

    private static String decimal(String cell, Column column) throws Rejected {
        if (!DECIMAL_FORM.matcher(cell).matches()) {
            throw new Rejected("is not a number (use digits and '.', e.g. 1234.50)");
        }
        BigDecimal value = new BigDecimal(cell);
        if (column.nonNegative() && value.signum() < 0) {
            throw new Rejected("is negative; it must be 0 or more");
        }
        if (value.stripTrailingZeros().scale() > column.scale()) {
            throw new Rejected("has more than " + column.scale() + " decimals");
        }
        if (value.precision() - value.scale() > column.digits()) {
            throw new Rejected(outsideRange(column,
                    BigDecimal.TEN.pow(column.digits()).subtract(BigDecimal.ONE.movePointLeft(column.scale()))));
        }
        return value.toPlainString();
    }

    /** The column's database type bounds the value: say so rather than fail on the insert. */
    private static String outsideRange(Column column, BigDecimal max) {
        return "lies outside the allowed range " + (column.nonNegative() ? "0" : max.negate().toPlainString())
                + " to " + max.toPlainString();
    }

    private static String bool(String cell) throws Rejected {
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> "true";
            case "false", "f", "no", "n", "0" -> "false";
            default -> throw new Rejected("is not true or false");
        };
    }

    private static String timestamp(String cell, ZoneId zone) throws Rejected {
        Instant instant = instant(cell, zone);
        int year = instant.atZone(zone).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new Rejected(outsideYears());
        }
        return instant.toString();
    }

    private static String outsideYears() {
        return "lies outside the years " + FIRST_YEAR + " to " + LAST_YEAR;
    }

    private static Instant instant(String cell, ZoneId zone) throws Rejected {
        if (!cell.matches("\\d{4}-.*")) {
            throw new Rejected("is not a date and time (use 2024-03-05T14:03:00Z, 2024-03-05 14:03 or 2024-03-05)");
        }
        try {
            return OffsetDateTime.parse(cell).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(cell, LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(cell).atStartOfDay(zone).toInstant();
                } catch (DateTimeException notADate) {
                    throw new Rejected("is not a date and time (use 2024-03-05T14:03:00Z, 2024-03-05 14:03 or 2024-03-05)");
                }
            }
        }
    }

    private static String month(String cell) throws Rejected {
        YearMonth month;
        try {
            month = cell.matches("\\d{4}-\\d{2}") ? YearMonth.parse(cell) : null;
        } catch (DateTimeParseException e) {
            month = null;
        }
        if (month == null) {
            throw new Rejected("is not a month (use yyyy-MM, e.g. 2024-03)");
        }
        if (month.getYear() < FIRST_YEAR || month.getYear() > LAST_YEAR) {
            throw new Rejected(outsideYears());
        }
        return month.atDay(1).toString();
    }

    private static String currency(String cell, String organisationCurrency) throws Rejected {
        String code = cell.toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            throw new Rejected("is not a currency code (three letters, e.g. " + organisationCurrency + ")");
        }
        if (!code.equals(organisationCurrency)) {
            throw new Rejected("differs from the organisation's currency " + organisationCurrency
                    + "; Tandem reports in one currency and does not convert");
        }
        return code;
    }
}
