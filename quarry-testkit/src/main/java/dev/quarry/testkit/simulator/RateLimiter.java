package dev.quarry.testkit.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/** Token buckets per model. A request takes from every configured bucket, or from none. */
final class RateLimiter {
    /** Which limit a decision is about. */
    enum Kind {
        REQUESTS,
        TOKENS,
        INPUT_TOKENS,
        OUTPUT_TOKENS
    }

    /** State of one bucket after a decision. */
    record BucketState(Kind kind, long limit, long remaining, long nanosUntilFull) {}

    /**
     * The outcome of one admission.
     *
     * @param allowed whether the request was admitted (and charged)
     * @param exceeded the limit that rejected it, or null
     * @param requested what the rejecting limit was asked for
     * @param used what that limit had in use
     * @param retryAfterNanos time until the request would fit, or -1 if it never can
     * @param states the buckets of the model, after the decision
     */
    record Decision(
            boolean allowed,
            @Nullable Kind exceeded,
            long requested,
            long used,
            long retryAfterNanos,
            Map<Kind, BucketState> states) {

        boolean tooLarge() {
            return !allowed && retryAfterNanos < 0;
        }
    }

    private final Limits defaults;
    private final Map<String, Limits> perModel;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, ModelBuckets> buckets = new ConcurrentHashMap<>();

    RateLimiter(Limits defaults, Map<String, Limits> perModel, LongSupplier nanos) {
        this.defaults = defaults;
        this.perModel = Map.copyOf(perModel);
        this.nanos = nanos;
    }

    Limits limitsFor(String model) {
        return perModel.getOrDefault(model, defaults);
    }

    Decision acquire(String model, long inputTokens, long outputTokens) {
        ModelBuckets b = buckets.computeIfAbsent(model, m -> new ModelBuckets(limitsFor(m), nanos.getAsLong()));
        return b.acquire(inputTokens, outputTokens, nanos.getAsLong());
    }

    void reset() {
        buckets.clear();
    }

    private static final class ModelBuckets {
        private final Map<Kind, TokenBucket> byKind = new java.util.EnumMap<>(Kind.class);

        ModelBuckets(Limits limits, long now) {
            if (limits.rpm() > 0) {
                byKind.put(Kind.REQUESTS, new TokenBucket(limits.rpm(), now));
            }
            if (limits.tpm() > 0) {
                byKind.put(Kind.TOKENS, new TokenBucket(limits.tpm(), now));
            }
            if (limits.inputTpm() > 0) {
                byKind.put(Kind.INPUT_TOKENS, new TokenBucket(limits.inputTpm(), now));
            }
            if (limits.outputTpm() > 0) {
                byKind.put(Kind.OUTPUT_TOKENS, new TokenBucket(limits.outputTpm(), now));
            }
        }

        synchronized Decision acquire(long input, long output, long now) {
            Map<Kind, Long> wanted = new java.util.EnumMap<>(Kind.class);
            wanted.put(Kind.REQUESTS, 1L);
            wanted.put(Kind.TOKENS, input + output);
            wanted.put(Kind.INPUT_TOKENS, input);
            wanted.put(Kind.OUTPUT_TOKENS, output);
            Kind exceeded = null;
            long retry = 0;
            for (Map.Entry<Kind, TokenBucket> e : byKind.entrySet()) {
                TokenBucket bucket = e.getValue();
                bucket.refill(now);
                long amount = wanted.get(e.getKey());
                if (amount > bucket.capacity()) {
                    return reject(e.getKey(), amount, bucket, -1);
                }
                if (!bucket.has(amount)) {
                    long wait = bucket.nanosUntil(amount);
                    if (exceeded == null || wait > retry) {
                        exceeded = e.getKey();
                        retry = wait;
                    }
                }
            }
            if (exceeded != null) {
                return reject(exceeded, wanted.get(exceeded), byKind.get(exceeded), retry);
            }
            for (Map.Entry<Kind, TokenBucket> e : byKind.entrySet()) {
                e.getValue().take(wanted.get(e.getKey()));
            }
            return new Decision(true, null, 0, 0, 0, states());
        }

        private Decision reject(Kind kind, long amount, TokenBucket bucket, long retry) {
            return new Decision(false, kind, amount, bucket.used(), retry, states());
        }

        private Map<Kind, BucketState> states() {
            Map<Kind, BucketState> out = new java.util.EnumMap<>(Kind.class);
            byKind.forEach((k, b) -> out.put(k, new BucketState(k, b.capacity(), b.remaining(), b.nanosUntilFull())));
            return out;
        }
    }
}
