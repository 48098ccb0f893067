package dev.quarry.testkit.simulator;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;

/**
 * Rate limits the simulator enforces for one model, per minute. Zero means "no limit". Each limit
 * is a token bucket that starts full and refills continuously ({@code limit / 60} per second).
 *
 * <ul>
 *   <li>{@code rpm}: requests per minute;
 *   <li>{@code tpm}: input + output tokens per minute (OpenAI, Gemini, Cohere style);
 *   <li>{@code inputTpm}, {@code outputTpm}: separate input and output token limits (Anthropic style).
 * </ul>
 *
 * <pre>{@code
 * Limits l = Limits.of(500, 200_000);
 * Limits claude = Limits.none().withRpm(50).withInputTpm(50_000).withOutputTpm(10_000);
 * }</pre>
 *
 * @param rpm requests per minute, 0 for none
 * @param tpm tokens per minute, 0 for none
 * @param inputTpm input tokens per minute, 0 for none
 * @param outputTpm output tokens per minute, 0 for none
 */
public record Limits(long rpm, long tpm, long inputTpm, long outputTpm) {

    /** Validates that no limit is negative. */
    public Limits {
        check("rpm", rpm);
        check("tpm", tpm);
        check("inputTpm", inputTpm);
        check("outputTpm", outputTpm);
    }

    /**
     * No limits at all (the default).
     *
     * <pre>{@code Limits.none()}</pre>
     *
     * @return limits that never reject
     */
    public static Limits none() {
        return new Limits(0, 0, 0, 0);
    }

    /**
     * Requests and total tokens per minute.
     *
     * <pre>{@code Limits.of(3000, 1_000_000)}</pre>
     *
     * @param rpm requests per minute, 0 for none
     * @param tpm tokens per minute, 0 for none
     * @return the limits
     */
    public static Limits of(long rpm, long tpm) {
        return new Limits(rpm, tpm, 0, 0);
    }

    /**
     * A copy with another requests-per-minute limit.
     *
     * <pre>{@code Limits.none().withRpm(60)}</pre>
     *
     * @param value requests per minute, 0 for none
     * @return the new limits
     */
    public Limits withRpm(long value) {
        return new Limits(value, tpm, inputTpm, outputTpm);
    }

    /**
     * A copy with another total tokens-per-minute limit.
     *
     * <pre>{@code Limits.none().withTpm(100_000)}</pre>
     *
     * @param value tokens per minute, 0 for none
     * @return the new limits
     */
    public Limits withTpm(long value) {
        return new Limits(rpm, value, inputTpm, outputTpm);
    }

    /**
     * A copy with another input tokens-per-minute limit.
     *
     * <pre>{@code Limits.none().withInputTpm(50_000)}</pre>
     *
     * @param value input tokens per minute, 0 for none
     * @return the new limits
     */
    public Limits withInputTpm(long value) {
        return new Limits(rpm, tpm, value, outputTpm);
    }

    /**
     * A copy with another output tokens-per-minute limit.
     *
     * <pre>{@code Limits.none().withOutputTpm(10_000)}</pre>
     *
     * @param value output tokens per minute, 0 for none
     * @return the new limits
     */
    public Limits withOutputTpm(long value) {
        return new Limits(rpm, tpm, inputTpm, value);
    }

    private static void check(String name, long value) {
        if (value < 0) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Rate limit " + name + " must be >= 0 (0 means no limit), got " + value + ".");
        }
    }
}
