package dev.quarry.inference;

import static java.util.Objects.requireNonNull;

/**
 * Whom a request's usage is accounted to: a query and one of its operators.
 *
 * <pre>{@code
 * UsageKey key = UsageKey.of("q-17", "extract#2");
 * runtime.chat("fast", request, key);
 * ModelUsage used = runtime.usage().usage(key);
 * }</pre>
 *
 * @param query the query id
 * @param operator the operator id within the query
 */
public record UsageKey(String query, String operator) {
    /** Usage not attributed to any query. */
    public static final UsageKey UNATTRIBUTED = new UsageKey("", "");

    /** Validates the fields. */
    public UsageKey {
        requireNonNull(query, "query is null");
        requireNonNull(operator, "operator is null");
    }

    /**
     * A key.
     *
     * <pre>{@code UsageKey.of("q1", "classify#1")}</pre>
     *
     * @param query the query id
     * @param operator the operator id
     * @return the key
     */
    public static UsageKey of(String query, String operator) {
        return new UsageKey(query, operator);
    }
}
