package dev.quarry.inference.provider;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful chat response, normalized across providers.
 *
 * <pre>{@code new ChatReply("positive", null, "stop", new TokenUsage(20, 0, 1, 0), false)}</pre>
 *
 * @param text the answer text ("" when none)
 * @param structured the structured answer when the provider returns one as an object (Anthropic tool
 *     input), else null
 * @param finishReason {@code stop}, {@code length}, {@code refusal}, {@code content_filter} or {@code none}
 * @param usage the token usage
 * @param empty true when the response held no answer at all (no choices or candidates)
 */
public record ChatReply(String text, JsonNode structured, String finishReason, TokenUsage usage, boolean empty) {}
