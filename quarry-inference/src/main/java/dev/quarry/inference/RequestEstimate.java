package dev.quarry.inference;

/**
 * The expected cost of requests before they are sent, for {@code explain()} and budgets.
 *
 * <pre>{@code
 * RequestEstimate e = runtime.estimate("fast", request);
 * System.out.printf("~%d in, ~%d out, ~$%.5f%n", e.inputTokens(), e.outputTokens(), e.costUsd());
 * }</pre>
 *
 * @param requests HTTP requests expected
 * @param inputTokens expected prompt tokens
 * @param outputTokens expected completion tokens (learned from earlier answers, bounded by the cap)
 * @param costUsd expected cost in US dollars
 * @param priced false when the model is in neither the catalog nor the configuration (cost is 0)
 */
public record RequestEstimate(long requests, long inputTokens, long outputTokens, double costUsd, boolean priced) {
    /** Nothing. */
    public static final RequestEstimate NONE = new RequestEstimate(0, 0, 0, 0, true);

    /**
     * The sum of two estimates.
     *
     * <pre>{@code RequestEstimate total = a.plus(b);}</pre>
     *
     * @param other the other estimate
     * @return the sum
     */
    public RequestEstimate plus(RequestEstimate other) {
        return new RequestEstimate(
                requests + other.requests,
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens,
                costUsd + other.costUsd,
                priced && other.priced);
    }

    /**
     * This estimate repeated {@code n} times.
     *
     * <pre>{@code RequestEstimate all = perRow.times(rows);}</pre>
     *
     * @param n the multiplier
     * @return the product
     */
    public RequestEstimate times(long n) {
        return new RequestEstimate(requests * n, inputTokens * n, outputTokens * n, costUsd * n, priced);
    }
}
