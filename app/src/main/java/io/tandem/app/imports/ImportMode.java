package io.tandem.app.imports;

import com.fasterxml.jackson.annotation.JsonValue;

/** How an import treats rejected rows (api.md, Imports): strict writes nothing, lenient writes the valid rows. */
enum ImportMode {
    STRICT, LENIENT;

    /** The {@code mode} parameter, exactly {@code strict} or {@code lenient}. */
    static ImportMode parse(String value) {
        for (ImportMode mode : values()) {
            if (mode.code().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Parameter 'mode' must be strict or lenient, not '" + value + "'.");
    }

    /** As in the API, JSON and the import_runs table. */
    @JsonValue
    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
