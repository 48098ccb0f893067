package dev.quarry.inference.provider;

/**
 * Token counts as a provider reported them, normalized: {@code input} includes cached input,
 * {@code output} includes reasoning.
 *
 * <pre>{@code new TokenUsage(1200, 1024, 80, 0)}</pre>
 *
 * @param input prompt tokens
 * @param cachedInput prompt tokens served from the provider's prompt cache
 * @param output completion tokens
 * @param reasoning hidden reasoning tokens within {@code output}
 */
public record TokenUsage(long input, long cachedInput, long output, long reasoning) {
    /** Nothing reported. */
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0);
}
