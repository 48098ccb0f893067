package dev.quarry.inference.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void tryAcquire_reservesFromEveryBucket() {
        RateLimiter l = new RateLimiter(60, 10_000, 0, 0, 0);
        assertThat(l.tryAcquire(new TokenCost(700, 300), 0)).isZero();
        assertThat(l.available("rpm", 0)).isEqualTo(59.0);
        assertThat(l.available("tpm", 0)).isEqualTo(9_000.0);
    }

    @Test
    void tryAcquire_whenOneBucketIsShortReservesNothing() {
        RateLimiter l = new RateLimiter(60, 1_000, 0, 0, 0);
        assertThat(l.tryAcquire(new TokenCost(900, 0), 0)).isZero();
        long wait = l.tryAcquire(new TokenCost(500, 0), 0);
        assertThat(wait).isPositive();
        assertThat(l.available("rpm", 0)).isEqualTo(59.0);
    }

    @Test
    void tryAcquire_separateInputAndOutputBuckets() {
        RateLimiter l = new RateLimiter(50, 0, 1_000, 100, 0);
        assertThat(l.tryAcquire(new TokenCost(10, 100), 0)).isZero();
        assertThat(l.tryAcquire(new TokenCost(10, 50), 0)).isEqualTo(30 * SECOND);
    }

    @Test
    void settle_refundsOverReservedOutput() {
        RateLimiter l = new RateLimiter(60, 1_000, 0, 0, 0);
        l.tryAcquire(new TokenCost(100, 800), 0);
        l.settle(new TokenCost(100, 800), new TokenCost(100, 50), 0);
        assertThat(l.available("tpm", 0)).isEqualTo(850.0);
    }

    @Test
    void neverFits_inputLargerThanWholeMinute() {
        RateLimiter l = new RateLimiter(60, 1_000, 0, 0, 0);
        assertThat(l.neverFits(new TokenCost(1_001, 0)))
                .hasValueSatisfying(m -> assertThat(m).contains("1001", "tpm"));
        assertThat(l.neverFits(new TokenCost(1_000, 0))).isEmpty();
    }

    @Test
    void onRateLimited_pausesUntilRetryAfterAndHalvesRate() {
        RateLimiter l = new RateLimiter(60, 0, 0, 0, 0);
        l.onRateLimited(0, 2 * SECOND, 0);
        assertThat(l.rateFactor()).isEqualTo(0.5);
        assertThat(l.tryAcquire(TokenCost.ZERO, SECOND)).isEqualTo(SECOND);
        assertThat(l.tryAcquire(TokenCost.ZERO, 2 * SECOND)).isZero();
    }

    @Test
    void onRateLimited_requestsSentBeforeTheLastDecreaseDoNotDecreaseAgain() {
        RateLimiter l = new RateLimiter(60, 0, 0, 0, 0);
        l.onRateLimited(0, 0, 10);
        l.onRateLimited(5, 0, 11); // sent before the decrease at 10
        assertThat(l.rateFactor()).isEqualTo(0.5);
        l.onRateLimited(12, 0, 13);
        assertThat(l.rateFactor()).isEqualTo(0.25);
    }

    @Test
    void onSuccess_recoversAdditivelyToOne() {
        RateLimiter l = new RateLimiter(60, 0, 0, 0, 0);
        l.onRateLimited(0, 0, 0);
        for (int i = 0; i < 10; i++) l.onSuccess(i);
        assertThat(l.rateFactor()).isGreaterThan(0.5).isLessThan(1.0);
        for (int i = 0; i < 100; i++) l.onSuccess(i);
        assertThat(l.rateFactor()).isEqualTo(1.0);
    }

    @Test
    void applyServerLimits_lowersConfiguredRpm() {
        RateLimiter l = new RateLimiter(6_000, 0, 0, 0, 0);
        l.applyServerLimits(new ServerLimits(3_000, 0, 0, 0), 0);
        assertThat(l.requestsPerMinute()).isEqualTo(3_000.0);
        l.applyServerLimits(new ServerLimits(9_000, 0, 0, 0), 0);
        assertThat(l.requestsPerMinute()).isEqualTo(3_000.0);
    }
}
