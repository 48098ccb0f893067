package dev.quarry.inference.ratelimit;

/**
 * A token bucket that starts full and refills continuously at {@code capacity} per minute. Its
 * balance may go below zero when a settlement charges more than was reserved; it then waits longer.
 * Not thread-safe: the owning {@link RateLimiter} synchronizes.
 *
 * <pre>{@code
 * TokenBucket rpm = new TokenBucket("rpm", 3_000, ticker.nanoTime());
 * long wait = rpm.waitNanos(1, now); // 0 when a request may go now
 * }</pre>
 */
public final class TokenBucket {
    private static final double NANOS_PER_MINUTE = 60e9;

    private final String name;
    private final long jitterNanos;
    private double capacity;
    private double factor = 1.0;
    private double balance;
    private long lastRefill;

    /**
     * A full bucket.
     *
     * <pre>{@code new TokenBucket("tpm", 200_000, System.nanoTime())}</pre>
     *
     * @param name what it limits, for messages ({@code rpm}, {@code tpm}, ...)
     * @param perMinute capacity and refill per minute, &gt; 0
     * @param now the current monotonic time
     */
    public TokenBucket(String name, double perMinute, long now) {
        this(name, perMinute, now, 0);
    }

    /**
     * A full bucket that keeps a headroom worth {@code jitterNanos} of refill: its balance never
     * drops below it, so requests that reach the server up to that much later than they left (or
     * bunched together by network jitter) still fit in the server's own bucket of the same size.
     * The sustained rate is unchanged; only the initial burst is smaller by the headroom.
     *
     * <pre>{@code new TokenBucket("rpm", 3_000, now, 250_000_000L) // 12.5 requests of headroom}</pre>
     *
     * @param name what it limits, for messages
     * @param perMinute capacity and refill per minute, &gt; 0
     * @param now the current monotonic time
     * @param jitterNanos the arrival jitter to absorb, &gt;= 0
     */
    public TokenBucket(String name, double perMinute, long now, long jitterNanos) {
        if (jitterNanos < 0) {
            throw new IllegalArgumentException("jitterNanos must be >= 0, was " + jitterNanos);
        }
        this.jitterNanos = jitterNanos;
        if (!(perMinute > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, was " + perMinute);
        }
        this.name = name;
        this.capacity = perMinute;
        this.balance = perMinute;
        this.lastRefill = now;
    }

    /**
     * The limit's name.
     *
     * <pre>{@code bucket.name() // "tpm"}</pre>
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The capacity (= configured per-minute limit).
     *
     * <pre>{@code double c = bucket.capacity();}</pre>
     *
     * @return the capacity
     */
    public double capacity() {
        return capacity;
    }

    /**
     * The balance now, after refilling.
     *
     * <pre>{@code double left = bucket.available(now);}</pre>
     *
     * @param now the current monotonic time
     * @return the balance, possibly negative
     */
    public double available(long now) {
        refill(now);
        return balance;
    }

    /**
     * Nanoseconds until {@code amount} is available (0 when it is now).
     *
     * <pre>{@code long wait = bucket.waitNanos(1200, now);}</pre>
     *
     * @param amount tokens wanted, at most the capacity
     * @param now the current monotonic time
     * @return the wait in nanoseconds
     */
    public long waitNanos(double amount, long now) {
        refill(now);
        double headroom = capacity * jitterNanos / NANOS_PER_MINUTE;
        double need = Math.min(amount + headroom, capacity) - balance;
        if (need <= 0) {
            return 0;
        }
        return (long) Math.ceil(need / ratePerNano());
    }

    /**
     * Takes tokens (after {@link #waitNanos} returned 0), or returns them when negative.
     *
     * <pre>{@code bucket.take(estimate, now); ... bucket.take(actual - estimate, later);}</pre>
     *
     * @param amount tokens to take; negative gives them back
     * @param now the current monotonic time
     */
    public void take(double amount, long now) {
        refill(now);
        balance = Math.min(capacity, balance - amount);
    }

    /**
     * Scales the refill rate (AIMD slow-down): 1 is the configured rate.
     *
     * <pre>{@code bucket.rateFactor(0.5, now);}</pre>
     *
     * @param factor a factor in (0, 1]
     * @param now the current monotonic time
     */
    public void rateFactor(double factor, long now) {
        refill(now);
        this.factor = factor;
    }

    /**
     * Lowers the capacity and refill rate to a limit the server reported, keeping the balance within it.
     *
     * <pre>{@code bucket.lowerLimit(3_000, now);}</pre>
     *
     * @param perMinute the server's limit per minute
     * @param now the current monotonic time
     */
    public void lowerLimit(double perMinute, long now) {
        if (perMinute > 0 && perMinute < capacity) {
            refill(now);
            capacity = perMinute;
            balance = Math.min(balance, capacity);
        }
    }

    private double ratePerNano() {
        return capacity * factor / NANOS_PER_MINUTE;
    }

    private void refill(long now) {
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            balance = Math.min(capacity, balance + elapsed * ratePerNano());
            lastRefill = now;
        }
    }
}
