package dev.quarry.inference.scheduler;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.ProviderException;
import dev.quarry.inference.TimeSource;
import dev.quarry.inference.TransientProviderException;
import dev.quarry.inference.http.HttpTransport;
import dev.quarry.inference.http.WireRequest;
import dev.quarry.inference.http.WireResponse;
import dev.quarry.inference.provider.ProviderError;
import dev.quarry.inference.ratelimit.Backoff;
import dev.quarry.inference.ratelimit.RateLimiter;
import dev.quarry.inference.ratelimit.TokenCost;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Sends one model's requests: first in, first out, within the rate limits and the concurrency cap,
 * retrying transient failures with backoff. No thread waits: a request that must wait is woken by
 * the {@link TimeSource}, and responses arrive on the transport's completion threads.
 *
 * <pre>{@code
 * ModelScheduler s = new ModelScheduler("fast", "openai", limiter, 64, transport, time, backoff, 8);
 * CompletableFuture<ChatReply> reply = s.submit(job);
 * }</pre>
 */
public final class ModelScheduler implements AutoCloseable {
    /** Retries allowed for 429s, which are expected under load. */
    static final int RATE_LIMIT_RETRIES = 30;

    private final String alias;
    private final String provider;
    private final RateLimiter limiter;
    private final int maxConcurrency;
    private final HttpTransport transport;
    private final TimeSource time;
    private final Backoff backoff;
    private final int maxRetries;

    private final ArrayDeque<Task<?>> queue = new ArrayDeque<>();
    private int inFlight;
    private long wakeAt;
    private boolean wakeScheduled;
    private boolean closed;
    private long sent;

    private static final class Task<T> {
        final Job<T> job;
        final CompletableFuture<T> future = new CompletableFuture<>();
        int attempts;
        long sentAt;
        TokenCost reserved = TokenCost.ZERO;

        Task(Job<T> job) {
            this.job = job;
        }
    }

    /**
     * A scheduler.
     *
     * <pre>{@code new ModelScheduler("fast", "openai", limiter, 64, transport, TimeSource.system(), backoff, 8)}</pre>
     *
     * @param alias the model alias, for messages
     * @param provider the provider id, for messages
     * @param limiter the model's rate limits
     * @param maxConcurrency requests in flight at most
     * @param transport sends HTTP requests
     * @param time the time source
     * @param backoff the retry delays
     * @param maxRetries retries of 5xx, timeouts and resets before giving up
     */
    public ModelScheduler(
            String alias,
            String provider,
            RateLimiter limiter,
            int maxConcurrency,
            HttpTransport transport,
            TimeSource time,
            Backoff backoff,
            int maxRetries) {
        this.alias = alias;
        this.provider = provider;
        this.limiter = limiter;
        this.maxConcurrency = maxConcurrency;
        this.transport = transport;
        this.time = time;
        this.backoff = backoff;
        this.maxRetries = maxRetries;
    }

