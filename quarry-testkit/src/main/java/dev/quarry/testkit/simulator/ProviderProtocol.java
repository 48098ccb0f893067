package dev.quarry.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** One provider's wire format: its requests, its answers and its errors. */
abstract class ProviderProtocol {
    /** Settings the protocols read. */
    record Context(
            @Nullable String apiKey,
            java.util.Set<String> models,
            java.util.function.ToIntFunction<String> defaultDimensions,
            java.time.InstantSource clock) {}

    final Context context;

    ProviderProtocol(Context context) {
        this.context = context;
    }

    /** An error if the request carries no valid key, else null. */
    abstract @Nullable Reply authenticate(Endpoint endpoint, Incoming in);

    /** Parses and validates; throws {@link ApiError} with the provider's error shape. */
    abstract Call parse(Endpoint endpoint, Incoming in, @Nullable JsonNode body, @Nullable String pathModel);

    abstract Reply malformedJson(Endpoint endpoint, String detail);

    abstract Reply unknownPath(Incoming in);

    abstract Reply modelNotFound(Endpoint endpoint, String model);

    abstract Reply rateLimited(Endpoint endpoint, String model, RateLimiter.Decision decision);

    /** SERVER_ERROR, OVERLOADED, RATE_LIMITED or QUOTA_EXHAUSTED, in this provider's shape. */
    abstract Reply fault(Endpoint endpoint, FaultKind kind, String model);

    abstract Reply internalError(Endpoint endpoint, String message);

    abstract Reply chat(
            Endpoint endpoint, Call.Chat call, List<Completion> completions, int inputTokens, RandomGenerator ids);

    abstract Reply embed(
            Endpoint endpoint,
            Call.Embed call,
            List<float[]> vectors,
            int inputTokens,
            boolean empty,
            RandomGenerator ids);

    /** Headers describing the model's rate-limit state, sent with every answer (empty if none). */
    abstract Map<String, String> rateHeaders(RateLimiter.Decision decision);

    Reply listModels(Call.ListModels call) {
        throw new IllegalStateException("not served by " + getClass().getSimpleName());
    }

    static ApiError error(Reply reply) {
        return new ApiError(reply);
    }

    static boolean keyMatches(@Nullable String required, @Nullable String given) {
        if (given == null || given.isBlank()) {
            return false;
        }
        if (required == null) {
            return true;
        }
        return java.security.MessageDigest.isEqual(
                required.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Go-style duration as OpenAI sends in reset headers: "20ms", "1.5s", "6m0s". */
    static String goDuration(long nanos) {
        if (nanos <= 0) {
            return "0s";
        }
        long ms = (nanos + 999_999) / 1_000_000;
        if (ms < 1000) {
            return ms + "ms";
        }
        long minutes = ms / 60_000;
        long restMs = ms % 60_000;
        String seconds = trimZeros(String.format(java.util.Locale.ROOT, "%.3f", restMs / 1000.0));
        return (minutes > 0 ? minutes + "m" : "") + seconds + "s";
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Whole seconds to wait, rounded up, at least 1. */
    static long retryAfterSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
