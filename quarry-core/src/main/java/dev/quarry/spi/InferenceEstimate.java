package dev.quarry.spi;

import static java.util.Objects.requireNonNull;

/**
 * The estimated model use of one semantic operator of a plan, before anything runs: what
 * {@code explain()} shows and what a budget check compares against.
 *
 * <pre>{@code
 * new InferenceEstimate("semantic.classify(team)", "semantic.classify(body)", "fast", 1_000, 180_000, 3_000, 0.0192)
 * }</pre>
 *
 * @param operator the operator's name as its metrics will show it, e.g. {@code semantic.extract(info)} or
 *     {@code semantic.join}
 * @param details what it computes, e.g. {@code semantic.extract(body, TicketInfo)}
 * @param modelAlias the model alias the requests go to
 * @param requests the estimated number of requests sent (after deduplication and cache hits, when known)
 * @param inputTokens the estimated prompt tokens
 * @param outputTokens the estimated completion tokens
 * @param costUsd the estimated cost in US dollars
 */
public record InferenceEstimate(
        String operator,
        String details,
        String modelAlias,
        long requests,
        long inputTokens,
        long outputTokens,
        double costUsd) {
    /** Validates: names non-null, counts and cost not negative, cost finite. */
    public InferenceEstimate {
        requireNonNull(operator, "operator is null");
        requireNonNull(details, "details is null");
        requireNonNull(modelAlias, "modelAlias is null");
        if (requests < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got requests=" + requests + ", inputTokens="
                    + inputTokens + ", outputTokens=" + outputTokens);
        }
        if (!Double.isFinite(costUsd) || costUsd < 0) {
            throw new IllegalArgumentException("costUsd must be a finite amount >= 0, was " + costUsd);
        }
    }
}
