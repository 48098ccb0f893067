package dev.quarry.inference;

import dev.quarry.inference.provider.ChatProtocol;
import dev.quarry.inference.provider.ChatReply;
import dev.quarry.inference.ratelimit.TokenCost;
import dev.quarry.inference.scheduler.CallStats;
import dev.quarry.inference.scheduler.ModelScheduler;
import dev.quarry.inference.tokens.Calibration;
import dev.quarry.inference.tokens.TokenCounter;
import dev.quarry.models.HostedModelConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

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
    private final HostedCalls calls;
    private final ConcurrentHashMap<String, Calibration> calibrations = new ConcurrentHashMap<>();

    ChatModel(
            String alias,
            HostedModelConfig<?> config,
            ChatProtocol protocol,
            ModelInfo info,
            boolean cacheEnabled,
            HostedCalls.Wiring wiring) {
        this.alias = alias;
        this.config = config;
        this.protocol = protocol;
        this.info = info;
        this.cacheEnabled = cacheEnabled;
        this.counter = TokenCounter.forModel(config.provider(), config.modelName());
        this.calls = new HostedCalls(alias, config, 0, wiring);
        this.scheduler = calls.scheduler;
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
        return calls.submit(
                        estimate,
                        stats,
                        () -> protocol.chatRequest(calls.endpoint(), request),
                        protocol::parseChat,
                        reply -> {
                            long in = reply.usage().input() > 0 ? reply.usage().input() : estimate.input();
                            calibration.observe(
                                    raw, reply.usage().input(), reply.usage().output());
                            return new TokenCost(in, reply.usage().output());
                        },
                        protocol::parseError,
                        protocol::serverLimits)
                .thenApply(reply -> new Sent(reply, stats));
    }
}
