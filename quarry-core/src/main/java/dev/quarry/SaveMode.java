package dev.quarry;

/**
 * What a writer does when the target path or table already exists.
 *
 * <pre>{@code df.write().mode(SaveMode.OVERWRITE).parquet("out.parquet");}</pre>
 */
public enum SaveMode {
    /** Refuse and touch nothing (the default). */
    ERROR,
    /** Replace the existing data. */
    OVERWRITE,
    /** Add to the existing data; the schemas must match. */
    APPEND,
    /** Do nothing, silently. */
    IGNORE
}
