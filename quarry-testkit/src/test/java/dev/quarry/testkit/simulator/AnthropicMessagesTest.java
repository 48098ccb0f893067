package dev.quarry.testkit.simulator;

import static dev.quarry.testkit.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicMessagesTest {
    private static final String KEY = "sk-ant-test";
    private static final String TOOL = "{\"name\":\"ticket\",\"description\":\"the ticket\",\"input_schema\":"
            + "{\"type\":\"object\",\"properties\":{\"product\":{\"type\":\"string\"},"
            + "\"angry\":{\"type\":\"boolean\"}},\"required\":[\"product\",\"angry\"]}}";

    private final MutableClock clock = new MutableClock();
    private LlmSimulator sim = LlmSimulator.builder().apiKey(KEY).clock(clock).start();

    @AfterEach
    void close() {
        sim.close();
    }

    private HttpResponse<String> messages(String body) {
        return SimHttp.post(
                sim.baseUrl(Provider.ANTHROPIC) + "/v1/messages",
                body,
                "x-api-key",
                KEY,
                "anthropic-version",
                "2023-06-01",
                "content-type",
                "application/json");
    }

    private static String body(String extra) {
        return "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":256,\"system\":\"Be brief.\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Where is my refund?\"}]" + extra + "}";
    }

    @Test
    void messages_validRequest_answersWithAnthropicShape() {
        HttpResponse<String> r = messages(body(""));

        JsonNode b = json(r);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(b.get("id").asText()).startsWith("msg_01");
        assertThat(b.get("type").asText()).isEqualTo("message");
        assertThat(b.get("role").asText()).isEqualTo("assistant");
        assertThat(b.get("model").asText()).isEqualTo("claude-haiku-4-5");
        assertThat(b.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(b.at("/content/0/text").asText()).contains("Where is my refund?");
        assertThat(b.get("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(b.at("/usage/input_tokens").asInt()).isEqualTo(3 + 4 + 5 + 4);
        assertThat(b.at("/usage/output_tokens").asInt()).isPositive();
        assertThat(b.at("/usage/cache_read_input_tokens").asInt()).isZero();
        assertThat(b.at("/usage/cache_creation_input_tokens").asInt()).isZero();
    }

    @Test
    void messages_forcedTool_answersToolUseWithSchemaValidInput() {
        HttpResponse<String> r =
                messages(body(",\"tools\":[" + TOOL + "],\"tool_choice\":{\"type\":\"tool\",\"name\":\"ticket\"}"));

        JsonNode b = json(r);
        assertThat(b.get("stop_reason").asText()).isEqualTo("tool_use");
        JsonNode block = b.at("/content/0");
        assertThat(block.get("type").asText()).isEqualTo("tool_use");
        assertThat(block.get("id").asText()).startsWith("toolu_01");
        assertThat(block.get("name").asText()).isEqualTo("ticket");
        assertThat(block.at("/input/product").isTextual()).isTrue();
        assertThat(block.at("/input/angry").isBoolean()).isTrue();
    }

    @Test
    void messages_missingMaxTokens_returnsFieldRequired() {
        HttpResponse<String> r =
                messages("{\"model\":\"claude-haiku-4-5\",\"messages\":[{\"role\":\"user\"," + "\"content\":\"hi\"}]}");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode b = json(r);
        assertThat(b.get("type").asText()).isEqualTo("error");
        assertThat(b.at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(b.at("/error/message").asText()).isEqualTo("max_tokens: Field required");
    }

    @Test
    void messages_withoutVersionHeader_isRejected() {
        HttpResponse<String> r =
                SimHttp.post(sim.baseUrl(Provider.ANTHROPIC) + "/v1/messages", body(""), "x-api-key", KEY);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText()).isEqualTo("anthropic-version: header is required");
    }

    @Test
    void messages_wrongKey_returnsAuthenticationError() {
        HttpResponse<String> r = SimHttp.post(
                sim.baseUrl(Provider.ANTHROPIC) + "/v1/messages",
                body(""),
                "x-api-key",
                "sk-ant-wrong",
                "anthropic-version",
                "2023-06-01");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).at("/error/type").asText()).isEqualTo("authentication_error");
        assertThat(r.body()).doesNotContain("sk-ant-wrong");
    }

    @Test
    void messages_temperatureAboveOne_isRejected() {
        HttpResponse<String> r = messages(body(",\"temperature\":1.5"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText())
                .isEqualTo("temperature: Input should be less than or equal to 1");
    }

    @Test
    void messages_toolChoiceNamingAnUnknownTool_isRejected() {
        HttpResponse<String> r =
                messages(body(",\"tools\":[" + TOOL + "],\"tool_choice\":{\"type\":\"tool\",\"name\":\"other\"}"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText()).contains("other");
    }

    @Test
    void messages_unknownModel_returnsNotFoundError() {
        sim.close();
        sim = LlmSimulator.builder().apiKey(KEY).models("claude-sonnet-4-5").start();

        HttpResponse<String> r = messages(body(""));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).at("/error/type").asText()).isEqualTo("not_found_error");
        assertThat(json(r).at("/error/message").asText()).isEqualTo("model: claude-haiku-4-5");
    }

    @Test
    void messages_maxTokensBelowTheAnswer_stopsWithMaxTokens() {
        HttpResponse<String> r = messages(body("").replace("\"max_tokens\":256", "\"max_tokens\":1"));

        assertThat(json(r).get("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(json(r).at("/usage/output_tokens").asInt()).isEqualTo(1);
    }

    @Test
    void messages_beyondInputTpm_returnsRateLimitErrorWithAnthropicHeaders() {
        sim.close();
        sim = LlmSimulator.builder()
                .apiKey(KEY)
                .inputTpm(20)
                .outputTpm(1000)
                .clock(clock)
                .start();
        messages(body(""));

        HttpResponse<String> r = messages(body(""));

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(json(r).at("/error/type").asText()).isEqualTo("rate_limit_error");
        assertThat(json(r).at("/error/message").asText()).contains("20 input tokens per minute");
        assertThat(r.headers().firstValue("retry-after")).isPresent();
        assertThat(r.headers().firstValue("anthropic-ratelimit-input-tokens-limit"))
                .hasValue("20");
        assertThat(r.headers().firstValue("anthropic-ratelimit-output-tokens-limit"))
                .hasValue("1000");
        assertThat(r.headers().firstValue("anthropic-ratelimit-input-tokens-reset"))
                .hasValueSatisfying(v -> assertThat(v).endsWith("Z"));
    }

    @Test
    void messages_success_carriesRequestHeadersWithRfc3339Reset() {
        sim.close();
        sim = LlmSimulator.builder().apiKey(KEY).rpm(60).clock(clock).start();

        HttpResponse<String> r = messages(body(""));

        assertThat(r.headers().firstValue("anthropic-ratelimit-requests-limit")).hasValue("60");
        assertThat(r.headers().firstValue("anthropic-ratelimit-requests-remaining"))
                .hasValue("59");
        assertThat(r.headers().firstValue("anthropic-ratelimit-requests-reset")).hasValue("2025-01-01T00:00:01Z");
    }

    @Test
    void messages_overloadedFault_returns529OverloadedError() {
        sim.faults(Faults.script(FaultKind.OVERLOADED));

        HttpResponse<String> r = messages(body(""));

        assertThat(r.statusCode()).isEqualTo(529);
        assertThat(json(r).at("/error/type").asText()).isEqualTo("overloaded_error");
    }
}
