package dev.quarry.inference.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ErrorCode;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.inference.ProviderException;
import dev.quarry.inference.UsageKey;
import dev.quarry.models.CohereEmbeddingModel;
import dev.quarry.models.EmbeddingModelConfig;
import dev.quarry.models.GeminiEmbeddingModel;
import dev.quarry.models.OpenAIEmbeddingModel;
import dev.quarry.testkit.simulator.Endpoint;
import dev.quarry.testkit.simulator.FaultKind;
import dev.quarry.testkit.simulator.Faults;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The embedding clients of OpenAI, Cohere and Gemini against the simulator. */
class EmbeddingConformanceTest {
    static final String KEY = "emb-SECRET-key-0123456789";

    @TempDir
    Path dataDir;

    private LlmSimulator sim;
    private InferenceRuntime runtime;

    record Case(
            Provider provider,
            String variable,
            int batch,
            Endpoint endpoint,
            Function<String, EmbeddingModelConfig> config) {
        @Override
        public String toString() {
            return provider.name();
        }
    }

    static Stream<Arguments> providers() {
        return Stream.of(
                Arguments.of(new Case(
                        Provider.OPENAI,
                        "OPENAI_API_KEY",
                        2048,
                        Endpoint.OPENAI_EMBEDDINGS,
                        url -> OpenAIEmbeddingModel.of("text-embedding-3-small")
                                .baseUrl(url)
                                .rpm(10_000)
                                .tpm(10_000_000)
                                .requestTimeout(java.time.Duration.ofSeconds(3)))),
                Arguments.of(new Case(
                        Provider.COHERE,
                        "COHERE_API_KEY",
                        96,
                        Endpoint.COHERE_EMBED,
                        url -> CohereEmbeddingModel.of("embed-v4.0")
                                .baseUrl(url)
                                .rpm(10_000)
                                .requestTimeout(java.time.Duration.ofSeconds(3)))),
                Arguments.of(new Case(
                        Provider.GEMINI,
                        "GEMINI_API_KEY",
                        100,
                        Endpoint.GEMINI_BATCH_EMBED_CONTENTS,
                        url -> GeminiEmbeddingModel.of("gemini-embedding-001")
                                .baseUrl(url)
                                .rpm(10_000)
                                .tpm(10_000_000)
                                .requestTimeout(java.time.Duration.ofSeconds(3)))));
    }

    @AfterEach
    void stop() {
        if (runtime != null) runtime.close();
        if (sim != null) sim.close();
    }

    private InferenceRuntime start(Case c, LlmSimulator.Builder b) {
        sim = b.start();
        runtime = InferenceRuntime.builder()
                .embeddingModel("e", c.config().apply(sim.baseUrl(c.provider())))
                .dataDir(dataDir)
                .environment(Map.of(c.variable(), KEY)::get)
                .seed(3)
                .build();
        return runtime;
    }

    @ParameterizedTest
    @MethodSource("providers")
    void embed_batchesManyInputsPerRequestInOrder(Case c) {
        InferenceRuntime rt = start(c, LlmSimulator.builder());
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 250; i++) texts.add("document number " + i);
        List<float[]> v = rt.embed("e", texts, UsageKey.of("q", "emb")).join();
        assertThat(v).hasSize(250);
        assertThat(v).allSatisfy(x -> assertThat(x.length).isEqualTo(v.get(0).length));
        int expectedRequests = (250 + c.batch() - 1) / c.batch();
        assertThat(sim.counters().requests(c.endpoint())).isEqualTo(expectedRequests);
        assertThat(rt.usage().usage(UsageKey.of("q", "emb")).requests()).isEqualTo(expectedRequests);
        List<float[]> again = rt.embed("e", List.of("document number 7")).join();
        assertThat(again.get(0)).containsExactly(v.get(7));
        assertThat(sim.counters().requests(c.endpoint())).isEqualTo(expectedRequests); // served from the cache
    }

    @ParameterizedTest
    @MethodSource("providers")
    void embed_wrongKeyIsAuthenticationFailure(Case c) {
        InferenceRuntime rt = start(c, LlmSimulator.builder().apiKey("other"));
        try {
            rt.embed("e", List.of("x")).join();
            throw new AssertionError("expected a failure");
        } catch (CompletionException e) {
            assertThat(((ProviderException) e.getCause()).code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(e.getCause().getMessage()).doesNotContain(KEY);
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void embed_serverErrorIsRetried(Case c) {
        InferenceRuntime rt = start(
                c, LlmSimulator.builder().faults(Faults.script(FaultKind.SERVER_ERROR, FaultKind.CONNECTION_RESET)));
        assertThat(rt.embed("e", List.of("x", "y"), UsageKey.of("q", "r")).join())
                .hasSize(2);
        assertThat(rt.usage().usage(UsageKey.of("q", "r")).retries()).isEqualTo(2);
    }
}
