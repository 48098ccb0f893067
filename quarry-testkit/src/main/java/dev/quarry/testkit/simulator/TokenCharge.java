package dev.quarry.testkit.simulator;

/**
 * How many output tokens an admitted request takes from the token-per-minute buckets.
 *
 * <pre>{@code
 * LlmSimulator.builder().tpm(100_000).tokenCharge(TokenCharge.MAX_OUTPUT).start();
 * }</pre>
 */
public enum TokenCharge {
    /**
     * The prompt plus the output actually generated (the default). A client that reserves
     * {@code max_tokens} and settles against the reported usage can use the whole limit.
     */
    ACTUAL_OUTPUT,
    /**
     * The prompt plus the request's output limit ({@code max_tokens}, {@code maxOutputTokens}) when it
     * sends one, else the output actually generated: the stricter way some providers count.
     */
    MAX_OUTPUT
}
