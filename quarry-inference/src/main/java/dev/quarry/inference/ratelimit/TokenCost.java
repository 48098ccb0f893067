package dev.quarry.inference.ratelimit;

/**
 * The tokens one request uses (or is estimated to use) of a model's per-minute budgets.
 *
 * <pre>{@code TokenCost estimate = new TokenCost(812, 120);}</pre>
 *
 * @param input prompt tokens
 * @param output completion tokens
 */
public record TokenCost(long input, long output) {
    /** No tokens at all. */
    public static final TokenCost ZERO = new TokenCost(0, 0);

    /** Validates that both counts are not negative. */
    public TokenCost {
        if (input < 0 || output < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, were " + input + " and " + output);
        }
    }

    /**
     * Input and output together.
     *
     * <pre>{@code long t = cost.total();}</pre>
     *
     * @return the sum
     */
    public long total() {
        return input + output;
    }
}
