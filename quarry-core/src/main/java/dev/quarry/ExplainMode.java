package dev.quarry;

/**
 * How much {@link DataFrame#explain(ExplainMode)} shows.
 *
 * <pre>{@code df.explain(ExplainMode.ANALYZE);}</pre>
 */
public enum ExplainMode {
    /** The optimized plan only. */
    SIMPLE,
    /** The logical plan, the optimized plan, and the optimizer rules that fired with their times (the default). */
    EXTENDED,
    /** Everything {@link #EXTENDED} shows, then runs the query and adds time, rows and per-operator metrics. */
    ANALYZE
}
