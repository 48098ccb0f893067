package dev.quarry.inference.ratelimit;

/**
 * Limits a provider reported in its response headers ({@code x-ratelimit-limit-*},
 * {@code anthropic-ratelimit-*-limit}); 0 where a header was absent.
 *
 * <pre>{@code ServerLimits l = new ServerLimits(3_000, 0, 0, 0);}</pre>
 *
 * @param rpm requests per minute
 * @param tpm tokens per minute, input and output together
 * @param inputTpm input tokens per minute
 * @param outputTpm output tokens per minute
 */
public record ServerLimits(long rpm, long tpm, long inputTpm, long outputTpm) {
    /** Nothing reported. */
    public static final ServerLimits NONE = new ServerLimits(0, 0, 0, 0);
}
