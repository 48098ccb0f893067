package dev.quarry.inference;

import dev.quarry.ErrorCode;
import dev.quarry.inference.http.HttpTransport;
import dev.quarry.inference.http.WireRequest;
import dev.quarry.inference.http.WireResponse;
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
import dev.quarry.models.HostedModelConfig;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What chat and embedding models served over HTTP share: the scheduler that paces, caps and retries
 * their calls, the endpoint (its API key resolved on first use), and turning one call into a
 * scheduler job.
 */
final class HostedCalls {
    /** What the runtime gives every hosted model it wires up. */
    record Wiring(
            int defaultConcurrency,
            HttpTransport transport,
            TimeSource time,
            Backoff backoff,
            int maxRetries,
            Function<String, String> environment) {}

    final ModelScheduler scheduler;
    private final String alias;
    private final HostedModelConfig<?> config;
    private final int dimensions;
    private final Function<String, String> environment;
    private volatile Endpoint endpoint;

    /** Wires one model; {@code dimensions} is the vector length to ask for, 0 for chat models or the native length. */
    HostedCalls(String alias, HostedModelConfig<?> config, int dimensions, Wiring wiring) {
        this.alias = alias;
        this.config = config;
        this.dimensions = dimensions;
        this.environment = wiring.environment();
        RateLimiter limiter = new RateLimiter(
                config.rpm(),
                config.tpm(),
                config.inputTpm(),
                config.outputTpm(),
                wiring.time().nanoTime(),
                ChatModel.JITTER_NANOS);
        this.scheduler = new ModelScheduler(
                alias,
                config.provider(),
                limiter,
                config.maxConcurrency().orElse(wiring.defaultConcurrency()),
                wiring.transport(),
                wiring.time(),
                wiring.backoff(),
                wiring.maxRetries());
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
                    dimensions);
            endpoint = e;
        }
        return e;
    }

    /**
     * Submits one call to the scheduler. A non-2xx response is classified by {@code parseError}; a
     * 2xx body {@code parse} cannot read is a transient failure (retried); a parsed reply is charged
     * what {@code used} says it cost.
     */
    <R> CompletableFuture<R> submit(
            TokenCost estimate,
            CallStats stats,
            Supplier<WireRequest> request,
            Function<WireResponse, R> parse,
            Function<R, TokenCost> used,
            Function<WireResponse, ProviderError> parseError,
            Function<WireResponse, ServerLimits> serverLimits) {
        return scheduler.submit(new Job<R>() {
            @Override
            public TokenCost estimate() {
                return estimate;
            }

            @Override
            public WireRequest request() {
                return request.get();
            }

            @Override
            public Outcome<R> judge(WireResponse response) {
                if (!response.isSuccess()) {
                    return new Outcome.Failure<>(parseError.apply(response), response.status());
                }
                R reply;
                try {
                    reply = parse.apply(response);
                } catch (MalformedResponseException e) {
                    return new Outcome.Failure<>(
                            new ProviderError(
                                    ProviderError.Kind.TRANSIENT,
                                    ErrorCode.PROVIDER_UNAVAILABLE,
                                    "malformed response: " + e.getMessage(),
                                    0),
                            response.status());
                }
                return new Outcome.Success<>(reply, used.apply(reply));
            }

            @Override
            public ServerLimits serverLimits(WireResponse response) {
                return serverLimits.apply(response);
            }

            @Override
            public CallStats stats() {
                return stats;
            }
        });
    }
}
