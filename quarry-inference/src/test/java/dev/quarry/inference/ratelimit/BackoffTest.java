package dev.quarry.inference.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void delayNanos_fullJitterUpToExponentialCeiling() {
        Backoff almostOne = new Backoff(100, 10_000, () -> 0.999);
        assertThat(almostOne.delayNanos(0, 0)).isEqualTo(99);
        assertThat(almostOne.delayNanos(3, 0)).isEqualTo(799);
        Backoff zero = new Backoff(100, 10_000, () -> 0.0);
        assertThat(zero.delayNanos(3, 0)).isZero();
    }

    @Test
    void delayNanos_ceilingIsCapped() {
        Backoff b = new Backoff(100, 1_000, () -> 0.5);
        assertThat(b.delayNanos(30, 0)).isEqualTo(500);
    }

    @Test
    void delayNanos_neverLessThanRetryAfter() {
        Backoff b = new Backoff(100, 1_000, () -> 0.0);
        assertThat(b.delayNanos(0, 5_000)).isEqualTo(5_000);
    }
}
