package dev.quarry.inference.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-model rate limits: a requests-per-minute bucket and token buckets (one combined, or
 * separate input and output ones), with reservations settled against actual usage, an AIMD rate
 * factor that backs off on 429s and recovers on successes, and a pause honoring {@code retry-after}.
 * Thread-safe.
 *
 * <pre>{@code
 * RateLimiter limiter = new RateLimiter(3_000, 200_000, 0, 0, ticker.nanoTime());
 * long wait = limiter.tryAcquire(new TokenCost(500, 100), now);   // 0 → reserved, send now
 * limiter.settle(new TokenCost(500, 100), new TokenCost(480, 37), later);
 * }</pre>
 */
public final class RateLimiter {
    /** Multiplicative decrease applied on a 429. */
    static final double DECREASE = 0.5;
    /** Lowest rate factor. */
    static final double MIN_FACTOR = 0.05;
    /** Additive increase per successful response. */
    static final double INCREASE = 0.01;

    private final TokenBucket requests;
    private final TokenBucket tokens;
    private final TokenBucket inputTokens;
    private final TokenBucket outputTokens;
    private final List<TokenBucket> all = new ArrayList<>();
    private double factor = 1.0;
    private long lastDecrease = Long.MIN_VALUE;
    private long pausedUntil = Long.MIN_VALUE;
    private boolean paused;

    /**
     * Limits with full buckets.
     *
     * <pre>{@code new RateLimiter(50, 0, 50_000, 10_000, now) // Anthropic style}</pre>
     *
     * @param rpm requests per minute, &gt; 0
     * @param tpm combined tokens per minute, 0 for none
     * @param inputTpm input tokens per minute, 0 for none
     * @param outputTpm output tokens per minute, 0 for none
     * @param now the current monotonic time
     */
    public RateLimiter(long rpm, long tpm, long inputTpm, long outputTpm, long now) {
        this(rpm, tpm, inputTpm, outputTpm, now, 0);
    }

    /**
     * Limits with full buckets that absorb {@code jitterNanos} of arrival jitter (see
     * {@link TokenBucket#TokenBucket(String, double, long, long)}).
     *
     * <pre>{@code new RateLimiter(3_000, 200_000, 0, 0, now, 250_000_000L)}</pre>
     *
     * @param rpm requests per minute, &gt; 0
     * @param tpm combined tokens per minute, 0 for none
     * @param inputTpm input tokens per minute, 0 for none
     * @param outputTpm output tokens per minute, 0 for none
     * @param now the current monotonic time
     * @param jitterNanos the arrival jitter to absorb
     */
    public RateLimiter(long rpm, long tpm, long inputTpm, long outputTpm, long now, long jitterNanos) {
        requests = new TokenBucket("rpm", rpm, now, jitterNanos);
        tokens = tpm > 0 ? new TokenBucket("tpm", tpm, now, jitterNanos) : null;
        inputTokens = inputTpm > 0 ? new TokenBucket("inputTpm", inputTpm, now, jitterNanos) : null;
        outputTokens = outputTpm > 0 ? new TokenBucket("outputTpm", outputTpm, now, jitterNanos) : null;
        all.add(requests);
        if (tokens != null) all.add(tokens);
        if (inputTokens != null) all.add(inputTokens);
        if (outputTokens != null) all.add(outputTokens);
    }

    /**
     * The limit a single request can never fit in, if any: its input alone exceeds a whole
     * minute's token budget, so waiting would never help.
     *
     * <pre>{@code limiter.neverFits(estimate).ifPresent(msg -> fail(msg));}</pre>
     *
     * @param estimate the request's estimated cost
     * @return a description such as {@code "tpm limit 10000 < 12000 input tokens"}
     */
    public synchronized Optional<String> neverFits(TokenCost estimate) {
        if (tokens != null && estimate.input() > tokens.capacity()) {
            return Optional.of("its " + estimate.input() + " input tokens exceed the whole tpm limit of "
                    + (long) tokens.capacity() + " tokens per minute");
        }
        if (inputTokens != null && estimate.input() > inputTokens.capacity()) {
            return Optional.of("its " + estimate.input() + " input tokens exceed the whole inputTpm limit of "
                    + (long) inputTokens.capacity() + " tokens per minute");
        }
        return Optional.empty();
    }

    /**
     * Reserves one request and the estimated tokens if every budget allows it now.
     *
     * <pre>{@code long wait = limiter.tryAcquire(estimate, now); if (wait == 0) send(); else retryIn(wait);}</pre>
     *
     * @param estimate the estimated cost
     * @param now the current monotonic time
     * @return 0 when reserved, otherwise nanoseconds to wait before trying again
     */
    public synchronized long tryAcquire(TokenCost estimate, long now) {
        if (paused && now < pausedUntil) {
            return pausedUntil - now;
        }
        paused = false;
        long wait = requests.waitNanos(1, now);
        if (tokens != null) wait = Math.max(wait, tokens.waitNanos(estimate.total(), now));
        if (inputTokens != null) wait = Math.max(wait, inputTokens.waitNanos(estimate.input(), now));
        if (outputTokens != null) wait = Math.max(wait, outputTokens.waitNanos(estimate.output(), now));
        if (wait > 0) {
            return wait;
        }
        requests.take(1, now);
        if (tokens != null) tokens.take(estimate.total(), now);
        if (inputTokens != null) inputTokens.take(estimate.input(), now);
        if (outputTokens != null) outputTokens.take(estimate.output(), now);
        return 0;
    }

