package dev.quarry.spi;

import static java.util.Objects.requireNonNull;

/**
 * Per-query information the session passes to {@link Backend#execute}.
 *
 * @param queryId a unique id of the query in the session
 * @param collectOperatorMetrics whether to measure each operator (for {@code explain(ANALYZE)})
 */
public record ExecutionContext(String queryId, boolean collectOperatorMetrics) {
    /** Validates. */
    public ExecutionContext {
        requireNonNull(queryId, "queryId is null");
    }
}
