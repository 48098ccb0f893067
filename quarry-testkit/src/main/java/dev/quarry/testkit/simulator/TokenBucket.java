package dev.quarry.testkit.simulator;

/** A bucket of {@code capacity} units per minute that starts full and refills continuously. Not thread safe. */
final class TokenBucket {
    private static final double NANOS_PER_MINUTE = 60e9;

    private final long capacity;
    private double level;
    private long lastNanos;

    TokenBucket(long capacity, long nowNanos) {
        this.capacity = capacity;
        this.level = capacity;
        this.lastNanos = nowNanos;
    }

    long capacity() {
        return capacity;
    }

    void refill(long nowNanos) {
        if (nowNanos > lastNanos) {
            level = Math.min(capacity, level + (nowNanos - lastNanos) * (capacity / NANOS_PER_MINUTE));
            lastNanos = nowNanos;
        }
    }

    boolean has(long amount) {
        return amount <= level + 1e-9;
    }

    void take(long amount) {
        level -= amount;
    }

    long remaining() {
        return Math.max(0, (long) Math.floor(level + 1e-9));
    }

    long used() {
        return capacity - remaining();
    }

    /** Nanoseconds until {@code amount} units are available (0 if they are now). */
    long nanosUntil(long amount) {
        double missing = amount - level;
        return missing <= 0 ? 0 : (long) Math.ceil(missing * NANOS_PER_MINUTE / capacity);
    }

    /** Nanoseconds until the bucket is full again. */
    long nanosUntilFull() {
        return nanosUntil(capacity);
    }
}