    /**
     * Corrects a reservation once the real usage is known: refunds what was over-reserved, charges
     * what was under-reserved.
     *
     * <pre>{@code limiter.settle(reserved, actual, now);}</pre>
     *
     * @param reserved what {@link #tryAcquire} took
     * @param actual what the provider reported
     * @param now the current monotonic time
     */
    public synchronized void settle(TokenCost reserved, TokenCost actual, long now) {
        if (tokens != null) tokens.take(actual.total() - reserved.total(), now);
        if (inputTokens != null) inputTokens.take(actual.input() - reserved.input(), now);
        if (outputTokens != null) outputTokens.take(actual.output() - reserved.output(), now);
    }

    /**
     * Returns the reserved tokens of a request the provider rejected (the request itself stays counted).
     *
     * <pre>{@code limiter.refund(reserved, now);}</pre>
     *
     * @param reserved what {@link #tryAcquire} took
     * @param now the current monotonic time
     */
    public synchronized void refund(TokenCost reserved, long now) {
        settle(reserved, TokenCost.ZERO, now);
    }

    /**
     * Reacts to a 429: pauses every request until {@code retryAfterNanos} has passed, and halves
     * the rate unless it was already halved after this request was sent.
     *
     * <pre>{@code limiter.onRateLimited(sentAt, retryAfterNanos, now);}</pre>
     *
     * @param sentAt when the rejected request was sent
     * @param retryAfterNanos the server's retry-after in nanoseconds, 0 when absent
     * @param now the current monotonic time
     */
    public synchronized void onRateLimited(long sentAt, long retryAfterNanos, long now) {
        if (retryAfterNanos > 0) {
            long until = now + retryAfterNanos;
            if (!paused || until > pausedUntil) {
                pausedUntil = until;
                paused = true;
            }
        }
        if (lastDecrease == Long.MIN_VALUE || sentAt >= lastDecrease) {
            factor = Math.max(MIN_FACTOR, factor * DECREASE);
            lastDecrease = now;
            applyFactor(now);
        }
    }

    /**
     * Reacts to a successful response: the rate factor recovers additively toward 1.
     *
     * <pre>{@code limiter.onSuccess(now);}</pre>
     *
     * @param now the current monotonic time
     */
    public synchronized void onSuccess(long now) {
        if (factor < 1.0) {
            factor = Math.min(1.0, factor + INCREASE);
            applyFactor(now);
        }
    }

    /**
     * Adopts limits the server reported when they are lower than the configured ones.
     *
     * <pre>{@code limiter.applyServerLimits(new ServerLimits(3_000, 0, 0, 0), now);}</pre>
     *
     * @param limits the reported limits
     * @param now the current monotonic time
     */
    public synchronized void applyServerLimits(ServerLimits limits, long now) {
        if (limits.rpm() > 0) requests.lowerLimit(limits.rpm(), now);
        if (tokens != null && limits.tpm() > 0) tokens.lowerLimit(limits.tpm(), now);
        if (inputTokens != null && limits.inputTpm() > 0) inputTokens.lowerLimit(limits.inputTpm(), now);
        if (outputTokens != null && limits.outputTpm() > 0) outputTokens.lowerLimit(limits.outputTpm(), now);
    }

    /**
     * The AIMD rate factor: 1 at the configured rate, lower after 429s.
     *
     * <pre>{@code double f = limiter.rateFactor();}</pre>
     *
     * @return the factor in (0, 1]
     */
    public synchronized double rateFactor() {
        return factor;
    }

    /**
     * The current requests-per-minute capacity (lowered when the server reported a smaller limit).
     *
     * <pre>{@code double rpm = limiter.requestsPerMinute();}</pre>
     *
     * @return requests per minute
     */
    public synchronized double requestsPerMinute() {
        return requests.capacity();
    }

    /**
     * The balance of a bucket now ({@code rpm}, {@code tpm}, {@code inputTpm}, {@code outputTpm}).
     *
     * <pre>{@code double left = limiter.available("tpm", now);}</pre>
     *
     * @param bucket the bucket's name
     * @param now the current monotonic time
     * @return the balance, NaN when the bucket does not exist
     */
    public synchronized double available(String bucket, long now) {
        for (TokenBucket b : all) {
            if (b.name().equals(bucket)) return b.available(now);
        }
        return Double.NaN;
    }

    private void applyFactor(long now) {
        for (TokenBucket b : all) {
            b.rateFactor(factor, now);
        }
    }
}
