package dev.quarry.inference;

/**
 * What one call used: tokens as the provider billed them, the cost from the price catalog, and how
 * it was answered.
 *
 * <pre>{@code
 * ChatResult r = runtime.chat("fast", request, key).join();
 * System.out.println(r.usage().outputTokens() + " tokens, $" + r.usage().costUsd());
 * }</pre>
 *
 * @param inputTokens prompt tokens billed, cached ones included (0 for a cache hit)
 * @param cachedInputTokens the part of {@code inputTokens} served from the provider's prompt cache
 * @param outputTokens completion tokens billed, reasoning included
 * @param reasoningTokens the part of {@code outputTokens} spent on hidden reasoning
 * @param costUsd the cost in US dollars
 * @param cacheHit true when answered from Quarry's response cache or by an identical request in
 *     flight, sending nothing
 * @param retries how many times the request was sent again after a transient failure
 * @param rateLimited how many 429 responses it received
 */
public record CallUsage(
        long inputTokens,
        long cachedInputTokens,
        long outputTokens,
        long reasoningTokens,
        double costUsd,
        boolean cacheHit,
        int retries,
        int rateLimited) {

    /** The usage of an answer that cost nothing and sent nothing. */
    public static final CallUsage CACHE_HIT = new CallUsage(0, 0, 0, 0, 0, true, 0, 0);
}
