package dev.quarry.testkit.simulator;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long the {@link LlmSimulator} waits before it answers an accepted request. The wait is
 * scheduled, not slept: no thread is held while a response is pending.
 *
 * <p>Rejections (authentication, validation, 429) are answered at once, as real services do.
 *
 * <pre>{@code
 * LlmSimulator.builder().latency(Latency.normal(Duration.ofMillis(200), Duration.ofMillis(50))).start();
 * }</pre>
 */
public sealed interface Latency permits Latency.Instant, Latency.Fixed, Latency.Normal, Latency.LongTail {

    /**
     * Answers as soon as the response is built.
     *
     * <pre>{@code Latency.instant()}</pre>
     *
     * @return the instant latency model
     */
    static Latency instant() {
        return new Instant();
    }

    /**
     * Always waits {@code delay}.
     *
     * <pre>{@code Latency.fixed(Duration.ofMillis(200))}</pre>
     *
     * @param delay the wait, zero or positive
     * @return a fixed latency model
     */
    static Latency fixed(Duration delay) {
        return new Fixed(delay);
    }

    /**
     * Waits a normally distributed time, truncated at zero.
     *
     * <pre>{@code Latency.normal(Duration.ofMillis(200), Duration.ofMillis(50))}</pre>
     *
     * @param mean the mean wait
     * @param standardDeviation the standard deviation
     * @return a normal latency model
     */
    static Latency normal(Duration mean, Duration standardDeviation) {
        return new Normal(mean, standardDeviation);
    }

    /**
     * Waits a log-normally distributed time: most answers near {@code median}, one in a hundred
     * slower than {@code p99}. This is the shape real model endpoints show.
     *
     * <pre>{@code Latency.longTail(Duration.ofMillis(300), Duration.ofSeconds(3))}</pre>
     *
     * @param median the median wait
     * @param p99 the 99th percentile wait, at least the median
     * @return a long-tailed latency model
     */
    static Latency longTail(Duration median, Duration p99) {
        return new LongTail(median, p99);
    }

    /**
     * Draws one wait from this model.
     *
     * <pre>{@code Duration d = Latency.fixed(Duration.ofMillis(5)).sample(new SplittableRandom(1));}</pre>
     *
     * @param random the source of randomness (seeded by the simulator)
     * @return the wait, never negative
     */
    Duration sample(RandomGenerator random);

    /** No wait. */
    record Instant() implements Latency {
        @Override
        public Duration sample(RandomGenerator random) {
            return Duration.ZERO;
        }
    }

    /**
     * A constant wait.
     *
     * @param delay the wait
     */
    record Fixed(Duration delay) implements Latency {
        /** Validates the delay. */
        public Fixed {
            requireNonNegative(delay, "delay");
        }

        @Override
        public Duration sample(RandomGenerator random) {
            return delay;
        }
    }

    /**
     * A normally distributed wait, truncated at zero.
     *
     * @param mean the mean
     * @param standardDeviation the standard deviation
     */
    record Normal(Duration mean, Duration standardDeviation) implements Latency {
        /** Validates both durations. */
        public Normal {
            requireNonNegative(mean, "mean");
            requireNonNegative(standardDeviation, "standardDeviation");
        }

        @Override
        public Duration sample(RandomGenerator random) {
            double nanos = mean.toNanos() + random.nextGaussian() * standardDeviation.toNanos();
            return Duration.ofNanos(Math.max(0L, (long) nanos));
        }
    }

    /**
     * A log-normal wait defined by its median and 99th percentile.
     *
     * @param median the median
     * @param p99 the 99th percentile
     */
    record LongTail(Duration median, Duration p99) implements Latency {
        private static final double Z_99 = 2.3263478740408408;

        /** Validates that {@code 0 < median <= p99}. */
        public LongTail {
            requireNonNegative(median, "median");
            requireNonNegative(p99, "p99");
            if (median.isZero() || p99.compareTo(median) < 0) {
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT,
                        "Latency.longTail needs 0 < median <= p99, got median " + median + " and p99 " + p99
                                + ". Use Latency.fixed for a constant wait.");
            }
        }

        @Override
        public Duration sample(RandomGenerator random) {
            double sigma = Math.log((double) p99.toNanos() / median.toNanos()) / Z_99;
            double nanos = median.toNanos() * Math.exp(sigma * random.nextGaussian());
            return Duration.ofNanos((long) Math.min(nanos, (double) Long.MAX_VALUE / 2));
        }
    }

    private static void requireNonNegative(Duration d, String name) {
        requireNonNull(d, name + " is null");
        if (d.isNegative()) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Latency " + name + " must be >= 0, got " + d + ".");
        }
    }
}
