package dev.quarry.testkit.simulator;

import static java.util.Objects.requireNonNull;

/**
 * Decides what the simulated model answers. Returns the answer text; when the request asks for JSON
 * ({@link ChatRequest#jsonMode()}) the text should be a JSON document, which the simulator places
 * where each provider puts structured output (message content, tool-use input, candidate text).
 *
 * <p>Must be thread safe and should be deterministic: the simulator calls it from several threads.
 *
 * <pre>{@code
 * AnswerFunction answers = request -> request.lastUserText().contains("angry")
 *         ? "{\"angry\": true}" : "{\"angry\": false}";
 * LlmSimulator.builder().answers(answers).start();
 * }</pre>
 */
@FunctionalInterface
public interface AnswerFunction {

    /**
     * The answer for one request.
     *
     * <pre>{@code String text = AnswerFunction.defaults().answer(request);}</pre>
     *
     * @param request the parsed request
     * @return the answer text (never null)
     */
    String answer(ChatRequest request);

    /**
     * The default answers: for a request with a JSON Schema, a JSON value valid against it
     * (objects, arrays, enums, nullable, {@code anyOf}, {@code $ref}, nested), chosen
     * deterministically from the prompt; for JSON mode without a schema, a small JSON object; for
     * free text, a short deterministic sentence that quotes the start of the last user message.
     *
     * <pre>{@code AnswerFunction a = AnswerFunction.defaults();}</pre>
     *
     * @return the default answer function
     */
    static AnswerFunction defaults() {
        return DefaultAnswers.INSTANCE;
    }

    /**
     * Always answers {@code text}.
     *
     * <pre>{@code AnswerFunction.constant("{\"label\":\"billing\"}")}</pre>
     *
     * @param text the answer
     * @return a constant answer function
     */
    static AnswerFunction constant(String text) {
        requireNonNull(text, "text is null");
        return request -> text;
    }
}
