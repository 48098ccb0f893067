package dev.quarry.inference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.inference.provider.ChatReply;
import dev.quarry.inference.provider.Json;
import java.io.IOException;
import java.util.List;

/** Turns a provider reply into a {@link ChatResult}: JSON parsing, schema validation, bad output. */
final class AnswerInterpreter {
    private AnswerInterpreter() {}

    static ChatResult interpret(ChatRequest request, ChatReply reply, CallUsage usage) {
        String text = reply.text() == null ? "" : reply.text();
        if (reply.empty()) {
            return bad(text, null, reply, usage, BadOutput.Kind.EMPTY, "The model returned no answer (no choices).");
        }
        if (reply.finishReason().equals("refusal") || reply.finishReason().equals("content_filter")) {
            return bad(
                    text,
                    null,
                    reply,
                    usage,
                    BadOutput.Kind.REFUSED,
                    "The model refused or a content filter stopped the answer (" + reply.finishReason() + "): "
                            + abbreviate(text));
        }
        if (reply.finishReason().equals("length")) {
            return bad(
                    text,
                    null,
                    reply,
                    usage,
                    BadOutput.Kind.TRUNCATED,
                    "The answer was cut off at the output token limit"
                            + (request.maxOutputTokens() != null ? " of " + request.maxOutputTokens() : "")
                            + "; raise maxOutputTokens.");
        }
        if (reply.structured() == null && text.isBlank()) {
            return bad(text, null, reply, usage, BadOutput.Kind.EMPTY, "The model returned an empty answer.");
        }
        if (request.schema() == null) {
            return new ChatResult(text, null, null, reply.finishReason(), usage);
        }
        JsonNode json = reply.structured();
        if (json == null) {
            try {
                json = Json.MAPPER.readTree(stripFences(text));
            } catch (IOException e) {
                return bad(
                        text,
                        null,
                        reply,
                        usage,
                        BadOutput.Kind.INVALID_JSON,
                        "The answer is not valid JSON: "
                                + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                                        ? j.getOriginalMessage()
                                        : e.getMessage()));
            }
            if (json == null || json.isMissingNode()) {
                return bad(text, null, reply, usage, BadOutput.Kind.INVALID_JSON, "The answer is not valid JSON.");
            }
        }
        List<String> errors = request.schema().validate(json);
        if (!errors.isEmpty()) {
            return bad(
                    text,
                    json,
                    reply,
                    usage,
                    BadOutput.Kind.SCHEMA_VIOLATION,
                    "The answer does not match the schema " + request.schema().name() + ": "
                            + String.join("; ", errors));
        }
        return new ChatResult(text, json, null, reply.finishReason(), usage);
    }

    private static ChatResult bad(
            String text, JsonNode json, ChatReply reply, CallUsage usage, BadOutput.Kind kind, String message) {
        return new ChatResult(text, json, new BadOutput(kind, message), reply.finishReason(), usage);
    }

    static String stripFences(String text) {
        String t = text.strip();
        if (t.startsWith("```")) {
            int nl = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (nl > 0 && end > nl) return t.substring(nl + 1, end).strip();
        }
        return t;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
