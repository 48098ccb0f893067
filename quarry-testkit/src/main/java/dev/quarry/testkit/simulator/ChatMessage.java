package dev.quarry.testkit.simulator;

import static java.util.Objects.requireNonNull;

/**
 * One turn of a conversation as the simulator parsed it, whatever the provider's wire shape.
 * Roles are normalized to {@code user} and {@code assistant} (Gemini's {@code model} becomes
 * {@code assistant}); a system prompt is carried by {@link ChatRequest#system()}.
 *
 * <pre>{@code new ChatMessage("user", "Classify: the app crashes")}</pre>
 *
 * @param role {@code user} or {@code assistant} (or {@code system}/{@code developer}/{@code tool} as sent)
 * @param text the text parts of the turn, joined with newlines
 */
public record ChatMessage(String role, String text) {
    /** Validates both fields. */
    public ChatMessage {
        requireNonNull(role, "role is null");
        requireNonNull(text, "text is null");
    }
}
