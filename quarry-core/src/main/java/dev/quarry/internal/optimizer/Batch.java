package dev.quarry.internal.optimizer;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Rules run together until none of them changes the plan (or {@code maxIterations} passes).
 * Rules that would undo each other's work go in different batches.
 *
 * @param name the batch name
 * @param rules the rules, applied in order in each pass
 * @param maxIterations the most passes before giving up on a fixpoint
 */
public record Batch(String name, List<Rule> rules, int maxIterations) {
    /** Validates and copies. */
    public Batch {
        requireNonNull(name, "name is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
        }
    }
}
