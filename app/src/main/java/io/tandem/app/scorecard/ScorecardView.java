package io.tandem.app.scorecard;

import io.tandem.metrics.scorecard.Scorecard;
import io.tandem.metrics.scorecard.Scorecard.Figure;
import io.tandem.metrics.scorecard.Scorecard.TrendPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The scorecard as the page shows it: formatted values and a sparkline per figure. */
record ScorecardView(Scorecard card, List<Row> rows) {

    record Row(String key, List<Cell> figures) {
    }

    /**
     * @param sparkline SVG polyline points (120 x 28) over the six earlier periods and this one;
     *                  empty when fewer than two periods have a value
     */
    record Cell(String key, String value, String teamMedian, Long n, boolean lowSample, String sparkline,
                String trendText) {
    }

    static ScorecardView of(Scorecard card, String currency) {
        List<Row> rows = List.of(
                new Row("volume", cells(card.volume(), currency)),
                new Row("speed", cells(card.speed(), currency)),
                new Row("quality", cells(card.quality(), currency)),
                new Row("outcome", cells(card.outcome(), currency)));
        return new ScorecardView(card, rows);
    }

    private static List<Cell> cells(List<Figure> figures, String currency) {
        return figures.stream().map(f -> new Cell(f.key(), format(f.key(), f.value(), currency),
                format(f.key(), f.teamMedian(), currency), f.n(), f.lowSample(), sparkline(f), trendText(f, currency)))
                .toList();
    }

    static String format(String key, BigDecimal value, String currency) {
        if (value == null) {
            return "—";
        }
        return switch (key) {
            case "customersHelped", "tickets", "wonDeals" -> NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
            case "medianFrtMinutes", "p90FrtMinutes" -> value.setScale(1, RoundingMode.HALF_UP).toPlainString() + " min";
            case "repliesPerCustomer" -> value.setScale(2, RoundingMode.HALF_UP).toPlainString();
            case "happiness", "expected" -> value.setScale(1, RoundingMode.HALF_UP).toPlainString();
            case "gap" -> (value.signum() > 0 ? "+" : "") + value.setScale(1, RoundingMode.HALF_UP).toPlainString();
            case "hardShare", "logoRetention", "nrr", "bookingRetention" ->
                    value.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
            default -> currency + " " + NumberFormat.getIntegerInstance(Locale.ENGLISH)
                    .format(value.setScale(0, RoundingMode.HALF_UP));
        };
    }

    private static String trendText(Figure f, String currency) {
        List<String> parts = new ArrayList<>();
        for (TrendPoint p : f.trend()) {
            parts.add(p.from() + ": " + format(f.key(), p.value(), currency));
        }
        return String.join("; ", parts);
    }

    private static String sparkline(Figure f) {
        List<BigDecimal> values = new ArrayList<>(f.trend().stream().map(TrendPoint::value).toList());
        values.add(f.value());
        List<BigDecimal> present = values.stream().filter(Objects::nonNull).toList();
        if (present.size() < 2) {
            return "";
        }
        double min = present.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = present.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                continue;
            }
            double x = 4 + i * (112.0 / (values.size() - 1));
            double y = 24 - (values.get(i).doubleValue() - min) / span * 20;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().trim();
    }
}
