package dev.quarry.testkit.simulator;

import static dev.quarry.testkit.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddingsTest {
    private LlmSimulator sim = LlmSimulator.builder().seed(11).start();

    @AfterEach
    void close() {
        sim.close();
    }

    private HttpResponse<String> openai(String body) {
        return SimHttp.post(sim.baseUrl(Provider.OPENAI) + "/embeddings", body, "Authorization", "Bearer sk-x");
    }

    private HttpResponse<String> cohere(String body) {
        return SimHttp.post(sim.baseUrl(Provider.COHERE) + "/v2/embed", body, "Authorization", "Bearer co-x");
    }

    private static double norm(JsonNode vector) {
        double sum = 0;
        for (JsonNode v : vector) {
            sum += v.asDouble() * v.asDouble();
        }
        return Math.sqrt(sum);
    }

    @Test
    void openAiEmbeddings_arrayInput_returnsUnitVectorsInOrder() {
        HttpResponse<String> r =
                openai("{\"model\":\"text-embedding-3-small\",\"input\":[\"alpha\",\"beta\"],\"dimensions\":64}");

        JsonNode b = json(r);
        assertThat(b.get("object").asText()).isEqualTo("list");
        assertThat(b.get("data")).hasSize(2);
        assertThat(b.at("/data/1/index").asInt()).isEqualTo(1);
        assertThat(b.at("/data/0/object").asText()).isEqualTo("embedding");
        assertThat(b.at("/data/0/embedding")).hasSize(64);
        assertThat(norm(b.at("/data/0/embedding"))).isCloseTo(1.0, within(1e-5));
        assertThat(b.at("/usage/prompt_tokens").asInt()).isEqualTo(2 + 1);
    }

    @Test
    void openAiEmbeddings_equalTexts_getEqualVectors_differentTextsDiffer() {
        JsonNode b = json(openai("{\"model\":\"text-embedding-3-small\",\"input\":[\"same\",\"same\",\"other\"]}"));

        assertThat(b.at("/data/0/embedding")).isEqualTo(b.at("/data/1/embedding"));
        assertThat(b.at("/data/0/embedding")).isNotEqualTo(b.at("/data/2/embedding"));
        assertThat(b.at("/data/0/embedding")).hasSize(1536);
    }

    @Test
    void openAiEmbeddings_base64Encoding_decodesToTheFloatVector() {
        JsonNode floats = json(openai("{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"dimensions\":8}"));
        JsonNode b64 = json(
                openai(
                        "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"dimensions\":8,\"encoding_format\":\"base64\"}"));

        ByteBuffer buf = ByteBuffer.wrap(
                        Base64.getDecoder().decode(b64.at("/data/0/embedding").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) {
            assertThat(buf.getFloat())
                    .isEqualTo(floats.at("/data/0/embedding/" + i).floatValue());
        }
    }

    @Test
    void openAiEmbeddings_emptyString_isRejected() {
        HttpResponse<String> r = openai("{\"model\":\"text-embedding-3-small\",\"input\":\"\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText()).startsWith("'$.input' is invalid.");
    }

    @Test
    void openAiEmbeddings_dimensionsAboveNative_isRejected() {
        HttpResponse<String> r = openai("{\"model\":\"text-embedding-3-small\",\"input\":\"a\",\"dimensions\":4000}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/param").asText()).isEqualTo("dimensions");
    }

    @Test
    void cohereEmbed_returnsFloatsTextsAndBilledUnits() {
        HttpResponse<String> r = cohere("{\"model\":\"embed-english-v3.0\",\"texts\":[\"hello world\",\"bye\"],"
                + "\"input_type\":\"search_document\",\"embedding_types\":[\"float\"]}");

        JsonNode b = json(r);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(b.get("id").asText()).isNotBlank();
        assertThat(b.at("/embeddings/float")).hasSize(2);
        assertThat(b.at("/embeddings/float/0")).hasSize(1024);
        assertThat(b.get("texts").get(1).asText()).isEqualTo("bye");
        assertThat(b.at("/meta/billed_units/input_tokens").asInt()).isEqualTo(3 + 1);
    }

    @Test
    void cohereEmbed_missingInputType_isRejectedWithCohereMessage() {
        HttpResponse<String> r =
                cohere("{\"model\":\"embed-english-v3.0\",\"texts\":[\"a\"],\"embedding_types\":[\"float\"]}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("message").asText())
                .isEqualTo("invalid request: valid input_type must be provided with the provided model");
    }

    @Test
    void cohereEmbed_moreThan96Texts_isRejected() {
        StringBuilder texts = new StringBuilder();
        for (int i = 0; i < 97; i++) {
            texts.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        HttpResponse<String> r = cohere("{\"model\":\"embed-english-v3.0\",\"texts\":[" + texts
                + "],\"input_type\":\"search_document\",\"embedding_types\":[\"float\"]}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("message").asText()).contains("at most 96 - received 97");
    }

    @Test
    void cohereEmbed_withoutKey_returns401() {
        HttpResponse<String> r = SimHttp.post(sim.baseUrl(Provider.COHERE) + "/v2/embed", "{}");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("message").asText()).isEqualTo("no api key supplied");
    }

    @Test
    void embeddingFunction_customFunction_isUsed() {
        sim.close();
        sim = LlmSimulator.builder()
                .embeddings((model, text, dims) -> new float[dims])
                .start();

        JsonNode b = json(openai("{\"model\":\"text-embedding-3-small\",\"input\":\"a\",\"dimensions\":4}"));

        assertThat(b.at("/data/0/embedding").toString()).isEqualTo("[0.0,0.0,0.0,0.0]");
    }

    @Test
    void hashedEmbeddings_dependOnTheSeed() {
        float[] a = EmbeddingFunction.hashed(1).embed("m", "text", 16);
        float[] b = EmbeddingFunction.hashed(2).embed("m", "text", 16);

        assertThat(a).isNotEqualTo(b);
        assertThat(EmbeddingFunction.hashed(1).embed("m", "text", 16)).isEqualTo(a);
    }
}
