package dev.quarry.internal.optimizer;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What one rule did during one optimization.
 *
 * @param name the rule name
 * @param batch the batch it ran in
 * @param fired how many nodes it rewrote
 * @param time the time spent in it, matching or not
 */
public record RuleRun(String name, String batch, int fired, Duration time) {
    /** Validates. */
    public RuleRun {
        requireNonNull(name, "name is null");
        requireNonNull(batch, "batch is null");
        requireNonNull(time, "time is null");
    }
}
