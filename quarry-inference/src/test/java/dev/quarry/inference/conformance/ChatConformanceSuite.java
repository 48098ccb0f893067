package dev.quarry.inference.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Description;
import dev.quarry.ErrorCode;
import dev.quarry.ModelUsage;
import dev.quarry.inference.BadOutput;
import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.ChatResult;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.inference.OutputSchema;
import dev.quarry.inference.ProviderException;
import dev.quarry.inference.TransientProviderException;
import dev.quarry.inference.UsageKey;
import dev.quarry.models.LanguageModelConfig;
import dev.quarry.testkit.simulator.FaultKind;
import dev.quarry.testkit.simulator.Faults;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import dev.quarry.testkit.simulator.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One suite every chat provider client passes against the simulator: text and structured answers,
 * what reaches the wire, usage, every error class, every injected fault, and key redaction.
 */
abstract class ChatConformanceSuite {
    static final String KEY = "sk-conformance-SECRET-0123456789abcdef";

    @TempDir
    Path dataDir;

    private LlmSimulator sim;
    private InferenceRuntime runtime;

    /** The simulator's protocol for this provider. */
    abstract Provider provider();

    /** The provider's environment variable for the key. */
    abstract String keyVariable();

    /** A configuration for {@code model} served at {@code baseUrl}. */
    abstract LanguageModelConfig config(String model, String baseUrl);

    /** A model name the provider knows. */
    abstract String modelName();

    @AfterEach
    void stop() {
        if (runtime != null) runtime.close();
        if (sim != null) sim.close();
    }

