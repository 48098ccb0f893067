package dev.quarry;

/**
 * What a query (or one operator of it) used of a model: requests, tokens, cost and what went wrong.
 *
 * <pre>{@code
 * ModelUsage lm = result.metrics().languageModel();
 * System.out.printf("%d requests, %d in / %d out tokens, $%.4f%n",
 *         lm.requests(), lm.inputTokens(), lm.outputTokens(), lm.costUsd());
 * }</pre>
 *
 * @param requests requests answered by the provider (cache hits and deduplicated requests not counted)
 * @param inputTokens prompt tokens billed, cached ones included
 * @param cachedInputTokens the part of {@code inputTokens} the provider served from its prompt cache
 * @param outputTokens completion tokens billed, reasoning tokens included
 * @param reasoningTokens the part of {@code outputTokens} spent on hidden reasoning
 * @param costUsd the estimated cost in US dollars from the price catalog
 * @param cacheHits requests answered from Quarry's response cache, sending nothing
 * @param retries requests sent again after a transient failure
 * @param rateLimited responses with HTTP 429 received
 * @param failedRows rows whose result is null because the model's output could not be used
 */
public record ModelUsage(
        long requests,
        long inputTokens,
        long cachedInputTokens,
        long outputTokens,
        long reasoningTokens,
        double costUsd,
        long cacheHits,
        long retries,
        long rateLimited,
        long failedRows) {

    /** Usage of nothing: every count zero. */
    public static final ModelUsage NONE = new ModelUsage(0, 0, 0, 0, 0, 0.0, 0, 0, 0, 0);

    /**
     * The sum of two usages, for totals across operators or models.
     *
     * <pre>{@code ModelUsage total = a.plus(b);}</pre>
     *
     * @param other the usage to add
     * @return a new usage holding the sums
     */
    public ModelUsage plus(ModelUsage other) {
        return new ModelUsage(
                requests + other.requests,
                inputTokens + other.inputTokens,
                cachedInputTokens + other.cachedInputTokens,
                outputTokens + other.outputTokens,
                reasoningTokens + other.reasoningTokens,
                costUsd + other.costUsd,
                cacheHits + other.cacheHits,
                retries + other.retries,
                rateLimited + other.rateLimited,
                failedRows + other.failedRows);
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "requests=%d, input_tokens=%d (cached %d), output_tokens=%d (reasoning %d), cost=$%.6f,"
                        + " cache_hits=%d, retries=%d, rate_limited=%d, failed_rows=%d",
                requests,
                inputTokens,
                cachedInputTokens,
                outputTokens,
                reasoningTokens,
                costUsd,
                cacheHits,
                retries,
                rateLimited,
                failedRows);
    }
}