    /**
     * Queues a job. A job whose input alone exceeds a whole minute's token budget fails at once.
     *
     * <pre>{@code scheduler.submit(job).thenAccept(reply -> ...);}</pre>
     *
     * @param job the job
     * @param <T> the answer type
     * @return the answer, or a failed future with a {@link ProviderException}
     */
    public <T> CompletableFuture<T> submit(Job<T> job) {
        Optional<String> tooLarge = limiter.neverFits(job.estimate());
        if (tooLarge.isPresent()) {
            return CompletableFuture.failedFuture(new ProviderException(
                    ErrorCode.REQUEST_TOO_LARGE,
                    alias,
                    provider,
                    0,
                    "Request to model '" + alias + "' (" + provider + ") can never be sent: " + tooLarge.get()
                            + ". Shorten the input (chunk the text) or raise the model's token limit."));
        }
        Task<T> task = new Task<>(job);
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(closedError());
            }
            queue.addLast(task);
        }
        pump();
        return task.future;
    }

    private QuarryException closedError() {
        return new QuarryException(
                ErrorCode.EXECUTION_FAILED,
                "The inference runtime was closed while requests to '" + alias + "' were pending");
    }

    /** Sends what the limits allow now and schedules a wake-up for the rest. */
    void pump() {
        List<Task<?>> ready = new ArrayList<>();
        synchronized (this) {
            if (closed) return;
            long now = time.nanoTime();
            while (!queue.isEmpty() && inFlight < maxConcurrency) {
                Task<?> head = queue.peekFirst();
                long wait = limiter.tryAcquire(head.job.estimate(), now);
                if (wait > 0) {
                    scheduleWake(now, now + wait);
                    break;
                }
                queue.pollFirst();
                head.reserved = head.job.estimate();
                head.sentAt = now;
                inFlight++;
                sent++;
                ready.add(head);
            }
        }
        for (Task<?> t : ready) {
            dispatch(t);
        }
    }

    private void scheduleWake(long now, long at) {
        if (wakeScheduled && wakeAt <= at) return;
        wakeScheduled = true;
        wakeAt = at;
        time.schedule(at - now, () -> {
            synchronized (this) {
                if (wakeAt == at) wakeScheduled = false;
            }
            pump();
        });
    }

    private <T> void dispatch(Task<T> task) {
        WireRequest request;
        try {
            request = task.job.request();
        } catch (RuntimeException e) {
            release(task);
            limiter.refund(task.reserved, time.nanoTime());
            task.future.completeExceptionally(e);
            pump();
            return;
        }
        CompletableFuture<WireResponse> response;
        try {
            response = transport.post(request);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete((r, err) -> complete(task, r, err));
    }

    private synchronized void release(Task<?> task) {
        inFlight--;
    }

    private <T> void complete(Task<T> task, WireResponse response, Throwable error) {
        release(task);
        long now = time.nanoTime();
        try {
            if (error != null) {
                limiter.refund(task.reserved, now);
                retryOrFail(task, transportError(error), 0);
                return;
            }
            limiter.applyServerLimits(task.job.serverLimits(response), now);
            Outcome<T> outcome;
            try {
                outcome = task.job.judge(response);
            } catch (RuntimeException e) {
                limiter.refund(task.reserved, now);
                task.future.completeExceptionally(e);
                return;
            }
            if (outcome instanceof Outcome.Success<T> ok) {
                limiter.settle(task.reserved, ok.actual(), now);
                limiter.onSuccess(now);
                task.future.complete(ok.value());
            } else {
                Outcome.Failure<T> failure = (Outcome.Failure<T>) outcome;
                limiter.refund(task.reserved, now);
                if (failure.error().kind() == ProviderError.Kind.RATE_LIMITED) {
                    task.job.stats().wasRateLimited();
                    limiter.onRateLimited(task.sentAt, failure.error().retryAfterNanos(), now);
                }
                retryOrFail(task, failure.error(), failure.httpStatus());
            }
        } finally {
            pump();
        }
    }

    private static ProviderError transportError(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof HttpTimeoutException) {
            return new ProviderError(ProviderError.Kind.TRANSIENT, ErrorCode.REQUEST_TIMEOUT, "request timed out", 0);
        }
        if (e instanceof IOException) {
            String m = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new ProviderError(ProviderError.Kind.TRANSIENT, ErrorCode.PROVIDER_UNAVAILABLE, m, 0);
        }
        if (e instanceof QuarryException q) {
            return new ProviderError(ProviderError.Kind.FATAL, q.code(), q.getMessage(), 0);
        }
        return new ProviderError(ProviderError.Kind.FATAL, ErrorCode.INTERNAL_ERROR, String.valueOf(e), 0);
    }

    private <T> void retryOrFail(Task<T> task, ProviderError error, int status) {
        String where =
                "Model '" + alias + "' (" + provider + ")" + (status > 0 ? " answered HTTP " + status : " failed");
        if (error.kind() == ProviderError.Kind.FATAL) {
            task.future.completeExceptionally(new ProviderException(
                    error.code(),
                    alias,
                    provider,
                    status,
                    where + ": " + error.providerMessage() + hint(error.code())));
            return;
        }
        int limit = error.kind() == ProviderError.Kind.RATE_LIMITED ? RATE_LIMIT_RETRIES : maxRetries;
        if (task.attempts >= limit) {
            task.future.completeExceptionally(
                    new TransientProviderException(
                            error.code(),
                            alias,
                            provider,
                            status,
                            where + " and still failed after " + task.attempts + " retries: " + error.providerMessage()
                                    + ". The provider is unavailable or the limits are set too high; lower rpm/tpm or retry later."));
            return;
        }
        long delay = backoff.delayNanos(task.attempts, error.retryAfterNanos());
        task.attempts++;
        task.job.stats().retried();
        time.schedule(delay, () -> {
            synchronized (this) {
                if (closed) {
                    task.future.completeExceptionally(closedError());
                    return;
                }
                queue.addFirst(task);
            }
            pump();
        });
    }

    private static String hint(ErrorCode code) {
        return switch (code) {
            case AUTHENTICATION_FAILED -> ". Check the API key (environment variable or .apiKey(...)).";
            case MODEL_NOT_FOUND -> ". Check the model name in the configuration.";
            case QUOTA_EXHAUSTED -> ". The account's quota or credit is used up; add credit or use another model.";
            case REQUEST_TOO_LARGE -> ". Shorten the input or chunk the text.";
            default -> "";
        };
    }

    /**
     * Requests waiting to be sent.
     *
     * <pre>{@code int waiting = scheduler.queued();}</pre>
     *
     * @return the count
     */
    public synchronized int queued() {
        return queue.size();
    }

    /**
     * Requests in flight.
     *
     * <pre>{@code int busy = scheduler.inFlight();}</pre>
     *
     * @return the count
     */
    public synchronized int inFlight() {
        return inFlight;
    }

    /**
     * HTTP attempts sent so far, retries included.
     *
     * <pre>{@code long n = scheduler.sent();}</pre>
     *
     * @return the count
     */
    public synchronized long sent() {
        return sent;
    }

    /**
     * The rate limiter.
     *
     * <pre>{@code double f = scheduler.limiter().rateFactor();}</pre>
     *
     * @return the limiter
     */
    public RateLimiter limiter() {
        return limiter;
    }

    @Override
    public void close() {
        List<Task<?>> pending;
        synchronized (this) {
            if (closed) return;
            closed = true;
            pending = new ArrayList<>(queue);
            queue.clear();
        }
        for (Task<?> t : pending) {
            t.future.completeExceptionally(closedError());
        }
    }
}
