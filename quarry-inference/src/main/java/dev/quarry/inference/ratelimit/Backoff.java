package dev.quarry.inference.ratelimit;

import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the n-th retry waits a uniformly random time in
 * {@code [0, min(cap, base * 2^n))}, and never less than the server's {@code retry-after}.
 *
 * <pre>{@code
 * Backoff backoff = new Backoff(250_000_000L, 30_000_000_000L, random::nextDouble);
 * long delay = backoff.delayNanos(attempt, retryAfterNanos);
 * }</pre>
 */
public final class Backoff {
    private final long baseNanos;
    private final long capNanos;
    private final DoubleSupplier random;

    /**
     * A backoff policy.
     *
     * <pre>{@code new Backoff(250_000_000L, 30_000_000_000L, ThreadLocalRandom.current()::nextDouble)}</pre>
     *
     * @param baseNanos the first retry's upper bound
     * @param capNanos the largest upper bound
     * @param random uniform numbers in [0, 1); injectable for tests
     */
    public Backoff(long baseNanos, long capNanos, DoubleSupplier random) {
        if (baseNanos <= 0 || capNanos < baseNanos) {
            throw new IllegalArgumentException("need 0 < base <= cap, were " + baseNanos + " and " + capNanos);
        }
        this.baseNanos = baseNanos;
        this.capNanos = capNanos;
        this.random = random;
    }

    /**
     * The delay before retry number {@code attempt} (0 for the first retry).
     *
     * <pre>{@code long d = backoff.delayNanos(0, 0); // in [0, base)}</pre>
     *
     * @param attempt the retry number, from 0
     * @param retryAfterNanos the server's retry-after in nanoseconds, 0 when absent
     * @return the delay in nanoseconds
     */
    public long delayNanos(int attempt, long retryAfterNanos) {
        long ceiling = baseNanos;
        for (int i = 0; i < attempt && ceiling < capNanos; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, capNanos);
        long jitter = (long) (random.getAsDouble() * ceiling);
        if (retryAfterNanos > 0) {
            // honor the server, with a small jitter so that waiting requests do not return at once
            return retryAfterNanos + (long) (random.getAsDouble() * Math.min(ceiling, retryAfterNanos / 4 + 1));
        }
        return jitter;
    }
}
