package dev.quarry.embeddings.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.models.LocalEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderLifecycleTest {
    /** Loads the real model and counts how often it was asked to. */
    private static final class CountingLoader implements Supplier<MiniLmModel> {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public MiniLmModel get() {
            calls.incrementAndGet();
            return MiniLmModel.load();
        }
    }

    @Test
    void create_doesNotLoadTheModel() {
        CountingLoader loader = new CountingLoader();
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(LocalEmbeddingModel.allMiniLmL6V2(), loader)) {
            assertThat(embedder.dimensions()).isEqualTo(384);
            assertThat(loader.calls).hasValue(0);
            assertThat(embedder.isLoaded()).isFalse();
        }
    }

    @Test
    void embed_manyFirstCallsAtOnce_loadTheModelOnce() throws Exception {
        CountingLoader loader = new CountingLoader();
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(LocalEmbeddingModel.allMiniLmL6V2(), loader)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<float[]>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> {
                    start.await();
                    return embedder.embed(List.of("first call")).get(0);
                });
            }
            List<Future<float[]>> results = new ArrayList<>();
            for (Callable<float[]> c : calls) results.add(pool.submit(c));
            start.countDown();
            for (Future<float[]> f : results) assertThat(f.get()).hasSize(384);

            assertThat(loader.calls).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void embed_afterLoadFailure_reportsTheSameErrorWithoutRetrying() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<MiniLmModel> broken = () -> {
            calls.incrementAndGet();
            throw new QuarryException(ErrorCode.EXECUTION_FAILED, "native library missing");
        };
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(LocalEmbeddingModel.allMiniLmL6V2(), broken)) {
            assertThatThrownBy(() -> embedder.embed(List.of("a"))).hasMessage("native library missing");
            assertThatThrownBy(() -> embedder.embed(List.of("b"))).hasMessage("native library missing");

            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void embed_loaderThrowingPlainException_isWrappedAsQuarryException() {
        Supplier<MiniLmModel> broken = () -> {
            throw new IllegalStateException("boom");
        };
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(LocalEmbeddingModel.allMiniLmL6V2(), broken)) {
            assertThatThrownBy(() -> embedder.embed(List.of("a")))
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("Cannot load all-MiniLM-L6-v2")
                    .hasMessageContaining("boom");
        }
    }

    @Test
    void embed_afterClose_throwsExecutionFailed() {
        MiniLmEmbedder embedder = new MiniLmEmbedder(LocalEmbeddingModel.allMiniLmL6V2());
        embedder.embed(List.of("warm"));
        embedder.close();

        assertThatThrownBy(() -> embedder.embed(List.of("late")))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("closed")
                .extracting(e -> ((QuarryException) e).code())
                .isEqualTo(ErrorCode.EXECUTION_FAILED);
    }

    @Test
    void close_beforeFirstEmbed_neverLoadsTheModel() {
        CountingLoader loader = new CountingLoader();
        MiniLmEmbedder embedder = new MiniLmEmbedder(LocalEmbeddingModel.allMiniLmL6V2(), loader);
        embedder.close();

        assertThatThrownBy(() -> embedder.embed(List.of("a"))).isInstanceOf(QuarryException.class);
        assertThat(loader.calls).hasValue(0);
    }

    @Test
    void close_whileCallsAreRunningAndQueued_endsEveryCall() throws Exception {
        MiniLmEmbedder embedder =
                new MiniLmEmbedder(LocalEmbeddingModel.allMiniLmL6V2().threads(1));
        embedder.embed(List.of("warm"));
        List<String> texts = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> "ticket " + i)
                .toList();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            // with one worker, the second call's work waits in the queue behind the first's
            Future<List<float[]>> running = callers.submit(() -> embedder.embed(texts));
            Future<List<float[]>> queued = callers.submit(() -> embedder.embed(texts));

            embedder.close();

            for (Future<List<float[]>> call : List.of(running, queued)) {
                try {
                    assertThat(call.get(60, java.util.concurrent.TimeUnit.SECONDS))
                            .hasSize(200);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(QuarryException.class).hasMessageContaining("closed");
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void close_twice_isHarmless() {
        MiniLmEmbedder embedder = new MiniLmEmbedder(LocalEmbeddingModel.allMiniLmL6V2());
        embedder.embed(List.of("warm"));
        embedder.close();
        embedder.close();

        assertThat(embedder.isLoaded()).isTrue();
    }
}
