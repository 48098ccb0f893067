package dev.quarry.local.semantic;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.ChatResult;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.inference.UsageKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends an operator's model requests asynchronously and hands their answers back to the thread that
 * drives the operator, which alone touches DuckDB. At most {@code window} distinct requests are in
 * flight; a request identical to one in flight (same model alias and same {@link ChatRequest}) is
 * not sent again, its handler just waits for the same answer. Each request's estimated cost is
 * reserved against the session {@link Budget} before it is sent.
 *
 * <p>Handlers run on the driving thread, inside {@link #awaitCapacity()}, {@link #poll()} and
 * {@link #drain()}; they may submit more requests (a repair, the next level of a reduce). A request
 * that fails for good (authentication, quota, invalid request, retries exhausted) makes the next of
 * those calls throw, failing the query.
 */
final class RequestPipeline {
    private record Key(String alias, ChatRequest request) {}

    private static final class Pending {
        final List<Consumer<ChatResult>> handlers = new ArrayList<>(1);
    }

    private record Done(Runnable deliver, Throwable error) {}

    private final InferenceRuntime runtime;
    private final Budget budget;
    private final int window;
    private final String operator;
    private final Runnable tick;
    private final Map<Key, Pending> pending = new HashMap<>();
    private final Map<Key, ChatResult> answered;
    private final LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final int maxWaiting;
    private int inFlight;
    private int waiting;
    private long sent;

    /**
     * A pipeline.
     *
     * @param runtime the inference runtime
     * @param budget the session budget
     * @param window the most distinct requests in flight
     * @param memo how many recent answers are kept to answer identical requests without asking the
     *     runtime again, and (with the window) how many handlers may wait for answers at once
     * @param operator the node's name, for messages
     * @param tick called on the driving thread while it waits (progress display)
     */
    RequestPipeline(InferenceRuntime runtime, Budget budget, int window, int memo, String operator, Runnable tick) {
        this.runtime = runtime;
        this.budget = budget;
        this.window = Math.max(1, window);
        this.operator = operator;
        this.tick = tick;
        this.maxWaiting = Math.max(memo, 4 * this.window);
        this.answered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ChatResult> eldest) {
                return size() > memo;
            }
        };
    }

    /** Distinct requests handed to the runtime so far. */
    long sent() {
        return sent;
    }

    /**
     * Sends a chat request, or joins an identical one in flight, or answers it at once with the
     * answer an identical recent request got.
     *
     * @param op the operator sending it (model alias, usage key)
     * @param request the request
     * @param handler receives the answer on the driving thread
     */
    void chat(OperatorRun op, ChatRequest request, Consumer<ChatResult> handler) {
        String alias = op.alias();
        Key k = new Key(alias, request);
        ChatResult known = answered.get(k);
        if (known != null) {
            handler.accept(known);
            return;
        }
        Pending p = pending.get(k);
        if (p != null) {
            p.handlers.add(handler);
            waiting++;
            return;
        }
        double reserved =
                budget.limited() ? reserve(op, runtime.estimate(alias, request).costUsd()) : 0;
        UsageKey key = op.key();
        Pending mine = new Pending();
        mine.handlers.add(handler);
        pending.put(k, mine);
        inFlight++;
        waiting++;
        sent++;
        runtime.chat(alias, request, key).whenComplete((result, error) -> {
            budget.release(reserved);
            done.add(new Done(
                    () -> {
                        pending.remove(k);
                        answered.put(k, result);
                        waiting -= mine.handlers.size();
                        for (Consumer<ChatResult> h : mine.handlers) {
                            h.accept(result);
                        }
                    },
                    error));
        });
    }

    /**
     * Embeds texts in one call (the runtime splits it into provider-sized requests).
     *
     * @param op the operator sending it (model alias, usage key)
     * @param texts distinct texts
     * @param handler receives one vector per text, in order, on the driving thread
     */
    void embed(OperatorRun op, List<String> texts, Consumer<List<float[]>> handler) {
        String alias = op.alias();
        UsageKey key = op.key();
        double reserved = budget.limited()
                ? reserve(op, runtime.estimateEmbedding(alias, texts).costUsd())
                : 0;
        inFlight++;
        sent++;
        runtime.embed(alias, texts, key).whenComplete((vectors, error) -> {
            budget.release(reserved);
            done.add(new Done(() -> handler.accept(vectors), error));
        });
    }

    /**
     * Reserves a request's estimated cost; when it does not fit, waits for the requests in flight
     * (their cost is then counted as spent) and fails the query with {@code BUDGET_EXCEEDED}.
     */
    private double reserve(OperatorRun op, double estimateUsd) {
        if (budget.tryReserve(estimateUsd)) {
            return estimateUsd;
        }
        settle();
        throw budget.exceeded(estimateUsd, op.name(), op.alias());
    }

    /** Waits until nothing is in flight, dropping the answers: the query is failing. */
    private void settle() {
        while (inFlight > 0) {
            take();
            inFlight--;
        }
    }

    /**
     * Handles answers until fewer than {@code window} requests are in flight and few enough rows
     * wait for answers, so that the caller may read more input.
     */
    void awaitCapacity() {
        poll();
        while (inFlight >= window || waiting >= maxWaiting) {
            handle(take());
        }
    }

    /** Handles the answers that have arrived, without waiting. */
    void poll() {
        Done d;
        while ((d = done.poll()) != null) {
            handle(d);
        }
    }

    /** Handles answers until nothing is in flight (handlers may send more; those are waited for too). */
    void drain() {
        while (inFlight > 0) {
            handle(take());
        }
    }

    private Done take() {
        try {
            while (true) {
                Done d = done.poll(100, TimeUnit.MILLISECONDS);
                if (d != null) {
                    return d;
                }
                tick.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuarryException(
                    ErrorCode.EXECUTION_FAILED, "Interrupted while waiting for model answers in " + operator, e);
        }
    }

    private void handle(Done d) {
        inFlight--;
        if (d.error() != null) {
            throw failure(d.error());
        }
        d.deliver().run();
    }

    private QuarryException failure(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof QuarryException q) {
            return q;
        }
        return new QuarryException(ErrorCode.EXECUTION_FAILED, operator + " failed while calling a model: " + t, t);
    }
}
