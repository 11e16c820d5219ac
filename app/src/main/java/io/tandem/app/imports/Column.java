package io.tandem.app.imports;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One column of an import kind: its canonical name, the names common exports give it, how its
 * cells are read, and where it lands.
 *
 * @param staged    the staging-table column (and its SQL type) the read value is copied into
 * @param target    the column of the kind's table it is merged into; for a reference, the id column
 * @param digits    for DECIMAL columns, the digits allowed before the point (the table's numeric precision
 *                  less its scale)
 * @param refKind   for REF columns, the kind whose external_id (or, for reps, email) it names
 */
record Column(String name, ColumnType type, boolean required, List<String> aliases, String stagedType,
              String target, boolean nonNegative, int scale, int digits, int maxLength, Map<String, String> enumValues,
              String refKind, String whenEmpty) {

    static Builder of(String name, ColumnType type) {
        return new Builder(name, type);
    }

    /** Header names are compared ignoring case, spaces, '-' and '_'. */
    static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

    boolean answersTo(String header) {
        String h = normalise(header);
        return normalise(name).equals(h) || aliases.stream().anyMatch(a -> normalise(a).equals(h));
    }

    String staged() {
        return type == ColumnType.REF ? name + "_ref" : name;
    }

    String enumValue(String cell) throws ColumnType.Rejected {
        String value = enumValues.get(cell.toLowerCase(Locale.ROOT).replace(' ', '_'));
        if (value == null) {
            throw new ColumnType.Rejected("is not one of "
                    + enumValues.values().stream().distinct().collect(Collectors.joining(", ")));
        }
        return value;
    }

    static final class Builder {
        private final String name;
        private final ColumnType type;
        private boolean required;
        private List<String> aliases = List.of();
        private String stagedType;
        private String target;
        private boolean nonNegative;
        private int scale;
        private int digits = 12;
        private int maxLength = ColumnType.MAX_TEXT;
        private final Map<String, String> enumValues = new LinkedHashMap<>();
        private String refKind;
        private String whenEmpty;

        private Builder(String name, ColumnType type) {
            this.name = name;
            this.type = type;
            this.target = name;
            this.stagedType = switch (type) {
                case INTEGER -> "integer";
                case DECIMAL -> "numeric";
                case BOOLEAN -> "boolean";
                case TIMESTAMP -> "timestamptz";
                case MONTH -> "date";
                default -> "text";
            };
        }

        Builder required() {
            this.required = true;
            return this;
        }

        Builder aliases(String... names) {
            this.aliases = List.of(names);
            return this;
        }

        Builder nonNegative() {
            this.nonNegative = true;
            return this;
        }

        Builder scale(int decimals) {
            this.scale = decimals;
            return this;
        }

        /** Digits before the point; the default 12 fits the numeric(14,2) money columns. */
        Builder digits(int beforePoint) {
            this.digits = beforePoint;
            return this;
        }

        Builder maxLength(int characters) {
            this.maxLength = characters;
            return this;
        }

        /** Accepted spellings (any case, spaces for '_') of each canonical value. */
        Builder values(String... canonical) {
            Arrays.stream(canonical).forEach(v -> enumValues.put(v, v));
            return this;
        }

        Builder alsoAccept(String spelling, String canonical) {
            enumValues.put(spelling.toLowerCase(Locale.ROOT).replace(' ', '_'), canonical);
            return this;
        }

        Builder references(String kind, String idColumn) {
            this.refKind = kind;
            this.target = idColumn;
            return this;
        }

        /** SQL value stored when the cell is empty, for NOT NULL columns with a default. */
        Builder whenEmpty(String sqlLiteral) {
            this.whenEmpty = sqlLiteral;
            return this;
        }

        Column build() {
            return new Column(name, type, required, aliases, stagedType, target, nonNegative, scale, digits, maxLength,
                    Collections.unmodifiableMap(new LinkedHashMap<>(enumValues)), refKind, whenEmpty);
        }
    }
}
