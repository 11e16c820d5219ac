package io.tandem.metrics;

/**
 * The difficulty tier of a ticket (metrics.md section 2), computed by
 * the SQL function {@code difficulty_tier} (V6 migration) from the thresholds in settings.
 */
public enum DifficultyTier {
    EASY,
    MEDIUM,
    HARD;

    /** The tier from its SQL label ({@code easy}, {@code medium}, {@code hard}). */
    public static DifficultyTier fromSql(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
}
