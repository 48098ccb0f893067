package dev.quarry.internal.plan;

/** The file formats the readers and writers know. */
public enum FileFormat {
    CSV,
    PARQUET,
    /** Newline-delimited JSON: one object per line. */
    JSON
}
