package dev.quarry.models;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;

/**
 * What a model costs, in US dollars per million tokens.
 *
 * <pre>{@code
 * ModelPrice p = new ModelPrice(0.10, 0.025, 0.40);
 * double usd = p.cost(1_000, 0, 200); // 0.00018
 * }</pre>
 *
 * @param inputPerMillion price of a million prompt tokens not served from the provider's prompt cache
 * @param cachedInputPerMillion price of a million prompt tokens served from the provider's prompt cache
 * @param outputPerMillion price of a million completion tokens (reasoning included)
 */
public record ModelPrice(double inputPerMillion, double cachedInputPerMillion, double outputPerMillion) {
    /** A price of zero, for local and self-hosted models. */
    public static final ModelPrice FREE = new ModelPrice(0, 0, 0);

    /** Validates that every price is finite and not negative. */
    public ModelPrice {
        check("inputPerMillion", inputPerMillion);
        check("cachedInputPerMillion", cachedInputPerMillion);
        check("outputPerMillion", outputPerMillion);
    }

    private static void check(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new QuarryException(
                    ErrorCode.INVALID_CONFIGURATION, name + " must be a finite price >= 0 USD, was " + value);
        }
    }

    /**
     * The cost of one call.
     *
     * <pre>{@code double usd = price.cost(inputTokens, cachedInputTokens, outputTokens);}</pre>
     *
     * @param inputTokens all prompt tokens, cached ones included
     * @param cachedInputTokens the part of {@code inputTokens} served from the provider's prompt cache
     * @param outputTokens completion tokens
     * @return the cost in US dollars
     */
    public double cost(long inputTokens, long cachedInputTokens, long outputTokens) {
        long cached = Math.min(Math.max(cachedInputTokens, 0), inputTokens);
        return ((inputTokens - cached) * inputPerMillion
                        + cached * cachedInputPerMillion
                        + outputTokens * outputPerMillion)
                / 1_000_000.0;
    }
}
