package dev.quarry.testkit.simulator;

import static dev.quarry.testkit.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private static final String SCHEMA = "{\"type\":\"object\",\"additionalProperties\":false,"
            + "\"required\":[\"label\",\"score\"],\"properties\":{\"label\":{\"type\":\"string\"},"
            + "\"score\":{\"type\":\"integer\"}}}";

    private LlmSimulator sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    private void start(Faults faults) {
        sim = LlmSimulator.builder().faults(faults).seed(5).start();
    }

    private HttpResponse<String> chat(String text) {
        return SimHttp.post(
                sim.baseUrl(Provider.OPENAI) + "/chat/completions", chatBody(text), "Authorization", "Bearer k");
    }

    private static String chatBody(String text) {
        return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}],"
                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"r\",\"strict\":true,"
                + "\"schema\":" + SCHEMA + "}}}";
    }

    @Test
    void serverError_returns500WithOpenAiBody() {
        start(Faults.script(FaultKind.SERVER_ERROR));

        HttpResponse<String> r = chat("a");

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(sim.counters().faults(FaultKind.SERVER_ERROR)).isEqualTo(1);
    }

    @Test
    void overloaded_returns503ForOpenAi() {
        start(Faults.script(FaultKind.OVERLOADED));

        assertThat(chat("a").statusCode()).isEqualTo(503);
    }

    @Test
    void rateLimited_returns429WithRetryAfterAndIsNotCountedAsALimiterRejection() {
        start(Faults.script(FaultKind.RATE_LIMITED));

        HttpResponse<String> r = chat("a");

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(r.headers().firstValue("retry-after")).hasValue("1");
        assertThat(sim.counters().rateLimited()).isZero();
        assertThat(sim.counters().faults(FaultKind.RATE_LIMITED)).isEqualTo(1);
    }

    @Test
    void quotaExhausted_returns429InsufficientQuota() {
        start(Faults.script(FaultKind.QUOTA_EXHAUSTED));

        HttpResponse<String> r = chat("a");

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("insufficient_quota");
    }

    @Test
    void timeout_sendsNoAnswerBeforeTheClientGivesUp() {
        start(Faults.script(FaultKind.TIMEOUT).hangFor(Duration.ofSeconds(5)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl(Provider.OPENAI) + "/chat/completions"))
                .header("Authorization", "Bearer k")
                .timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.ofString(chatBody("a")))
                .build();

        assertThatThrownBy(() -> SimHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(sim.requests().get(0).status()).isZero();
    }

    @Test
    void connectionReset_closesTheConnectionWithoutAResponse() {
        start(Faults.script(FaultKind.CONNECTION_RESET));

        assertThatThrownBy(() -> chat("a"))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(sim.counters().faults(FaultKind.CONNECTION_RESET)).isEqualTo(1);
    }

    @Test
    void malformedJson_sends200WithAnUnparseableBody() {
        start(Faults.script(FaultKind.MALFORMED_JSON));

        HttpResponse<String> r = chat("a");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> json(r)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void truncatedOutput_cutsTheAnswerWithFinishReasonLength() {
        start(Faults.script(FaultKind.NONE, FaultKind.TRUNCATED_OUTPUT));
        String full = json(chat("a")).at("/choices/0/message/content").asText();

        JsonNode cut = json(chat("a"));

        assertThat(cut.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(full).startsWith(cut.at("/choices/0/message/content").asText());
        assertThat(cut.at("/choices/0/message/content").asText()).hasSizeLessThan(full.length());
    }

    @Test
    void schemaViolation_answersJsonThatFailsTheSchema() {
        start(Faults.script(FaultKind.SCHEMA_VIOLATION));

        JsonNode answer = json(json(chat("a")).at("/choices/0/message/content").asText());

        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(json(SCHEMA))
                        .validate(answer))
                .isNotEmpty();
    }

    @Test
    void emptyChoices_answersWithNoChoice() {
        start(Faults.script(FaultKind.EMPTY_CHOICES));

        JsonNode body = json(chat("a"));

        assertThat(body.get("choices")).isEmpty();
    }

    @Test
    void script_appliesToTheFirstRequestsInOrderThenStops() {
        start(Faults.script(FaultKind.SERVER_ERROR, FaultKind.NONE, FaultKind.OVERLOADED));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(chat("a" + i).statusCode());
        }

        assertThat(statuses).containsExactly(500, 200, 503, 200);
    }

    @Test
    void rate_injectsAboutTheRequestedShare() {
        start(Faults.rate(0.25, FaultKind.SERVER_ERROR));

        int errors = 0;
        for (int i = 0; i < 200; i++) {
            errors += chat("req " + i).statusCode() == 500 ? 1 : 0;
        }

        assertThat(errors).isBetween(30, 70);
        assertThat(sim.counters().faults(FaultKind.SERVER_ERROR)).isEqualTo(errors);
    }

    @Test
    void rate_sameSeed_faultsTheSameRequests() {
        List<Integer> first = statuses(Faults.rate(0.3, FaultKind.SERVER_ERROR));
        List<Integer> second = statuses(Faults.rate(0.3, FaultKind.SERVER_ERROR));

        assertThat(second).isEqualTo(first).contains(500).contains(200);
    }

    private List<Integer> statuses(Faults faults) {
        start(faults);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(chat("req " + i).statusCode());
        }
        sim.close();
        sim = null;
        return out;
    }

    @Test
    void onlyFor_leavesOtherEndpointsAlone() {
        start(Faults.rate(1.0, FaultKind.SERVER_ERROR).onlyFor(Endpoint.OPENAI_CHAT));

        HttpResponse<String> embed = SimHttp.post(
                sim.baseUrl(Provider.OPENAI) + "/embeddings",
                "{\"model\":\"text-embedding-3-small\",\"input\":\"a\"}",
                "Authorization",
                "Bearer k");

        assertThat(embed.statusCode()).isEqualTo(200);
        assertThat(chat("a").statusCode()).isEqualTo(500);
    }

    @Test
    void truncatedEmbeddings_returnFewerVectorsThanInputs() {
        start(Faults.script(FaultKind.TRUNCATED_OUTPUT));

        JsonNode b = json(SimHttp.post(
                sim.baseUrl(Provider.OPENAI) + "/embeddings",
                "{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\",\"c\"]}",
                "Authorization",
                "Bearer k"));

        assertThat(b.get("data")).hasSize(2);
    }

    @Test
    void faults_replacedAtRunTime_restartTheScript() {
        start(Faults.none());
        assertThat(chat("a").statusCode()).isEqualTo(200);

        sim.faults(Faults.script(FaultKind.SERVER_ERROR));

        assertThat(chat("a").statusCode()).isEqualTo(500);
        assertThat(chat("a").statusCode()).isEqualTo(200);
    }

    @Test
    void rejectedRequests_areNeverFaulted() {
        start(Faults.rate(1.0, FaultKind.SERVER_ERROR));

        HttpResponse<String> r = SimHttp.post(sim.baseUrl(Provider.OPENAI) + "/chat/completions", chatBody("a"));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(sim.counters().faultsInjected()).isZero();
    }
}
