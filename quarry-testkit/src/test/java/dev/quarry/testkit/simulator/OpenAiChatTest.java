package dev.quarry.testkit.simulator;

import static dev.quarry.testkit.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiChatTest {
    private static final String KEY = "sk-test-123";
    private static final String TICKET_SCHEMA = "{\"type\":\"object\",\"additionalProperties\":false,"
            + "\"required\":[\"product\",\"wantsRefund\",\"errorCodes\",\"priority\",\"note\"],"
            + "\"properties\":{\"product\":{\"type\":\"string\"},\"wantsRefund\":{\"type\":\"boolean\"},"
            + "\"errorCodes\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
            + "\"priority\":{\"type\":\"string\",\"enum\":[\"low\",\"high\"]},"
            + "\"note\":{\"type\":[\"string\",\"null\"]}}}";

    private LlmSimulator sim = LlmSimulator.builder().apiKey(KEY).seed(7).start();

    @AfterEach
    void close() {
        sim.close();
    }

    private HttpResponse<String> chat(String body) {
        return SimHttp.post(
                sim.baseUrl(Provider.OPENAI) + "/chat/completions",
                body,
                "Authorization",
                "Bearer " + KEY,
                "Content-Type",
                "application/json");
    }

    private static String simpleBody(String extra) {
        return "{\"model\":\"gpt-4.1-nano\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"Hello there\"}]" + extra + "}";
    }

    private static String schemaBody(String schema) {
        return "{\"model\":\"gpt-4.1-nano\",\"messages\":[{\"role\":\"user\",\"content\":\"Extract the ticket\"}],"
                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"ticket\",\"strict\":true,"
                + "\"schema\":" + schema + "}}}";
    }

    @Test
    void chatCompletion_validRequest_answersWithOpenAiShape() {
        HttpResponse<String> r = chat(simpleBody(""));

        JsonNode body = json(r);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body.get("id").asText()).startsWith("chatcmpl-");
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("created").isIntegralNumber()).isTrue();
        assertThat(body.get("model").asText()).isEqualTo("gpt-4.1-nano");
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("index").asInt()).isZero();
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(choice.get("message").get("content").asText()).contains("Hello there");
        assertThat(choice.get("message").get("refusal").isNull()).isTrue();
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.get("usage");
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt()
                        + usage.get("completion_tokens").asInt());
        assertThat(usage.at("/prompt_tokens_details/cached_tokens").asInt()).isZero();
        assertThat(usage.at("/completion_tokens_details/reasoning_tokens").asInt())
                .isZero();
    }

    @Test
    void chatCompletion_usage_followsTheDocumentedTokenRule() {
        JsonNode usage = json(chat(simpleBody(""))).get("usage");

        // "Be brief." = 9 chars -> 3 tokens, "Hello there" = 11 chars -> 3 tokens, + 4 per message
        assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(3 + 4 + 3 + 4);
    }

    @Test
    void chatCompletion_strictJsonSchema_answersJsonValidAgainstTheSchema() {
        HttpResponse<String> r = chat(schemaBody(TICKET_SCHEMA));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answer = json(json(r).at("/choices/0/message/content").asText());
        List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(json(TICKET_SCHEMA))
                .validate(answer);
        assertThat(errors).isEmpty();
        assertThat(answer.has("wantsRefund")).isTrue();
    }

    @Test
    void chatCompletion_strictSchemaWithoutAdditionalPropertiesFalse_isRejectedLikeOpenAi() {
        HttpResponse<String> r = chat(
                schemaBody("{\"type\":\"object\",\"required\":[\"a\"],\"properties\":{\"a\":{\"type\":\"string\"}}}"));

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = json(r).get("error");
        assertThat(error.get("message").asText())
                .isEqualTo("Invalid schema for response_format 'ticket': In context=(), 'additionalProperties' is"
                        + " required to be supplied and to be false.");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("param").asText()).isEqualTo("response_format");
        assertThat(error.get("code").isNull()).isTrue();
    }

    @Test
    void chatCompletion_strictSchemaWithIncompleteRequired_namesTheMissingProperty() {
        HttpResponse<String> r = chat(schemaBody("{\"type\":\"object\",\"additionalProperties\":false,"
                + "\"required\":[\"a\"],\"properties\":{\"a\":{\"type\":\"string\"},"
                + "\"inner\":{\"type\":\"object\",\"additionalProperties\":false,\"required\":[],"
                + "\"properties\":{\"b\":{\"type\":\"string\"}}}}}"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText())
                .endsWith("In context=(), 'required' is required to be supplied and to be an array including every"
                        + " key in properties. Missing 'inner'.");
    }

    @Test
    void chatCompletion_nestedObjectWithoutAdditionalPropertiesFalse_reportsItsContext() {
        HttpResponse<String> r = chat(schemaBody("{\"type\":\"object\",\"additionalProperties\":false,"
                + "\"required\":[\"inner\"],\"properties\":{\"inner\":{\"type\":\"object\","
                + "\"required\":[\"b\"],\"properties\":{\"b\":{\"type\":\"string\"}}}}}"));

        assertThat(json(r).at("/error/message").asText())
                .contains("In context=('properties', 'inner'), 'additionalProperties' is required");
    }

    @Test
    void chatCompletion_malformedJson_returns400InvalidRequest() {
        HttpResponse<String> r = chat("{\"model\": \"gpt-4.1-nano\", \"messages\": [");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText()).startsWith("We could not parse the JSON body");
        assertThat(json(r).at("/error/type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void chatCompletion_missingMessages_returnsMissingRequiredParameter() {
        HttpResponse<String> r = chat("{\"model\":\"gpt-4.1-nano\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = json(r).get("error");
        assertThat(error.get("message").asText()).isEqualTo("Missing required parameter: 'messages'.");
        assertThat(error.get("param").asText()).isEqualTo("messages");
        assertThat(error.get("code").asText()).isEqualTo("missing_required_parameter");
    }

    @Test
    void chatCompletion_temperatureAboveTwo_isRejected() {
        HttpResponse<String> r = chat(simpleBody(",\"temperature\":2.5"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("decimal_above_max_value");
    }

    @Test
    void chatCompletion_jsonObjectWithoutTheWordJson_isRejected() {
        HttpResponse<String> r = chat(simpleBody(",\"response_format\":{\"type\":\"json_object\"}"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText()).contains("must contain the word 'json'");
    }

    @Test
    void chatCompletion_withoutKey_returns401() {
        HttpResponse<String> r = SimHttp.post(sim.baseUrl(Provider.OPENAI) + "/chat/completions", simpleBody(""));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).at("/error/message").asText()).startsWith("You didn't provide an API key.");
    }

    @Test
    void chatCompletion_wrongKey_returns401InvalidApiKeyWithoutEchoingIt() {
        HttpResponse<String> r = SimHttp.post(
                sim.baseUrl(Provider.OPENAI) + "/chat/completions",
                simpleBody(""),
                "Authorization",
                "Bearer sk-wrong-secret");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("invalid_api_key");
        assertThat(r.body()).doesNotContain("sk-wrong-secret").doesNotContain("secret");
    }

    @Test
    void chatCompletion_unknownModelWhenModelsConfigured_returns404ModelNotFound() {
        sim.close();
        sim = LlmSimulator.builder().apiKey(KEY).models("gpt-4.1-mini").start();

        HttpResponse<String> r = chat(simpleBody(""));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("model_not_found");
        assertThat(json(r).at("/error/message").asText()).contains("gpt-4.1-nano");
    }

    @Test
    void chatCompletion_maxTokensBelowTheAnswer_cutsItWithFinishReasonLength() {
        JsonNode body = json(chat(simpleBody(",\"max_completion_tokens\":2")));

        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(body.at("/choices/0/message/content").asText()).hasSize(8);
        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void chatCompletion_sameSeedAndRequest_answersTheSameInTwoSimulators() {
        String first = json(chat(schemaBody(TICKET_SCHEMA)))
                .at("/choices/0/message/content")
                .asText();
        sim.close();
        sim = LlmSimulator.builder().apiKey(KEY).seed(7).start();

        String second = json(chat(schemaBody(TICKET_SCHEMA)))
                .at("/choices/0/message/content")
                .asText();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void chatCompletion_customAnswerFunction_seesTheParsedRequest() {
        sim.close();
        sim = LlmSimulator.builder()
                .apiKey(KEY)
                .answers(req -> req.system() + "|" + req.lastUserText() + "|" + req.maxOutputTokens())
                .start();

        JsonNode body = json(chat(simpleBody(",\"max_tokens\":50")));

        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Be brief.|Hello there|50");
    }

    @Test
    void unknownPath_returnsOpenAiInvalidUrl() {
        HttpResponse<String> r =
                SimHttp.post(sim.baseUrl(Provider.OPENAI) + "/completionz", "{}", "Authorization", "Bearer " + KEY);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).at("/error/message").asText()).isEqualTo("Invalid URL (POST /v1/completionz)");
    }

    @Test
    void models_listsConfiguredModels() {
        sim.close();
        sim = LlmSimulator.builder()
                .apiKey(KEY)
                .models("gpt-4.1-nano", "text-embedding-3-small")
                .start();

        JsonNode body = json(SimHttp.get(sim.baseUrl(Provider.OPENAI) + "/models", "Authorization", "Bearer " + KEY));

        assertThat(body.get("object").asText()).isEqualTo("list");
        assertThat(body.get("data").findValuesAsText("id"))
                .containsExactlyInAnyOrder("gpt-4.1-nano", "text-embedding-3-small");
    }
}
