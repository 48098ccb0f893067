package dev.quarry.inference.scheduler;

import dev.quarry.inference.provider.ProviderError;
import dev.quarry.inference.ratelimit.TokenCost;

/**
 * How one attempt ended, as the job judged the response.
 *
 * <pre>{@code return new Outcome.Success<>(reply, new TokenCost(in, out));}</pre>
 *
 * @param <T> the job's result type
 */
public sealed interface Outcome<T> {
    /**
     * The provider answered.
     *
     * @param value the parsed answer
     * @param actual the tokens the provider reported, to settle the reservation
     * @param <T> the result type
     */
    record Success<T>(T value, TokenCost actual) implements Outcome<T> {}

    /**
     * The provider refused or failed; the error says whether to retry.
     *
     * @param error the classified error
     * @param httpStatus the HTTP status, 0 when no response was received
     * @param <T> the result type
     */
    record Failure<T>(ProviderError error, int httpStatus) implements Outcome<T> {}
}
