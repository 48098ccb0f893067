package dev.quarry.testkit.simulator;

import static dev.quarry.testkit.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultAnswersTest {

    private static ChatRequest request(String text, String schema, boolean jsonMode) {
        return new ChatRequest(
                Provider.OPENAI,
                "gpt-4.1-nano",
                null,
                List.of(new ChatMessage("user", text)),
                schema == null ? null : json(schema),
                schema == null ? null : "s",
                jsonMode,
                null,
                null);
    }

    @Test
    void answer_freeText_quotesTheLastUserMessageDeterministically() {
        String first = AnswerFunction.defaults().answer(request("The   export\nfails", null, false));

        assertThat(first).matches("Simulated answer [0-9a-f]{6} to: The export fails");
        assertThat(AnswerFunction.defaults().answer(request("The   export\nfails", null, false)))
                .isEqualTo(first);
    }

    @Test
    void answer_jsonModeWithoutSchema_isAJsonObject() {
        String answer = AnswerFunction.defaults().answer(request("reply in json", null, true));

        assertThat(json(answer).isObject()).isTrue();
    }

    @Test
    void answer_enumSchema_picksAValueKeyedOnThePrompt() {
        String schema = "{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\","
                + "\"enum\":[\"billing\",\"technical\",\"sales\"]}},\"required\":[\"label\"]}";

        String a = AnswerFunction.defaults().answer(request("ticket one", schema, true));

        assertThat(json(a).get("label").asText()).isIn("billing", "technical", "sales");
        assertThat(AnswerFunction.defaults().answer(request("ticket one", schema, true)))
                .isEqualTo(a);
    }

    @Test
    void promptTokens_followTheDocumentedRule() {
        ChatRequest r = new ChatRequest(
                Provider.ANTHROPIC,
                "m",
                "abcd",
                List.of(new ChatMessage("user", "abcde"), new ChatMessage("assistant", "")),
                null,
                null,
                false,
                null,
                null);

        assertThat(TokenCounter.promptTokens(r)).isEqualTo((1 + 4) + (2 + 4) + (0 + 4));
    }
}
