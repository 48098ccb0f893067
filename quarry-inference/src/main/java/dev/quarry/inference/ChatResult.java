package dev.quarry.inference;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The answer to a {@link ChatRequest}: the text, the parsed JSON when a schema was given, the usage
 * of this call, and — when the answer cannot be used — a {@link BadOutput} saying why. Fatal errors
 * (authentication, invalid request, unknown model, exhausted quota) are not results: they complete
 * the future exceptionally with a {@link ProviderException}.
 *
 * <pre>{@code
 * ChatResult r = runtime.chat("fast", request, key).join();
 * if (r.isOk()) {
 *     JsonNode info = r.json().orElseThrow();
 * } else {
 *     System.out.println(r.badOutput().get().message());
 * }
 * }</pre>
 */
public final class ChatResult {
    private final String text;
    private final JsonNode json;
    private final BadOutput badOutput;
    private final String finishReason;
    private final CallUsage usage;

    /**
     * Creates a result.
     *
     * <pre>{@code new ChatResult("positive", null, null, "stop", usage)}</pre>
     *
     * @param text the answer text ("" when none)
     * @param json the parsed answer when a schema was given and the text is JSON, else null
     * @param badOutput why the answer cannot be used, null when it can
     * @param finishReason the normalized finish reason: {@code stop}, {@code length}, {@code refusal}, ...
     * @param usage this call's usage
     */
    public ChatResult(String text, JsonNode json, BadOutput badOutput, String finishReason, CallUsage usage) {
        this.text = requireNonNull(text, "text is null");
        this.json = json;
        this.badOutput = badOutput;
        this.finishReason = requireNonNull(finishReason, "finishReason is null");
        this.usage = requireNonNull(usage, "usage is null");
    }

    /**
     * The answer text; for a structured answer, the JSON text.
     *
     * <pre>{@code String label = r.text().strip();}</pre>
     *
     * @return the text, "" when the provider returned none
     */
    public String text() {
        return text;
    }

    /**
     * The parsed answer when a schema was given and the answer is JSON (even if it violates the
     * schema; then {@link #badOutput()} is present too).
     *
     * <pre>{@code r.json().map(j -> j.get("product").asText())}</pre>
     *
     * @return the JSON
     */
    public Optional<JsonNode> json() {
        return Optional.ofNullable(json);
    }

    /**
     * Why the answer cannot be used, empty when it can.
     *
     * <pre>{@code r.badOutput().ifPresent(b -> log(b.kind(), b.message()));}</pre>
     *
     * @return the bad-output outcome
     */
    public Optional<BadOutput> badOutput() {
        return Optional.ofNullable(badOutput);
    }

    /**
     * True when the answer can be used.
     *
     * <pre>{@code if (r.isOk()) use(r.text());}</pre>
     *
     * @return whether there is no bad output
     */
    public boolean isOk() {
        return badOutput == null;
    }

    /**
     * The normalized finish reason: {@code stop}, {@code length}, {@code refusal}, {@code content_filter}
     * or {@code none}.
     *
     * <pre>{@code boolean cut = r.finishReason().equals("length");}</pre>
     *
     * @return the finish reason
     */
    public String finishReason() {
        return finishReason;
    }

    /**
     * This call's usage.
     *
     * <pre>{@code long out = r.usage().outputTokens();}</pre>
     *
     * @return the usage
     */
    public CallUsage usage() {
        return usage;
    }

    @Override
    public String toString() {
        return "ChatResult[" + (badOutput == null ? "ok" : badOutput.kind()) + ", finish=" + finishReason + ", text="
                + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + ", " + usage + "]";
    }
}
