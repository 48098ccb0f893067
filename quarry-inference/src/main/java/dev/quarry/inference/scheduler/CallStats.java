package dev.quarry.inference.scheduler;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counters of one logical request across its attempts.
 *
 * <pre>{@code CallStats s = new CallStats(); ... s.retries();}</pre>
 */
public final class CallStats {
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();

    /**
     * Retries so far.
     *
     * <pre>{@code int r = stats.retries();}</pre>
     *
     * @return the count
     */
    public int retries() {
        return retries.get();
    }

    /**
     * 429 responses so far.
     *
     * <pre>{@code int r = stats.rateLimited();}</pre>
     *
     * @return the count
     */
    public int rateLimited() {
        return rateLimited.get();
    }

    void retried() {
        retries.incrementAndGet();
    }

    void wasRateLimited() {
        rateLimited.incrementAndGet();
    }
}
