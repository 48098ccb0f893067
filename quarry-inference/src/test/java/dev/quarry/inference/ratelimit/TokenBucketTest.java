package dev.quarry.inference.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void available_startsFull() {
        TokenBucket b = new TokenBucket("rpm", 600, 0);
        assertThat(b.available(0)).isEqualTo(600.0);
    }

    @Test
    void waitNanos_emptyBucketRefillsContinuously() {
        TokenBucket b = new TokenBucket("rpm", 600, 0); // 10 per second
        b.take(600, 0);
        assertThat(b.waitNanos(1, 0)).isEqualTo(SECOND / 10);
        assertThat(b.waitNanos(1, SECOND / 10)).isZero();
        assertThat(b.available(SECOND)).isCloseTo(10.0, within(1e-6));
    }

    @Test
    void take_negativeAmountRefundsButNeverAboveCapacity() {
        TokenBucket b = new TokenBucket("tpm", 1000, 0);
        b.take(300, 0);
        b.take(-200, 0);
        assertThat(b.available(0)).isEqualTo(900.0);
        b.take(-500, 0);
        assertThat(b.available(0)).isEqualTo(1000.0);
    }

    @Test
    void take_overdraftMakesBalanceNegativeAndWaitLonger() {
        TokenBucket b = new TokenBucket("tpm", 600, 0);
        b.take(600, 0);
        b.take(60, 0); // settlement charged more than reserved
        assertThat(b.available(0)).isEqualTo(-60.0);
        assertThat(b.waitNanos(10, 0)).isEqualTo(7 * SECOND);
    }

    @Test
    void rateFactor_halvesRefillSpeed() {
        TokenBucket b = new TokenBucket("rpm", 600, 0);
        b.take(600, 0);
        b.rateFactor(0.5, 0);
        assertThat(b.available(SECOND)).isCloseTo(5.0, within(1e-6));
    }

    @Test
    void waitNanos_keepsJitterHeadroom() {
        TokenBucket b = new TokenBucket("rpm", 600, 0, SECOND); // headroom: one second of refill = 10
        assertThat(b.waitNanos(1, 0)).isZero();
        b.take(590, 0);
        assertThat(b.waitNanos(1, 0)).isEqualTo(SECOND / 10);
    }

    @Test
    void lowerLimit_reducesCapacityAndBalance() {
        TokenBucket b = new TokenBucket("rpm", 6000, 0);
        b.lowerLimit(3000, 0);
        assertThat(b.capacity()).isEqualTo(3000.0);
        assertThat(b.available(0)).isEqualTo(3000.0);
    }
}
