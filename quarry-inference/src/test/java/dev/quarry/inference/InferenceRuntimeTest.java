package dev.quarry.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.Description;
import dev.quarry.ErrorCode;
import dev.quarry.ModelUsage;
import dev.quarry.QuarryException;
import dev.quarry.inference.http.WireRequest;
import dev.quarry.inference.http.WireResponse;
import dev.quarry.models.CohereEmbeddingModel;
import dev.quarry.models.LocalEmbeddingModel;
import dev.quarry.models.OpenAIModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceRuntimeTest {
    private static final String KEY = "sk-test-SECRET-1234567890";
    private static final Duration LATENCY = Duration.ofMillis(200);

    @TempDir
    Path dataDir;

    private final ManualTime time = new ManualTime();

    private FakeTransport transport(Function<WireRequest, WireResponse> responder) {
        return new FakeTransport(time, LATENCY, responder);
    }

    private InferenceRuntime runtime(OpenAIModel model, FakeTransport transport) {
        return InferenceRuntime.builder()
                .languageModel("fast", model)
                .dataDir(dataDir)
                .timeSource(time)
                .transport(transport)
                .environment(Map.of("OPENAI_API_KEY", KEY)::get)
                .seed(1)
                .build();
    }

    private static OpenAIModel model() {
        return OpenAIModel.of("gpt-4.1-nano").rpm(600).tpm(1_000_000);
    }

    private static WireResponse ok(WireRequest r) {
        return FakeTransport.openAiAnswer("answer", 10, 5);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void chat_returnsAnswerAndAccountsUsage() {
        FakeTransport t = transport(InferenceRuntimeTest::ok);
        try (InferenceRuntime rt = runtime(model(), t)) {
            UsageKey key = UsageKey.of("q1", "map#1");
            CompletableFuture<ChatResult> f = rt.chat("fast", ChatRequest.of("hi"), key);
            time.advance(LATENCY);
            ChatResult r = f.join();
            assertThat(r.text()).isEqualTo("answer");
            assertThat(r.isOk()).isTrue();
            assertThat(r.usage().inputTokens()).isEqualTo(10);
            ModelUsage u = rt.usage().usage(key);
            assertThat(u.requests()).isEqualTo(1);
            assertThat(u.outputTokens()).isEqualTo(5);
            assertThat(u.costUsd()).isEqualTo((10 * 0.10 + 5 * 0.40) / 1_000_000);
            assertThat(rt.usage().usageOfQuery("q1", ModelKind.LANGUAGE)).isEqualTo(u);
            assertThat(rt.usage().usageOfQuery("q1", ModelKind.EMBEDDING)).isEqualTo(ModelUsage.NONE);
        }
    }

    @Test
    void chat_sendsBearerKeyAndBody() {
        FakeTransport t = transport(InferenceRuntimeTest::ok);
        try (InferenceRuntime rt = runtime(model(), t)) {
            rt.chat(
                    "fast",
                    ChatRequest.builder()
                            .system("sys")
                            .example("u1", "a1")
                            .user("hi")
                            .maxOutputTokens(7)
                            .build());
            WireRequest sent = t.sent.get(0);
            assertThat(sent.headers().get("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(sent.toString()).doesNotContain(KEY);
            assertThat(FakeTransport.body(sent))
                    .contains("\"max_completion_tokens\":7", "\"role\":\"system\"", "\"a1\"");
        }
    }

    @Test
    void chat_rpmLimitPacesRequestsAfterTheBurst() {
        FakeTransport t = transport(InferenceRuntimeTest::ok);
        try (InferenceRuntime rt =
                runtime(OpenAIModel.of("gpt-4.1-nano").rpm(60).tpm(1_000_000).maxConcurrency(500), t)) {
            for (int i = 0; i < 65; i++) rt.chat("fast", ChatRequest.of("q" + i));
            // the bucket starts full and keeps one second of refill (one request) as jitter headroom
            assertThat(t.sent).hasSize(59);
            time.advance(Duration.ofMillis(999));
            assertThat(t.sent).hasSize(59);
            time.advance(Duration.ofMillis(1));
            assertThat(t.sent).hasSize(60);
            time.advance(Duration.ofSeconds(1));
            assertThat(t.sent).hasSize(61);
            time.advance(Duration.ofSeconds(4));
            assertThat(t.sent).hasSize(65);
        }
    }

    @Test
    void chat_concurrencyCapHoldsRequests() {
        FakeTransport t = transport(InferenceRuntimeTest::ok);
        try (InferenceRuntime rt = runtime(model().maxConcurrency(2), t)) {
            List<CompletableFuture<ChatResult>> fs = new ArrayList<>();
            for (int i = 0; i < 5; i++) fs.add(rt.chat("fast", ChatRequest.of("q" + i)));
            assertThat(t.sent).hasSize(2);
            time.advance(Duration.ofSeconds(2));
            assertThat(fs).allSatisfy(f -> assertThat(f).isCompleted());
            assertThat(t.maxInFlight()).isEqualTo(2);
        }
    }

    @Test
    void chat_tpmReservationLearnsRealOutputLengths() {
        FakeTransport t = transport(InferenceRuntimeTest::ok);
        try (InferenceRuntime rt = runtime(model(), t)) {
            ChatRequest r =
                    ChatRequest.builder().user("hello").maxOutputTokens(4000).build();
            long before = rt.estimate("fast", r).outputTokens();
            for (int i = 0; i < 20; i++)
                rt.chat(
                        "fast",
                        ChatRequest.builder()
                                .user("q" + i)
                                .maxOutputTokens(4000)
                                .build());
            time.advance(Duration.ofSeconds(1));
            long after = rt.estimate("fast", r).outputTokens();
            assertThat(before).isEqualTo(4000); // the cap, until answers were seen
            assertThat(after).isLessThanOrEqualTo(6);
        }
    }

    @Test
    void chat_rateLimitedIsRetriedAfterRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        FakeTransport t = transport(r -> calls.getAndIncrement() == 0
                ? FakeTransport.json(
                        429,
                        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}",
                        Map.of("retry-after", List.of("2")))
                : ok(r));
        try (InferenceRuntime rt = runtime(model(), t)) {
            CompletableFuture<ChatResult> f = rt.chat("fast", ChatRequest.of("hi"), UsageKey.of("q", "o"));
            time.advance(Duration.ofSeconds(1));
            assertThat(t.sent).hasSize(1);
            assertThat(f).isNotDone();
            time.advance(Duration.ofSeconds(3));
            ChatResult r = f.join();
            assertThat(t.sent).hasSize(2);
            assertThat(r.usage().retries()).isEqualTo(1);
            assertThat(r.usage().rateLimited()).isEqualTo(1);
            assertThat(rt.usage().usage(UsageKey.of("q", "o")).rateLimited()).isEqualTo(1);
            assertThat(rt.rateFactor("fast")).isLessThan(1.0);
        }
    }

    @Test
    void chat_serverErrorsRetriedThenGiveUp() {
        FakeTransport t = transport(r -> FakeTransport.json(
                500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"));
        try (InferenceRuntime rt = InferenceRuntime.builder()
                .languageModel("fast", model())
                .dataDir(dataDir)
                .timeSource(time)
                .transport(t)
                .environment(Map.of("OPENAI_API_KEY", KEY)::get)
                .maxRetries(2)
                .build()) {
            CompletableFuture<ChatResult> f = rt.chat("fast", ChatRequest.of("hi"));
            time.advance(Duration.ofMinutes(2));
            Throwable e = failure(f);
            assertThat(e).isInstanceOf(TransientProviderException.class).hasMessageContaining("HTTP 500");
            assertThat(t.sent).hasSize(3);
        }
    }

    @Test
    void chat_authenticationFailureIsFatalAndNamesEverythingButTheKey() {
        FakeTransport t = transport(
                r -> FakeTransport.json(
                        401,
                        "{\"error\":{\"message\":\"Incorrect API key provided: sk-te****7890.\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        try (InferenceRuntime rt = runtime(model(), t)) {
            CompletableFuture<ChatResult> f = rt.chat("fast", ChatRequest.of("hi"));
            time.advance(Duration.ofSeconds(10));
            Throwable e = failure(f);
            assertThat(e).isInstanceOf(ProviderException.class).isNotInstanceOf(TransientProviderException.class);
            assertThat(((ProviderException) e).code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(e.getMessage())
                    .contains("'fast'", "openai", "HTTP 401", "Incorrect API key")
                    .doesNotContain(KEY);
            assertThat(t.sent).hasSize(1);
        }
    }

    @Test
    void chat_insufficientQuotaIsFatalNotRetried() {
        FakeTransport t = transport(
                r -> FakeTransport.json(
                        429,
                        "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}"));
        try (InferenceRuntime rt = runtime(model(), t)) {
            CompletableFuture<ChatResult> f = rt.chat("fast", ChatRequest.of("hi"));
            time.advance(Duration.ofSeconds(10));
            assertThat(((QuarryException) failure(f)).code()).isEqualTo(ErrorCode.QUOTA_EXHAUSTED);
            assertThat(t.sent).hasSize(1);
        }
    }

    @Test
    void chat_requestLargerThanTpmFailsAtOnce() {
        FakeTransport t = transport(InferenceRuntimeTest::ok);
        try (InferenceRuntime rt = runtime(OpenAIModel.of("gpt-4.1-nano").tpm(100), t)) {
            CompletableFuture<ChatResult> f = rt.chat("fast", ChatRequest.of("word ".repeat(200)));
            Throwable e = failure(f);
            assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.REQUEST_TOO_LARGE);
            assertThat(e.getMessage()).contains("tpm limit of 100");
            assertThat(t.sent).isEmpty();
        }
    }

    @Test
    void chat_missingKeyFailsNamingTheVariable() {
        FakeTransport t = transport(InferenceRuntimeTest::ok);
        try (InferenceRuntime rt = InferenceRuntime.builder()
                .languageModel("fast", model())
                .dataDir(dataDir)
                .timeSource(time)
                .transport(t)
                .environment(name -> null)
                .build()) {
            Throwable e = failure(rt.chat("fast", ChatRequest.of("hi")));
            assertThat(e.getMessage()).contains("'fast'", "OPENAI_API_KEY");
            assertThat(t.sent).isEmpty();
        }
    }

    @Test
    void chat_unknownAliasListsConfiguredOnes() {
        try (InferenceRuntime rt = runtime(model(), transport(InferenceRuntimeTest::ok))) {
            Throwable e = failure(rt.chat("smart", ChatRequest.of("hi")));
            assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.MODEL_NOT_CONFIGURED);
            assertThat(e.getMessage()).contains("'smart'", "configured: fast");
        }
    }

    @Test
    void chat_identicalRequestsInFlightAreSentOnce() {
        FakeTransport t = transport(InferenceRuntimeTest::ok);
        try (InferenceRuntime rt = runtime(model(), t)) {
            CompletableFuture<ChatResult> a = rt.chat("fast", ChatRequest.of("same"), UsageKey.of("q", "a"));
            CompletableFuture<ChatResult> b = rt.chat("fast", ChatRequest.of("same"), UsageKey.of("q", "b"));
            time.advance(LATENCY);
            assertThat(t.sent).hasSize(1);
            assertThat(a.join().text()).isEqualTo(b.join().text());
            assertThat(b.join().usage().cacheHit()).isTrue();
            assertThat(rt.usage().usage(UsageKey.of("q", "b")).cacheHits()).isEqualTo(1);
            assertThat(rt.usage().usage(UsageKey.of("q", "b")).requests()).isZero();
        }
    }

    @Test
    void chat_cachedAnswerSurvivesRestartAndSendsNothing() {
        FakeTransport t = transport(InferenceRuntimeTest::ok);
        try (InferenceRuntime rt = runtime(model(), t)) {
            CompletableFuture<ChatResult> f = rt.chat("fast", ChatRequest.of("remember me"));
            time.advance(LATENCY);
            f.join();
        }
        try (InferenceRuntime rt = runtime(model(), t)) {
            ChatResult r = rt.chat("fast", ChatRequest.of("remember me"), UsageKey.of("q2", "o"))
                    .join();
            assertThat(r.text()).isEqualTo("answer");
            assertThat(r.usage().cacheHit()).isTrue();
            assertThat(t.sent).hasSize(1);
            assertThat(rt.usage().usage(UsageKey.of("q2", "o")).cacheHits()).isEqualTo(1);
        }
    }

    @Test
    void chat_nonZeroTemperatureIsNotCached() {
        FakeTransport t = transport(InferenceRuntimeTest::ok);
        try (InferenceRuntime rt = runtime(model(), t)) {
            for (int i = 0; i < 2; i++) {
                CompletableFuture<ChatResult> f = rt.chat(
                        "fast", ChatRequest.builder().user("x").temperature(0.7).build());
                time.advance(LATENCY);
                f.join();
            }
            assertThat(t.sent).hasSize(2);
        }
    }

    @Test
    void chat_cacheOffPerModelSendsAgain() {
        FakeTransport t = transport(InferenceRuntimeTest::ok);
        try (InferenceRuntime rt = runtime(model().responseCache(false), t)) {
            for (int i = 0; i < 2; i++) {
                CompletableFuture<ChatResult> f = rt.chat("fast", ChatRequest.of("x"));
                time.advance(LATENCY);
                f.join();
            }
            assertThat(t.sent).hasSize(2);
        }
    }

    record Label(@Description("the label") String label) {}

    @Test
    void chat_schemaViolationIsBadOutputNotError() {
        FakeTransport t = transport(r -> FakeTransport.openAiAnswer("{\"labels\":1}", 10, 3));
        try (InferenceRuntime rt = runtime(model(), t)) {
            CompletableFuture<ChatResult> f = rt.chat(
                    "fast",
                    ChatRequest.builder()
                            .user("x")
                            .schema(OutputSchema.of(Label.class))
                            .build());
            time.advance(LATENCY);
            ChatResult r = f.join();
            assertThat(r.isOk()).isFalse();
            assertThat(r.badOutput().orElseThrow().kind()).isEqualTo(BadOutput.Kind.SCHEMA_VIOLATION);
            assertThat(r.badOutput().orElseThrow().message()).contains("label");
            assertThat(FakeTransport.body(t.sent.get(0))).contains("\"json_schema\"", "\"strict\":true");
        }
    }

    @Test
    void chat_validStructuredAnswerIsParsed() {
        FakeTransport t = transport(r -> FakeTransport.openAiAnswer("{\"label\":\"billing\"}", 10, 3));
        try (InferenceRuntime rt = runtime(model(), t)) {
            CompletableFuture<ChatResult> f = rt.chat(
                    "fast",
                    ChatRequest.builder()
                            .user("x")
                            .schema(OutputSchema.of(Label.class))
                            .build());
            time.advance(LATENCY);
            assertThat(f.join().json().orElseThrow().get("label").asText()).isEqualTo("billing");
        }
    }

    @Test
    void chat_invalidJsonIsBadOutput() {
        FakeTransport t = transport(r -> FakeTransport.openAiAnswer("{\"label\": ", 10, 3));
        try (InferenceRuntime rt = runtime(model(), t)) {
            CompletableFuture<ChatResult> f = rt.chat(
                    "fast",
                    ChatRequest.builder()
                            .user("x")
                            .schema(OutputSchema.of(Label.class))
                            .build());
            time.advance(LATENCY);
            assertThat(f.join().badOutput().orElseThrow().kind()).isEqualTo(BadOutput.Kind.INVALID_JSON);
        }
    }

    @Test
    void chat_truncatedAnswerIsBadOutputAndNotCached() {
        FakeTransport t = transport(
                r -> FakeTransport.json(
                        200,
                        "{\"choices\":[{\"message\":{\"content\":\"cut\"},\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5}}"));
        try (InferenceRuntime rt = runtime(model(), t)) {
            for (int i = 0; i < 2; i++) {
                CompletableFuture<ChatResult> f = rt.chat("fast", ChatRequest.of("x"));
                time.advance(LATENCY);
                assertThat(f.join().badOutput().orElseThrow().kind()).isEqualTo(BadOutput.Kind.TRUNCATED);
            }
            assertThat(t.sent).hasSize(2);
        }
    }

    @Test
    void chat_emptyChoicesIsBadOutput() {
        FakeTransport t = transport(r ->
                FakeTransport.json(200, "{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":0}}"));
        try (InferenceRuntime rt = runtime(model(), t)) {
            CompletableFuture<ChatResult> f = rt.chat("fast", ChatRequest.of("x"));
            time.advance(LATENCY);
            assertThat(f.join().badOutput().orElseThrow().kind()).isEqualTo(BadOutput.Kind.EMPTY);
        }
    }

    @Test
    void chat_malformedBodyIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        FakeTransport t =
                transport(r -> calls.getAndIncrement() == 0 ? FakeTransport.json(200, "{\"choices\":[{\"mess") : ok(r));
        try (InferenceRuntime rt = runtime(model(), t)) {
            CompletableFuture<ChatResult> f = rt.chat("fast", ChatRequest.of("x"));
            time.advance(Duration.ofSeconds(5));
            assertThat(f.join().text()).isEqualTo("answer");
            assertThat(f.join().usage().retries()).isEqualTo(1);
        }
    }

    @Test
    void embed_batchesUpToProviderLimitAndSendsDuplicatesOnce() {
        FakeTransport t = transport(r -> {
            int n = FakeTransport.body(r).split("\"t\\d+\"", -1).length - 1;
            StringBuilder vs = new StringBuilder();
            for (int i = 0; i < n; i++)
                vs.append(i == 0 ? "" : ",").append("[0.5,").append(i).append("]");
            return FakeTransport.json(
                    200,
                    "{\"id\":\"x\",\"embeddings\":{\"float\":[" + vs
                            + "]},\"meta\":{\"billed_units\":{\"input_tokens\":" + n + "}}}");
        });
        try (InferenceRuntime rt = InferenceRuntime.builder()
                .embeddingModel("emb", CohereEmbeddingModel.of("embed-v4.0"))
                .dataDir(dataDir)
                .timeSource(time)
                .transport(t)
                .environment(Map.of("COHERE_API_KEY", KEY)::get)
                .build()) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 200; i++) texts.add("t" + (i % 150));
            CompletableFuture<List<float[]>> f = rt.embed("emb", texts, UsageKey.of("q", "e"));
            time.advance(Duration.ofSeconds(1));
            List<float[]> v = f.join();
            assertThat(v).hasSize(200);
            assertThat(t.sent).hasSize(2); // 150 distinct texts, 96 per request
            assertThat(v.get(150)).isSameAs(v.get(0));
            assertThat(rt.usage()
                            .usage(UsageKey.of("q", "e"), ModelKind.EMBEDDING)
                            .requests())
                    .isEqualTo(2);
            assertThat(rt.usage().usage(UsageKey.of("q", "e")).inputTokens()).isEqualTo(150);
        }
    }

    @Test
    void embed_localModelWithoutImplementationFailsClearly() {
        try (InferenceRuntime rt = InferenceRuntime.builder()
                .embeddingModel("mini", LocalEmbeddingModel.allMiniLmL6V2())
                .dataDir(dataDir)
                .timeSource(time)
                .build()) {
            Throwable e = failure(rt.embed("mini", List.of("x")));
            assertThat(e.getMessage()).contains("'mini'", "quarry-embeddings-local");
            assertThat(rt.modelInfo("mini").dimensions()).isEqualTo(384);
        }
    }

    @Test
    void estimate_pricesFromCatalog() {
        try (InferenceRuntime rt = runtime(model(), transport(InferenceRuntimeTest::ok))) {
            RequestEstimate e = rt.estimate(
                    "fast",
                    ChatRequest.builder().user("hello").maxOutputTokens(100).build());
            assertThat(e.priced()).isTrue();
            assertThat(e.outputTokens()).isEqualTo(100);
            assertThat(e.costUsd()).isEqualTo((e.inputTokens() * 0.10 + 100 * 0.40) / 1_000_000);
        }
    }

    @Test
    void estimate_priceOverrideWins() {
        try (InferenceRuntime rt =
                runtime(OpenAIModel.of("my-model").price(1.0, 0.5, 2.0), transport(InferenceRuntimeTest::ok))) {
            assertThat(rt.modelInfo("fast").price().outputPerMillion()).isEqualTo(2.0);
            assertThat(rt.estimate("fast", ChatRequest.of("x")).priced()).isTrue();
        }
    }

    @Test
    void builder_sameAliasForChatAndEmbeddingIsRejected() {
        assertThatThrownBy(() -> InferenceRuntime.builder()
                        .languageModel("m", model())
                        .embeddingModel("m", CohereEmbeddingModel.of("embed-v4.0"))
                        .dataDir(dataDir)
                        .build())
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("'m'");
    }
}
