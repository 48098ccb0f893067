package dev.quarry.testkit.simulator;

import static dev.quarry.testkit.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GeminiTest {
    private static final String KEY = "gm-test";
    private LlmSimulator sim = LlmSimulator.builder().apiKey(KEY).start();

    @AfterEach
    void close() {
        sim.close();
    }

    private String url(String model, String method) {
        return sim.baseUrl(Provider.GEMINI) + "/v1beta/models/" + model + ":" + method;
    }

    private HttpResponse<String> generate(String body) {
        return SimHttp.post(url("gemini-2.5-flash", "generateContent"), body, "x-goog-api-key", KEY);
    }

    private static final String SIMPLE = "{\"systemInstruction\":{\"parts\":[{\"text\":\"Be brief.\"}]},"
            + "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Summarize the ticket\"}]}]}";

    @Test
    void generateContent_validRequest_answersWithGeminiShape() {
        HttpResponse<String> r = generate(SIMPLE);

        JsonNode b = json(r);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode cand = b.at("/candidates/0");
        assertThat(cand.at("/content/role").asText()).isEqualTo("model");
        assertThat(cand.at("/content/parts/0/text").asText()).contains("Summarize the ticket");
        assertThat(cand.get("finishReason").asText()).isEqualTo("STOP");
        assertThat(cand.get("index").asInt()).isZero();
        JsonNode usage = b.get("usageMetadata");
        assertThat(usage.get("promptTokenCount").asInt()).isEqualTo(3 + 4 + 5 + 4);
        assertThat(usage.get("totalTokenCount").asInt())
                .isEqualTo(usage.get("promptTokenCount").asInt()
                        + usage.get("candidatesTokenCount").asInt());
        assertThat(b.get("modelVersion").asText()).isEqualTo("gemini-2.5-flash");
    }

    @Test
    void generateContent_keyInQueryParameter_isAccepted() {
        HttpResponse<String> r = SimHttp.post(url("gemini-2.5-flash", "generateContent") + "?key=" + KEY, SIMPLE);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sim.requests().get(0).query()).isEqualTo("key=[redacted]");
    }

    @Test
    void generateContent_responseSchema_answersJsonMatchingIt() {
        HttpResponse<String> r = generate("{\"contents\":[{\"parts\":[{\"text\":\"Extract\"}]}],"
                + "\"generationConfig\":{\"responseMimeType\":\"application/json\",\"responseSchema\":{"
                + "\"type\":\"OBJECT\",\"properties\":{\"label\":{\"type\":\"STRING\",\"enum\":[\"billing\",\"tech\"]},"
                + "\"score\":{\"type\":\"INTEGER\",\"minimum\":1,\"maximum\":5},\"note\":{\"type\":\"STRING\","
                + "\"nullable\":true}},\"required\":[\"label\",\"score\"]}}}");

        JsonNode answer = json(json(r).at("/candidates/0/content/parts/0/text").asText());
        assertThat(answer.get("label").asText()).isIn("billing", "tech");
        assertThat(answer.get("score").asInt()).isBetween(1, 5);
    }

    @Test
    void generateContent_responseSchemaWithAdditionalProperties_isRejectedAsUnknownName() {
        HttpResponse<String> r = generate("{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}],\"generationConfig\":{"
                + "\"responseMimeType\":\"application/json\",\"responseSchema\":{\"type\":\"OBJECT\","
                + "\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":\"STRING\"}}}}}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(json(r).at("/error/message").asText())
                .isEqualTo("Invalid JSON payload received. Unknown name \"additionalProperties\" at"
                        + " 'generation_config.response_schema': Cannot find field.");
    }

    @Test
    void generateContent_missingContents_returnsInvalidArgument() {
        HttpResponse<String> r = generate("{}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/code").asInt()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText())
                .isEqualTo("* GenerateContentRequest.contents: contents is not specified\n");
    }

    @Test
    void generateContent_withoutKey_returnsPermissionDenied() {
        HttpResponse<String> r = SimHttp.post(url("gemini-2.5-flash", "generateContent"), SIMPLE);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).at("/error/status").asText()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void generateContent_wrongKey_returnsApiKeyInvalid() {
        HttpResponse<String> r =
                SimHttp.post(url("gemini-2.5-flash", "generateContent"), SIMPLE, "x-goog-api-key", "nope");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/details/0/reason").asText()).isEqualTo("API_KEY_INVALID");
    }

    @Test
    void generateContent_unknownModel_returnsNotFound() {
        sim.close();
        sim = LlmSimulator.builder().apiKey(KEY).models("gemini-2.5-pro").start();

        HttpResponse<String> r = generate(SIMPLE);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).at("/error/status").asText()).isEqualTo("NOT_FOUND");
        assertThat(json(r).at("/error/message").asText()).startsWith("models/gemini-2.5-flash is not found");
    }

    @Test
    void generateContent_beyondRpm_returnsResourceExhaustedWithRetryInfo() {
        sim.close();
        sim = LlmSimulator.builder()
                .apiKey(KEY)
                .rpm(1)
                .clock(new MutableClock())
                .start();
        generate(SIMPLE);

        HttpResponse<String> r = generate(SIMPLE);

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(json(r).at("/error/status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(json(r).at("/error/details").findValuesAsText("retryDelay")).containsExactly("60s");
    }

    @Test
    void generateContent_maxOutputTokens_cutsWithMaxTokens() {
        HttpResponse<String> r = generate("{\"contents\":[{\"parts\":[{\"text\":\"Tell me a long story\"}]}],"
                + "\"generationConfig\":{\"maxOutputTokens\":2}}");

        assertThat(json(r).at("/candidates/0/finishReason").asText()).isEqualTo("MAX_TOKENS");
    }

    @Test
    void embedContent_returnsOneVectorOfTheRequestedDimensions() {
        HttpResponse<String> r = SimHttp.post(
                url("gemini-embedding-001", "embedContent"),
                "{\"content\":{\"parts\":[{\"text\":\"hello\"}]},\"outputDimensionality\":256}",
                "x-goog-api-key",
                KEY);

        assertThat(json(r).at("/embedding/values").size()).isEqualTo(256);
    }

    @Test
    void batchEmbedContents_returnsOneVectorPerRequest() {
        HttpResponse<String> r = SimHttp.post(
                url("text-embedding-004", "batchEmbedContents"),
                "{\"requests\":[{\"model\":\"models/text-embedding-004\",\"content\":{\"parts\":[{\"text\":\"a\"}]}},"
                        + "{\"model\":\"models/text-embedding-004\",\"content\":{\"parts\":[{\"text\":\"b\"}]}}]}",
                "x-goog-api-key",
                KEY);

        JsonNode embeddings = json(r).get("embeddings");
        assertThat(embeddings).hasSize(2);
        assertThat(embeddings.get(0).get("values")).hasSize(768);
    }

    @Test
    void batchEmbedContents_modelDifferentFromTheUrl_isRejected() {
        HttpResponse<String> r = SimHttp.post(
                url("text-embedding-004", "batchEmbedContents"),
                "{\"requests\":[{\"model\":\"models/other\",\"content\":{\"parts\":[{\"text\":\"a\"}]}}]}",
                "x-goog-api-key",
                KEY);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText()).contains("requests[0].model");
    }
}
