package dev.quarry.testkit.simulator;

import java.util.Map;

/**
 * A snapshot of what the simulator has done since it started (or since {@link LlmSimulator#reset()}).
 *
 * <pre>{@code
 * Counters c = sim.counters();
 * assertThat(c.requests(Endpoint.OPENAI_CHAT)).isEqualTo(10);
 * assertThat(c.rateLimited()).isZero();
 * }</pre>
 *
 * @param requestsByEndpoint requests received, per endpoint (every request, whatever its answer)
 * @param responsesByStatus answers sent, per HTTP status (timeouts and resets are not here)
 * @param faultsByKind faults injected, per kind
 * @param rateLimited 429 answers sent because a rate limit was exhausted (injected 429s excluded)
 * @param inputTokens input tokens reported in the usage of 200 answers
 * @param outputTokens output tokens reported in the usage of 200 answers
 * @param tokensCharged tokens taken from the TPM buckets (input + charged output)
 */
public record Counters(
        Map<Endpoint, Long> requestsByEndpoint,
        Map<Integer, Long> responsesByStatus,
        Map<FaultKind, Long> faultsByKind,
        long rateLimited,
        long inputTokens,
        long outputTokens,
        long tokensCharged) {

    /** Copies the maps. */
    public Counters {
        requestsByEndpoint = Map.copyOf(requestsByEndpoint);
        responsesByStatus = Map.copyOf(responsesByStatus);
        faultsByKind = Map.copyOf(faultsByKind);
    }

    /**
     * All requests received.
     *
     * <pre>{@code long n = sim.counters().requests();}</pre>
     *
     * @return the total
     */
    public long requests() {
        return requestsByEndpoint.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Requests received by one endpoint.
     *
     * <pre>{@code long n = sim.counters().requests(Endpoint.COHERE_EMBED);}</pre>
     *
     * @param endpoint the endpoint
     * @return its count
     */
    public long requests(Endpoint endpoint) {
        return requestsByEndpoint.getOrDefault(endpoint, 0L);
    }

    /**
     * Answers sent with one HTTP status.
     *
     * <pre>{@code long ok = sim.counters().responses(200);}</pre>
     *
     * @param status the status
     * @return its count
     */
    public long responses(int status) {
        return responsesByStatus.getOrDefault(status, 0L);
    }

    /**
     * Faults injected of one kind.
     *
     * <pre>{@code long resets = sim.counters().faults(FaultKind.CONNECTION_RESET);}</pre>
     *
     * @param kind the kind
     * @return its count
     */
    public long faults(FaultKind kind) {
        return faultsByKind.getOrDefault(kind, 0L);
    }

    /**
     * All faults injected.
     *
     * <pre>{@code long f = sim.counters().faultsInjected();}</pre>
     *
     * @return the total
     */
    public long faultsInjected() {
        return faultsByKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