    private InferenceRuntime start(LlmSimulator.Builder b) {
        LlmSimulator s = b.start();
        sim = s;
        runtime = InferenceRuntime.builder()
                .languageModel("m", config(modelName(), s.baseUrl(provider())))
                .dataDir(dataDir)
                .responseCache(false)
                .environment(Map.of(keyVariable(), KEY)::get)
                .seed(7)
                .build();
        return runtime;
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.join();
            throw new AssertionError("expected a failure");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    record Ticket(
            @Description("product named") String product,
            @Description("asks for a refund") boolean wantsRefund,
            @Description("error codes quoted") List<String> errorCodes,
            @Description("order id if any") Optional<String> orderId) {}

    private static ChatRequest structured() {
        return ChatRequest.builder()
                .system("Extract the ticket facts.")
                .user("My router R2 fails with E42, refund please")
                .schema(OutputSchema.of(Ticket.class))
                .maxOutputTokens(300)
                .build();
    }

    @Test
    void chat_textAnswerWithUsageMatchingTheServer() {
        InferenceRuntime rt = start(LlmSimulator.builder());
        UsageKey key = UsageKey.of("q", "op");
        ChatResult r =
                rt.chat("m", ChatRequest.of("Say something about routers"), key).join();
        assertThat(r.isOk()).isTrue();
        assertThat(r.text()).isNotBlank();
        ModelUsage u = rt.usage().usage(key);
        assertThat(u.requests()).isEqualTo(1);
        assertThat(u.inputTokens()).isEqualTo(sim.counters().inputTokens()).isPositive();
        assertThat(u.outputTokens()).isEqualTo(sim.counters().outputTokens()).isPositive();
    }

    @Test
    void chat_systemFewShotAndParametersReachTheWire() {
        InferenceRuntime rt = start(LlmSimulator.builder());
        rt.chat(
                        "m",
                        ChatRequest.builder()
                                .system("Answer in one word.")
                                .example("I love it", "positive")
                                .user("It broke")
                                .temperature(0)
                                .maxOutputTokens(5)
                                .build())
                .join();
        RecordedRequest rec = sim.requests().get(0);
        assertThat(rec.chat().system()).isEqualTo("Answer in one word.");
        assertThat(rec.chat().messages()).hasSize(3);
        assertThat(rec.chat().lastUserText()).isEqualTo("It broke");
        assertThat(rec.chat().maxOutputTokens()).isEqualTo(5);
        assertThat(rec.chat().temperature()).isEqualTo(0.0);
    }

    @Test
    void chat_structuredOutputIsValidAndParsed() {
        InferenceRuntime rt = start(LlmSimulator.builder());
        ChatResult r = rt.chat("m", structured()).join();
        assertThat(r.isOk()).as(r.toString()).isTrue();
        assertThat(r.json().orElseThrow().has("product")).isTrue();
        assertThat(OutputSchema.of(Ticket.class).validate(r.json().orElseThrow()))
                .isEmpty();
        assertThat(sim.requests().get(0).chat().schema()).isNotNull();
        assertThat(sim.counters().responses(200)).isEqualTo(1);
    }

    @Test
    void chat_wrongKeyIsAuthenticationFailureWithoutTheKey() {
        InferenceRuntime rt = start(LlmSimulator.builder().apiKey("the-right-key"));
        Throwable e = failure(rt.chat("m", ChatRequest.of("hi")));
        assertThat(e).isInstanceOf(ProviderException.class).isNotInstanceOf(TransientProviderException.class);
        assertThat(((ProviderException) e).code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        assertThat(e.getMessage())
                .contains("'m'", provider().name().toLowerCase(), "HTTP 40")
                .doesNotContain(KEY);
        assertThat(sim.counters().requests()).isEqualTo(1);
    }

    @Test
    void chat_unknownModelIsModelNotFound() {
        InferenceRuntime rt = start(LlmSimulator.builder().models("some-other-model"));
        Throwable e = failure(rt.chat("m", ChatRequest.of("hi")));
        assertThat(((ProviderException) e).code()).isEqualTo(ErrorCode.MODEL_NOT_FOUND);
        assertThat(((ProviderException) e).httpStatus()).isEqualTo(404);
    }

    @Test
    void chat_quotaExhaustedIsFatal() {
        InferenceRuntime rt = start(LlmSimulator.builder().faults(Faults.script(FaultKind.QUOTA_EXHAUSTED)));
        Throwable e = failure(rt.chat("m", ChatRequest.of("hi")));
        assertThat(((ProviderException) e).code()).isEqualTo(ErrorCode.QUOTA_EXHAUSTED);
        assertThat(sim.counters().requests()).isEqualTo(1);
    }

    private ChatResult answerAfterFaults(FaultKind... kinds) {
        LlmSimulator s = LlmSimulator.builder()
                .faults(Faults.script(kinds).hangFor(Duration.ofSeconds(10)))
                .start();
        sim = s;
        LanguageModelConfig base = config(modelName(), s.baseUrl(provider()));
        LanguageModelConfig withTimeout = base instanceof dev.quarry.models.HostedModelConfig<?> h
                ? (LanguageModelConfig) h.requestTimeout(Duration.ofMillis(700))
                : base;
        runtime = InferenceRuntime.builder()
                .languageModel("m", withTimeout)
                .dataDir(dataDir)
                .responseCache(false)
                .environment(Map.of(keyVariable(), KEY)::get)
                .seed(7)
                .build();
        return runtime.chat("m", ChatRequest.of("hello"), UsageKey.of("q", "f")).join();
    }

    @Test
    void chat_serverErrorIsRetried() {
        ChatResult r = answerAfterFaults(FaultKind.SERVER_ERROR, FaultKind.SERVER_ERROR);
        assertThat(r.isOk()).isTrue();
        assertThat(r.usage().retries()).isEqualTo(2);
        assertThat(runtime.usage().usage(UsageKey.of("q", "f")).retries()).isEqualTo(2);
    }

    @Test
    void chat_overloadedIsRetried() {
        assertThat(answerAfterFaults(FaultKind.OVERLOADED).usage().retries()).isEqualTo(1);
    }

    @Test
    void chat_injectedRateLimitIsRetriedAndCounted() {
        ChatResult r = answerAfterFaults(FaultKind.RATE_LIMITED);
        assertThat(r.usage().rateLimited()).isEqualTo(1);
        assertThat(r.usage().retries()).isEqualTo(1);
    }

    @Test
    void chat_timeoutIsRetried() {
        assertThat(answerAfterFaults(FaultKind.TIMEOUT).usage().retries()).isEqualTo(1);
    }

    @Test
    void chat_connectionResetIsRetried() {
        assertThat(answerAfterFaults(FaultKind.CONNECTION_RESET).usage().retries())
                .isEqualTo(1);
    }

    @Test
    void chat_malformedJsonIsRetried() {
        assertThat(answerAfterFaults(FaultKind.MALFORMED_JSON).usage().retries())
                .isEqualTo(1);
    }

    @Test
    void chat_truncatedOutputIsBadOutput() {
        ChatResult r = answerAfterFaults(FaultKind.TRUNCATED_OUTPUT);
        assertThat(r.badOutput().orElseThrow().kind()).isEqualTo(BadOutput.Kind.TRUNCATED);
    }

    @Test
    void chat_emptyChoicesIsBadOutput() {
        ChatResult r = answerAfterFaults(FaultKind.EMPTY_CHOICES);
        assertThat(r.badOutput().orElseThrow().kind()).isEqualTo(BadOutput.Kind.EMPTY);
    }

    @Test
    void chat_schemaViolationIsBadOutputWithTheValidationError() {
        InferenceRuntime rt = start(LlmSimulator.builder().faults(Faults.script(FaultKind.SCHEMA_VIOLATION)));
        ChatResult r = rt.chat("m", structured()).join();
        assertThat(r.badOutput().orElseThrow().kind())
                .isIn(BadOutput.Kind.SCHEMA_VIOLATION, BadOutput.Kind.INVALID_JSON);
        assertThat(r.badOutput().orElseThrow().message()).contains("Ticket");
    }

    @Test
    void chat_serverRateLimitsAreRespectedAndEveryRequestCompletes() {
        InferenceRuntime rt = start(LlmSimulator.builder().rpm(60));
        List<CompletableFuture<ChatResult>> fs = new ArrayList<>();
        for (int i = 0; i < 62; i++) fs.add(rt.chat("m", ChatRequest.of("request " + i)));
        for (CompletableFuture<ChatResult> f : fs) assertThat(f.join().isOk()).isTrue();
        assertThat(sim.counters().responses(200)).isEqualTo(62);
    }

    @Test
    void redaction_keyNeverInConfigToStringOrErrors() {
        InferenceRuntime rt = start(LlmSimulator.builder().apiKey("another-key"));
        LanguageModelConfig explicit = config(modelName(), sim.baseUrl(provider()));
        if (explicit instanceof dev.quarry.models.HostedModelConfig<?> h) {
            assertThat(h.apiKey(KEY).toString()).doesNotContain(KEY).contains("****");
        }
        Throwable e = failure(rt.chat("m", ChatRequest.of("hi")));
        assertThat(e.getMessage()).doesNotContain(KEY);
        assertThat(e.toString()).doesNotContain(KEY);
        for (RecordedRequest rec : sim.requests()) {
            assertThat(rec.headers().toString()).doesNotContain(KEY);
        }
    }
}
