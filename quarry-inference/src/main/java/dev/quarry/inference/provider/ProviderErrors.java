package dev.quarry.inference.provider;

import dev.quarry.ErrorCode;
import dev.quarry.inference.http.WireResponse;
import dev.quarry.inference.ratelimit.ServerLimits;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every provider's errors have in common: status codes, {@code retry-after} and rate-limit
 * headers.
 *
 * <pre>{@code ProviderError e = ProviderErrors.byStatus(429, "Rate limit reached", response);}</pre>
 */
public final class ProviderErrors {
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private ProviderErrors() {}

    /**
     * Classifies by HTTP status alone.
     *
     * <pre>{@code ProviderErrors.byStatus(503, "overloaded", response).kind() // TRANSIENT}</pre>
     *
     * @param status the HTTP status
     * @param message the provider's error text
     * @param response the response, for retry-after
     * @return the classified error
     */
    public static ProviderError byStatus(int status, String message, WireResponse response) {
        long retryAfter = retryAfterNanos(response).orElse(0L);
        return switch (status) {
            case 400, 422 -> fatal(ErrorCode.INVALID_REQUEST, message);
            case 401, 403 -> fatal(ErrorCode.AUTHENTICATION_FAILED, message);
            case 402 -> fatal(ErrorCode.QUOTA_EXHAUSTED, message);
            case 404 -> fatal(ErrorCode.MODEL_NOT_FOUND, message);
            case 413 -> fatal(ErrorCode.REQUEST_TOO_LARGE, message);
            case 408 -> new ProviderError(ProviderError.Kind.TRANSIENT, ErrorCode.REQUEST_TIMEOUT, message, retryAfter);
            case 409, 425 ->
                new ProviderError(ProviderError.Kind.TRANSIENT, ErrorCode.PROVIDER_UNAVAILABLE, message, retryAfter);
            case 429 -> new ProviderError(ProviderError.Kind.RATE_LIMITED, ErrorCode.RATE_LIMITED, message, retryAfter);
            default ->
                status >= 500
                        ? new ProviderError(
                                ProviderError.Kind.TRANSIENT, ErrorCode.PROVIDER_UNAVAILABLE, message, retryAfter)
                        : fatal(ErrorCode.INVALID_REQUEST, message);
        };
    }

    /**
     * A fatal error.
     *
     * <pre>{@code ProviderErrors.fatal(ErrorCode.QUOTA_EXHAUSTED, "You exceeded your current quota")}</pre>
     *
     * @param code the code
     * @param message the provider's text
     * @return the error
     */
    public static ProviderError fatal(ErrorCode code, String message) {
        return new ProviderError(ProviderError.Kind.FATAL, code, message, 0);
    }

    /**
     * The server's requested wait: {@code retry-after-ms}, else {@code retry-after} (seconds or an
     * HTTP date).
     *
     * <pre>{@code long wait = ProviderErrors.retryAfterNanos(response).orElse(0L);}</pre>
     *
     * @param response the response
     * @return nanoseconds
     */
    public static Optional<Long> retryAfterNanos(WireResponse response) {
        Optional<String> ms = response.header("retry-after-ms");
        if (ms.isPresent()) {
            try {
                return Optional.of((long) (Double.parseDouble(ms.get().strip()) * 1e6));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        Optional<String> ra = response.header("retry-after");
        if (ra.isPresent()) {
            String v = ra.get().strip();
            try {
                return Optional.of((long) (Double.parseDouble(v) * 1e9));
            } catch (NumberFormatException e) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                    long millis = at.toInstant().toEpochMilli() - System.currentTimeMillis();
                    return Optional.of(Math.max(0, millis) * 1_000_000L);
                } catch (RuntimeException ignored) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a duration such as {@code 1s}, {@code 6m0s}, {@code 20ms}, {@code 13.5s} (OpenAI reset
     * headers, Gemini {@code retryDelay}).
     *
     * <pre>{@code ProviderErrors.parseDuration("1m30s") // PT1M30S}</pre>
     *
     * @param text the text
     * @return the duration, empty when unparseable
     */
    public static Optional<Duration> parseDuration(String text) {
        if (text == null) return Optional.empty();
        Matcher m = GO_DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        double nanos = 0;
        boolean any = false;
        while (m.find()) {
            any = true;
            double v = Double.parseDouble(m.group(1));
            nanos += switch (m.group(2)) {
                case "ms" -> v * 1e6;
                case "s" -> v * 1e9;
                case "m" -> v * 60e9;
                default -> v * 3600e9;
            };
        }
        return any ? Optional.of(Duration.ofNanos((long) nanos)) : Optional.empty();
    }

    /**
     * Limits from OpenAI-style headers ({@code x-ratelimit-limit-requests}, {@code x-ratelimit-limit-tokens}).
     *
     * <pre>{@code ServerLimits l = ProviderErrors.openAiStyleLimits(response);}</pre>
     *
     * @param response the response
     * @return the limits
     */
    public static ServerLimits openAiStyleLimits(WireResponse response) {
        long rpm = longHeader(response, "x-ratelimit-limit-requests");
        long tpm = longHeader(response, "x-ratelimit-limit-tokens");
        return rpm == 0 && tpm == 0 ? ServerLimits.NONE : new ServerLimits(rpm, tpm, 0, 0);
    }

    /**
     * A header as a number, 0 when absent or not a number.
     *
     * <pre>{@code long n = ProviderErrors.longHeader(response, "x-ratelimit-limit-requests");}</pre>
     *
     * @param response the response
     * @param name the header
     * @return the value
     */
    public static long longHeader(WireResponse response, String name) {
        return response.header(name)
                .map(v -> {
                    try {
                        return Long.parseLong(v.strip());
                    } catch (NumberFormatException e) {
                        return 0L;
                    }
                })
                .orElse(0L);
    }

    /**
     * The body shortened for messages.
     *
     * <pre>{@code ProviderErrors.snippet(response) // first 300 characters}</pre>
     *
     * @param response the response
     * @return the text
     */
    public static String snippet(WireResponse response) {
        String t = response.bodyText().strip();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
