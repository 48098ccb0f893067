package dev.quarry.embeddings.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ModelUsage;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.inference.ModelKind;
import dev.quarry.inference.UsageKey;
import dev.quarry.inference.spi.LocalEmbedder;
import dev.quarry.models.LocalEmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plug, end to end: the runtime finds this module through ServiceLoader and embeds with it. */
class InferenceRuntimeLocalEmbeddingTest {
    @TempDir
    Path dataDir;

    private InferenceRuntime runtime(LocalEmbeddingModel model) {
        return InferenceRuntime.builder()
                .embeddingModel("mini", model)
                .dataDir(dataDir)
                .build();
    }

    @Test
    void embed_throughRuntime_returnsSameVectorsAsTheEmbedder() {
        List<String> texts = List.of("The invoice was charged twice", "I was billed two times", "");
        List<float[]> direct;
        try (LocalEmbedder embedder = new MiniLmEmbeddingProvider().create(LocalEmbeddingModel.allMiniLmL6V2())) {
            direct = embedder.embed(texts);
        }

        try (InferenceRuntime runtime = runtime(LocalEmbeddingModel.allMiniLmL6V2())) {
            List<float[]> viaRuntime = runtime.embed("mini", texts).join();

            assertThat(viaRuntime).hasSize(3);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(viaRuntime.get(i)).containsExactly(direct.get(i));
            }
        }
    }

    @Test
    void embed_moreTextsThanOneBatch_returnsEveryVectorInOrder() {
        List<String> texts =
                IntStream.range(0, 23).mapToObj(i -> "support ticket " + i).toList();

        try (InferenceRuntime runtime =
                runtime(LocalEmbeddingModel.allMiniLmL6V2().batchSize(4))) {
            List<float[]> all = runtime.embed("mini", texts).join();
            float[] seventeen =
                    runtime.embed("mini", List.of("support ticket 17")).join().get(0);

            assertThat(all).hasSize(23).allSatisfy(v -> assertThat(v).hasSize(384));
            assertThat(all.get(17)).containsExactly(seventeen);
        }
    }

    @Test
    void embed_duplicateTexts_shareOneVector() {
        try (InferenceRuntime runtime = runtime(LocalEmbeddingModel.allMiniLmL6V2())) {
            List<float[]> v =
                    runtime.embed("mini", List.of("same", "other", "same")).join();

            assertThat(v.get(2)).containsExactly(v.get(0));
            assertThat(v.get(1)).isNotEqualTo(v.get(0));
        }
    }

    @Test
    void embed_throughRuntime_isAccountedAsFreeRequests() {
        try (InferenceRuntime runtime =
                runtime(LocalEmbeddingModel.allMiniLmL6V2().batchSize(2))) {
            runtime.embed("mini", List.of("a", "b", "c"), UsageKey.of("q1", "embed#1"))
                    .join();

            ModelUsage usage = runtime.usage().usageOfQuery("q1", ModelKind.EMBEDDING);
            assertThat(usage.requests()).isEqualTo(2);
            assertThat(usage.costUsd()).isZero();
        }
    }

    @Test
    void modelInfo_localMiniLm_reports384Dimensions() {
        try (InferenceRuntime runtime = runtime(LocalEmbeddingModel.allMiniLmL6V2())) {
            assertThat(runtime.modelInfo("mini").dimensions()).isEqualTo(384);
        }
    }

    @Test
    void embed_rerunOnTheSameDataDir_servesVectorsFromTheCache() {
        List<String> texts = List.of("The invoice was charged twice", "My router keeps rebooting");
        List<float[]> first;
        try (InferenceRuntime runtime = runtime(LocalEmbeddingModel.allMiniLmL6V2())) {
            first = runtime.embed("mini", texts, UsageKey.of("q1", "embed#1")).join();
        }
        try (InferenceRuntime runtime = runtime(LocalEmbeddingModel.allMiniLmL6V2())) {
            List<float[]> second =
                    runtime.embed("mini", texts, UsageKey.of("q2", "embed#1")).join();

            assertThat(second.get(0)).containsExactly(first.get(0));
            assertThat(second.get(1)).containsExactly(first.get(1));
            ModelUsage usage = runtime.usage().usageOfQuery("q2", ModelKind.EMBEDDING);
            assertThat(usage.requests()).isZero();
            assertThat(usage.cacheHits()).isEqualTo(2);
        }
    }

    @Test
    void embed_responseCacheOff_computesAgain() {
        List<String> texts = List.of("The invoice was charged twice");
        LocalEmbeddingModel uncached = LocalEmbeddingModel.allMiniLmL6V2().responseCache(false);
        try (InferenceRuntime runtime = runtime(uncached)) {
            runtime.embed("mini", texts).join();
        }
        try (InferenceRuntime runtime = runtime(uncached)) {
            runtime.embed("mini", texts, UsageKey.of("q2", "embed#1")).join();

            ModelUsage usage = runtime.usage().usageOfQuery("q2", ModelKind.EMBEDDING);
            assertThat(usage.requests()).isEqualTo(1);
            assertThat(usage.cacheHits()).isZero();
        }
    }

    @Test
    void modelVersion_namesTheBundledFilesChecksums() {
        String version = new MiniLmEmbeddingProvider().modelVersion(LocalEmbeddingModel.allMiniLmL6V2());

        assertThat(version).matches("all-minilm-l6-v2-q/onnx-crc32=[0-9a-f]+/tokenizer-crc32=[0-9a-f]+/.*");
        assertThat(new MiniLmEmbeddingProvider().modelVersion(LocalEmbeddingModel.allMiniLmL6V2()))
                .isEqualTo(version);
    }
}
