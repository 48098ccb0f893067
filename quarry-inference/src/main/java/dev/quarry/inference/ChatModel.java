package dev.quarry.inference;

import dev.quarry.ErrorCode;
import dev.quarry.inference.http.HttpTransport;
import dev.quarry.inference.http.WireRequest;
import dev.quarry.inference.http.WireResponse;
import dev.quarry.inference.provider.ChatProtocol;
import dev.quarry.inference.provider.ChatReply;
import dev.quarry.inference.provider.Endpoint;
import dev.quarry.inference.provider.MalformedResponseException;
import dev.quarry.inference.provider.ProviderError;
import dev.quarry.inference.ratelimit.Backoff;
import dev.quarry.inference.ratelimit.RateLimiter;
import dev.quarry.inference.ratelimit.ServerLimits;
import dev.quarry.inference.ratelimit.TokenCost;
import dev.quarry.inference.scheduler.CallStats;
import dev.quarry.inference.scheduler.Job;
import dev.quarry.inference.scheduler.ModelScheduler;
import dev.quarry.inference.scheduler.Outcome;
import dev.quarry.inference.tokens.Calibration;
import dev.quarry.inference.tokens.TokenCounter;
import dev.quarry.models.HostedModelConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** One configured chat model: its protocol, scheduler, token counting and calibration. */
final class ChatModel {
    /** A reply with the counters of the attempts that produced it. */
    record Sent(ChatReply reply, CallStats stats) {}

    /**
     * Arrival jitter the rate limiter absorbs: requests may reach the provider up to this much later
     * (or closer together) than they left and still fit in a server bucket of the configured size.
     */
    static final long JITTER_NANOS = 1_000_000_000L;

    final String alias;
    final HostedModelConfig<?> config;
    final ChatProtocol protocol;
    final ModelScheduler scheduler;
    final TokenCounter counter;
    final ModelInfo info;
    final boolean cacheEnabled;
    private final Function<String, String> environment;
    private final ConcurrentHashMap<String, Calibration> calibrations = new ConcurrentHashMap<>();
    private volatile Endpoint endpoint;

    ChatModel(
            String alias,
            HostedModelConfig<?> config,
            ChatProtocol protocol,
            ModelInfo info,
            boolean cacheEnabled,
            int defaultConcurrency,
            HttpTransport transport,
            TimeSource time,
            Backoff backoff,
            int maxRetries,
            Function<String, String> environment) {
        this.alias = alias;
        this.config = config;
        this.protocol = protocol;
        this.info = info;
        this.cacheEnabled = cacheEnabled;
        this.environment = environment;
        this.counter = TokenCounter.forModel(config.provider(), config.modelName());
        RateLimiter limiter = new RateLimiter(
                config.rpm(), config.tpm(), config.inputTpm(), config.outputTpm(), time.nanoTime(), JITTER_NANOS);
        this.scheduler = new ModelScheduler(
                alias,
                config.provider(),
                limiter,
                config.maxConcurrency().orElse(defaultConcurrency),
                transport,
                time,
                backoff,
                maxRetries);
    }

    Endpoint endpoint() {
        Endpoint e = endpoint;
        if (e == null) {
            String key = config.apiKey().resolve(alias, config.provider(), environment);
            e = new Endpoint(
                    alias,
                    config.provider(),
                    config.modelName(),
                    config.baseUrl(),
                    key,
                    config.hasCustomBaseUrl(),
                    config.requestTimeout(),
                    0);
            endpoint = e;
        }
        return e;
    }

    private static double initialInputRatio(String provider) {
        return switch (provider) {
            case "anthropic" -> 1.2;
            case "gemini" -> 1.05;
            default -> 1.0;
        };
    }

    Calibration calibration(ChatRequest request) {
        String shape =
                request.schema() == null ? "text" : "schema:" + request.schema().name();
        return calibrations.computeIfAbsent(
                shape,
                s -> new Calibration(initialInputRatio(config.provider()), request.schema() == null ? 256 : 128));
    }

    TokenCost estimate(ChatRequest request, int rawInput) {
        Calibration c = calibration(request);
        long output = c.outputEstimate(request.maxOutputTokens() != null ? request.maxOutputTokens() : 0);
        if (info.maxOutputTokens() > 0) output = Math.min(output, info.maxOutputTokens());
        return new TokenCost(c.inputEstimate(rawInput), output);
    }

    CompletableFuture<Sent> send(ChatRequest request) {
        int raw = counter.countRequest(request);
        TokenCost estimate = estimate(request, raw);
        Calibration calibration = calibration(request);
        CallStats stats = new CallStats();
        Job<ChatReply> job = new Job<>() {
            @Override
            public TokenCost estimate() {
                return estimate;
            }

            @Override
            public WireRequest request() {
                return protocol.chatRequest(endpoint(), request);
            }

            @Override
            public Outcome<ChatReply> judge(WireResponse response) {
                if (!response.isSuccess()) {
                    return new Outcome.Failure<>(protocol.parseError(response), response.status());
                }
                ChatReply reply;
                try {
                    reply = protocol.parseChat(response);
                } catch (MalformedResponseException e) {
                    return new Outcome.Failure<>(
                            new ProviderError(
                                    ProviderError.Kind.TRANSIENT,
                                    ErrorCode.PROVIDER_UNAVAILABLE,
                                    "malformed response: " + e.getMessage(),
                                    0),
                            response.status());
                }
                long in = reply.usage().input() > 0 ? reply.usage().input() : estimate.input();
                calibration.observe(raw, reply.usage().input(), reply.usage().output());
                return new Outcome.Success<>(
                        reply, new TokenCost(in, reply.usage().output()));
            }

            @Override
            public ServerLimits serverLimits(WireResponse response) {
                return protocol.serverLimits(response);
            }

            @Override
            public CallStats stats() {
                return stats;
            }
        };
        return scheduler.submit(job).thenApply(reply -> new Sent(reply, stats));
    }
}
