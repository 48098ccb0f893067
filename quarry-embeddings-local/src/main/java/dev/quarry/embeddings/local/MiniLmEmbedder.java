package dev.quarry.embeddings.local;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OrtException;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.spi.LocalEmbedder;
import dev.quarry.models.LocalEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * all-MiniLM-L6-v2 in this JVM. The model is loaded on the first {@link #embed} call, once, however
 * many threads ask at the same moment. Each call spreads its texts over a fixed pool of {@link
 * LocalEmbeddingModel#threads()} workers that every caller shares, so concurrent callers never run
 * more inferences at once than there are workers.
 */
final class MiniLmEmbedder implements LocalEmbedder {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final Supplier<MiniLmModel> loader;
    private final ExecutorService workers;
    private final Object lock = new Object();
    private volatile MiniLmModel model;
    private QuarryException loadFailure; // guarded by lock
    private volatile boolean closed;

    MiniLmEmbedder(LocalEmbeddingModel config) {
        this(config, MiniLmModel::load);
    }

    MiniLmEmbedder(LocalEmbeddingModel config, Supplier<MiniLmModel> loader) {
        requireNonNull(config, "config is null");
        this.threads = config.threads();
        this.loader = requireNonNull(loader, "loader is null");
        int pool = POOLS.incrementAndGet();
        AtomicInteger worker = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "quarry-minilm-" + pool + "-" + worker.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Always 384.
     *
     * <pre>{@code int d = embedder.dimensions(); // 384}</pre>
     */
    @Override
    public int dimensions() {
        return MiniLmModel.DIMENSIONS;
    }

    /**
     * Embeds each text alone (see {@link MiniLmModel}) on the shared workers and returns the vectors
     * in the order of the texts; loads the model on the first call.
     *
     * <pre>{@code List<float[]> v = embedder.embed(List.of("refund please", "")); // two unit vectors}</pre>
     *
     * @throws QuarryException {@link ErrorCode#INVALID_ARGUMENT} for a null list or a null text
     */
    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts == null) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "all-MiniLM-L6-v2 was given a null list of texts; pass a list (empty for no texts)");
        }
        List<String> input = checked(texts);
        if (input.isEmpty()) return List.of();
        MiniLmModel m = model();
        int n = input.size();
        float[][] out = new float[n][];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int w = 0; w < Math.min(threads, n); w++) {
                running.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        if (closed) throw closedError();
                        try {
                            out[i] = m.embed(input.get(i));
                        } catch (OrtException | RuntimeException e) {
                            next.set(n); // the call fails: spare the others the rest
                            throw failure(i, input.get(i), e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        } catch (RejectedExecutionException | CancellationException e) {
            next.set(n);
            running.forEach(f -> f.cancel(false));
            throw closedError();
        } catch (InterruptedException e) {
            next.set(n);
            running.forEach(f -> f.cancel(false));
            Thread.currentThread().interrupt();
            throw new QuarryException(
                    ErrorCode.EXECUTION_FAILED,
                    "Embedding " + n + " texts with all-MiniLM-L6-v2 was interrupted; nothing was returned",
                    e);
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof QuarryException q) throw q;
            throw new QuarryException(
                    ErrorCode.INTERNAL_ERROR, "all-MiniLM-L6-v2 failed: " + e.getCause(), e.getCause());
        }
        return List.of(out);
    }

    private static List<String> checked(List<String> texts) {
        List<String> copy = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t == null) {
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT,
                        "all-MiniLM-L6-v2 was given a null text at index " + i + " of " + texts.size()
                                + "; drop null rows before embedding (a null text has no vector)");
            }
            copy.add(t);
        }
        return copy;
    }

    private static QuarryException failure(int index, String text, Exception e) {
        if (e instanceof QuarryException q) return q;
        return new QuarryException(
                ErrorCode.EXECUTION_FAILED,
                "all-MiniLM-L6-v2 could not embed the text at index " + index + " (" + text.length() + " characters): "
                        + e.getMessage(),
                e);
    }

    /** The model, loaded by the first caller; a failed load is remembered and reported to every later call. */
    private MiniLmModel model() {
        MiniLmModel m = model;
        if (m != null) return m;
        synchronized (lock) {
            if (closed) throw closedError();
            if (loadFailure != null) throw loadFailure;
            if (model == null) {
                try {
                    model = requireNonNull(loader.get(), "the model loader returned null");
                } catch (QuarryException e) {
                    loadFailure = e;
                    throw e;
                } catch (RuntimeException e) {
                    loadFailure =
                            new QuarryException(ErrorCode.EXECUTION_FAILED, "Cannot load all-MiniLM-L6-v2: " + e, e);
                    throw loadFailure;
                }
            }
            return model;
        }
    }

    private static QuarryException closedError() {
        return new QuarryException(
                ErrorCode.EXECUTION_FAILED,
                "This all-MiniLM-L6-v2 embedder is closed; embed before closing the Session (or InferenceRuntime)"
                        + " that owns it");
    }

    /** Whether the model has been loaded (for tests). */
    boolean isLoaded() {
        return model != null;
    }

    /**
     * Stops the workers, waits for the texts they are embedding to finish, and releases the native
     * model. Later calls to {@link #embed} fail.
     */
    @Override
    public void close() {
        MiniLmModel m;
        synchronized (lock) {
            if (closed) return;
            closed = true;
            m = model;
        }
        // Work still queued is cancelled, so the calls waiting for it fail instead of waiting forever.
        for (Runnable queued : workers.shutdownNow()) {
            if (queued instanceof Future<?> f) f.cancel(false);
        }
        boolean idle = false;
        try {
            idle = workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A native session still in use by a worker is left to the JVM rather than freed under it.
        if (m != null && idle) m.close();
    }
}
