package dev.quarry.inference.scheduler;

import dev.quarry.inference.http.WireRequest;
import dev.quarry.inference.http.WireResponse;
import dev.quarry.inference.ratelimit.ServerLimits;
import dev.quarry.inference.ratelimit.TokenCost;

/**
 * One logical request handed to a {@link ModelScheduler}: its estimated cost, how to build the HTTP
 * request, and how to judge a response.
 *
 * <pre>{@code CompletableFuture<ChatReply> f = scheduler.submit(job);}</pre>
 *
 * @param <T> the parsed answer type
 */
public interface Job<T> {
    /**
     * The estimated tokens, reserved before sending.
     *
     * <pre>{@code TokenCost c = job.estimate();}</pre>
     *
     * @return the estimate
     */
    TokenCost estimate();

    /**
     * Builds the HTTP request of one attempt; may throw a {@link dev.quarry.QuarryException} (e.g. a
     * missing key), which fails the job at once.
     *
     * <pre>{@code WireRequest r = job.request();}</pre>
     *
     * @return the request
     */
    WireRequest request();

    /**
     * Judges a response.
     *
     * <pre>{@code Outcome<ChatReply> o = job.judge(response);}</pre>
     *
     * @param response the response
     * @return success or a classified failure
     */
    Outcome<T> judge(WireResponse response);

    /**
     * The rate limits the response reports.
     *
     * <pre>{@code ServerLimits l = job.serverLimits(response);}</pre>
     *
     * @param response the response
     * @return the limits
     */
    ServerLimits serverLimits(WireResponse response);

    /**
     * Counters the scheduler updates.
     *
     * <pre>{@code job.stats().retries()}</pre>
     *
     * @return the stats
     */
    CallStats stats();
}
