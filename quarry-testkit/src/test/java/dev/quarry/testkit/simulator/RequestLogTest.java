package dev.quarry.testkit.simulator;

import static dev.quarry.testkit.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.QuarryException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestLogTest {
    private static final String SECRET = "sk-very-secret-value";
    private LlmSimulator sim = LlmSimulator.builder().apiKey(SECRET).start();

    @AfterEach
    void close() {
        sim.close();
    }

    private HttpResponse<String> chat(String text) {
        return SimHttp.post(
                sim.baseUrl(Provider.OPENAI) + "/chat/completions",
                "{\"model\":\"gpt-4.1-nano\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}",
                "Authorization",
                "Bearer " + SECRET);
    }

    @Test
    void requests_recordWhatWasReceivedAndParsed() {
        chat("Classify this");

        RecordedRequest r = sim.requests().get(0);
        assertThat(r.sequence()).isZero();
        assertThat(r.endpoint()).isEqualTo(Endpoint.OPENAI_CHAT);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        assertThat(r.model()).isEqualTo("gpt-4.1-nano");
        assertThat(r.chat().lastUserText()).isEqualTo("Classify this");
        assertThat(r.body()).contains("Classify this");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.fault()).isEqualTo(FaultKind.NONE);
        assertThat(r.inputTokens()).isEqualTo(4 + 4);
    }

    @Test
    void requests_neverHoldTheApiKey() {
        chat("hello");

        RecordedRequest r = sim.requests().get(0);
        assertThat(r.header("Authorization")).isEqualTo("[redacted]");
        assertThat(r.toString()).doesNotContain(SECRET);
        assertThat(sim.toString()).doesNotContain(SECRET);
    }

    @Test
    void counters_countRequestsStatusesAndReportedTokens() {
        long input = json(chat("one")).at("/usage/prompt_tokens").asLong()
                + json(chat("two two")).at("/usage/prompt_tokens").asLong();
        SimHttp.post(sim.baseUrl(Provider.OPENAI) + "/chat/completions", "{}"); // 401

        Counters c = sim.counters();
        assertThat(c.requests()).isEqualTo(3);
        assertThat(c.requests(Endpoint.OPENAI_CHAT)).isEqualTo(3);
        assertThat(c.responses(200)).isEqualTo(2);
        assertThat(c.responses(401)).isEqualTo(1);
        assertThat(c.inputTokens()).isEqualTo(input);
        assertThat(c.outputTokens())
                .isEqualTo(sim.requests().stream()
                        .mapToLong(RecordedRequest::outputTokens)
                        .sum());
    }

    @Test
    void reset_clearsLogAndCounters() {
        chat("one");

        sim.reset();

        assertThat(sim.requests()).isEmpty();
        assertThat(sim.counters().requests()).isZero();
    }

    @Test
    void requestLogLimit_keepsTheNewestRequests() {
        sim.close();
        sim = LlmSimulator.builder().requestLogLimit(2).start();
        for (int i = 0; i < 4; i++) {
            SimHttp.post(
                    sim.baseUrl(Provider.OPENAI) + "/chat/completions",
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"m" + i + "\"}]}",
                    "Authorization",
                    "Bearer k");
        }

        assertThat(sim.requests()).extracting(RecordedRequest::sequence).containsExactly(2L, 3L);
        assertThat(sim.counters().requests()).isEqualTo(4);
    }

    @Test
    void manyConcurrentRequests_areAllAnsweredAndCounted() throws Exception {
        sim.close();
        sim = LlmSimulator.builder()
                .latency(Latency.fixed(Duration.ofMillis(50)))
                .start();
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl(Provider.OPENAI) + "/chat/completions"))
                    .header("Authorization", "Bearer k")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"c" + i + "\"}]}"))
                    .build();
            futures.add(SimHttp.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(futures).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));
        assertThat(sim.counters().responses(200)).isEqualTo(400);
        assertThat(sim.requests())
                .extracting(RecordedRequest::sequence)
                .doesNotHaveDuplicates()
                .hasSize(400);
    }

    @Test
    void answerFunctionFailure_answers500NamingTheCause() {
        sim.close();
        sim = LlmSimulator.builder()
                .answers(req -> {
                    throw new IllegalArgumentException("no answer for " + req.model());
                })
                .start();

        HttpResponse<String> r = SimHttp.post(
                sim.baseUrl(Provider.OPENAI) + "/chat/completions",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "Authorization",
                "Bearer k");

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r).at("/error/message").asText()).contains("IllegalArgumentException: no answer for m");
    }

    @Test
    void builder_invalidPort_isRejectedWithTheValue() {
        Assertions.assertThatThrownBy(() -> LlmSimulator.builder().port(70000))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("70000");
    }

    @Test
    void baseUrl_isLoopbackWithEachProvidersPath() {
        assertThat(sim.baseUrl(Provider.OPENAI)).isEqualTo("http://127.0.0.1:" + sim.port() + "/v1");
        assertThat(sim.baseUrl(Provider.ANTHROPIC)).isEqualTo("http://127.0.0.1:" + sim.port());
        assertThat(sim.baseUrl(Provider.GEMINI)).isEqualTo("http://127.0.0.1:" + sim.port());
        assertThat(sim.baseUrl(Provider.COHERE)).isEqualTo("http://127.0.0.1:" + sim.port());
    }
}
