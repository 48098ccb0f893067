package dev.quarry.testkit.simulator;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Which faults the {@link LlmSimulator} injects, and when: a scripted sequence for the first
 * requests, then a random rate. Immutable; every method returns a copy.
 *
 * <p>Only requests that passed authentication, validation and the rate limits can be faulted, and
 * the draw is made from the simulator's seed, so a run is reproducible.
 *
 * <pre>{@code
 * Faults f = Faults.script(FaultKind.SERVER_ERROR, FaultKind.NONE, FaultKind.TIMEOUT)
 *         .withRate(0.05, FaultKind.OVERLOADED)
 *         .onlyFor(Endpoint.OPENAI_CHAT);
 * }</pre>
 */
public final class Faults {
    private static final Duration DEFAULT_HANG = Duration.ofMinutes(2);

    private final List<FaultKind> script;
    private final double rate;
    private final List<FaultKind> kinds;
    private final Set<Endpoint> endpoints;
    private final Duration hang;

    private Faults(List<FaultKind> script, double rate, List<FaultKind> kinds, Set<Endpoint> endpoints, Duration hang) {
        this.script = List.copyOf(script);
        this.rate = rate;
        this.kinds = List.copyOf(kinds);
        this.endpoints = endpoints.isEmpty() ? EnumSet.noneOf(Endpoint.class) : EnumSet.copyOf(endpoints);
        this.hang = hang;
    }

    /**
     * No faults: every accepted request is answered normally. The default.
     *
     * <pre>{@code Faults.none()}</pre>
     *
     * @return the empty fault plan
     */
    public static Faults none() {
        return new Faults(List.of(), 0.0, List.of(), Set.of(), DEFAULT_HANG);
    }

    /**
     * Injects a fault into each accepted request with probability {@code probability}; the kind is
     * drawn uniformly from {@code kinds}.
     *
     * <pre>{@code Faults.rate(0.05, FaultKind.SERVER_ERROR, FaultKind.CONNECTION_RESET)}</pre>
     *
     * @param probability between 0 and 1
     * @param kinds at least one fault kind
     * @return the fault plan
     */
    public static Faults rate(double probability, FaultKind... kinds) {
        return none().withRate(probability, kinds);
    }

    /**
     * Injects {@code kinds[i]} into the i-th accepted request (counting from 0, across all faultable
     * endpoints); requests after the script are answered normally. Use {@link FaultKind#NONE} for a
     * request that must succeed.
     *
     * <pre>{@code Faults.script(FaultKind.OVERLOADED, FaultKind.OVERLOADED, FaultKind.NONE)}</pre>
     *
     * @param kinds the fault for each of the first requests
     * @return the fault plan
     */
    public static Faults script(FaultKind... kinds) {
        requireNonNull(kinds, "kinds is null");
        for (FaultKind k : kinds) {
            requireNonNull(k, "a scripted fault kind is null; use FaultKind.NONE for a normal answer");
        }
        return new Faults(Arrays.asList(kinds), 0.0, List.of(), Set.of(), DEFAULT_HANG);
    }

    /**
     * A copy that, after the script, injects a fault with probability {@code probability}, drawn
     * uniformly from {@code kinds}.
     *
     * <pre>{@code Faults.script(FaultKind.TIMEOUT).withRate(0.01, FaultKind.SERVER_ERROR)}</pre>
     *
     * @param probability between 0 and 1
     * @param kinds at least one fault kind
     * @return the new plan
     */
    public Faults withRate(double probability, FaultKind... kinds) {
        requireNonNull(kinds, "kinds is null");
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT, "Fault probability must be between 0 and 1, got " + probability + ".");
        }
        if (kinds.length == 0 && probability > 0) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Faults.rate(" + probability + ") names no fault kind; pass at least one, e.g."
                            + " FaultKind.SERVER_ERROR.");
        }
        for (FaultKind k : kinds) {
            requireNonNull(k, "a fault kind is null");
        }
        return new Faults(script, probability, Arrays.asList(kinds), endpoints, hang);
    }

    /**
     * A copy that injects faults only into requests to the given endpoints (others are never
     * faulted and do not advance the script).
     *
     * <pre>{@code Faults.rate(0.1, FaultKind.SERVER_ERROR).onlyFor(Endpoint.OPENAI_CHAT)}</pre>
     *
     * @param only the endpoints to fault
     * @return the new plan
     */
    public Faults onlyFor(Endpoint... only) {
        requireNonNull(only, "only is null");
        return new Faults(script, rate, kinds, Set.of(only), hang);
    }

    /**
     * A copy where a {@link FaultKind#TIMEOUT} holds the connection open for {@code duration} before
     * closing it without an answer (default two minutes; the simulator's {@code close()} ends it sooner).
     *
     * <pre>{@code Faults.script(FaultKind.TIMEOUT).hangFor(Duration.ofSeconds(30))}</pre>
     *
     * @param duration how long to hold the connection, positive
     * @return the new plan
     */
    public Faults hangFor(Duration duration) {
        requireNonNull(duration, "duration is null");
        if (duration.isNegative() || duration.isZero()) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT, "Faults.hangFor needs a positive duration, got " + duration + ".");
        }
        return new Faults(script, rate, kinds, endpoints, duration);
    }

    /**
     * How long a timeout fault holds the connection.
     *
     * <pre>{@code Duration d = faults.hang();}</pre>
     *
     * @return the hang duration
     */
    public Duration hang() {
        return hang;
    }

    /**
     * Whether requests to {@code endpoint} may be faulted under this plan.
     *
     * <pre>{@code boolean f = faults.appliesTo(Endpoint.OPENAI_CHAT);}</pre>
     *
     * @param endpoint the endpoint
     * @return true when the plan covers it
     */
    public boolean appliesTo(Endpoint endpoint) {
        return (endpoints.isEmpty() || endpoints.contains(endpoint))
                && endpoint != Endpoint.UNKNOWN
                && endpoint != Endpoint.OPENAI_MODELS;
    }

    /** Chooses the fault for the {@code index}-th faultable request. */
    FaultKind choose(long index, RandomGenerator random) {
        if (index < script.size()) {
            return script.get((int) index);
        }
        if (rate > 0 && random.nextDouble() < rate) {
            return kinds.get(random.nextInt(kinds.size()));
        }
        return FaultKind.NONE;
    }

    @Override
    public String toString() {
        return "Faults[script=" + script + ", rate=" + rate + ", kinds=" + kinds
                + (endpoints.isEmpty() ? "" : ", endpoints=" + endpoints) + ", hang=" + hang + "]";
    }
}
