package dev.quarry.inference;

import static java.util.Objects.requireNonNull;

/**
 * One example exchange shown to the model before the real input: what the user said and what the
 * assistant answered.
 *
 * <pre>{@code new FewShotExample("I love it!", "positive")}</pre>
 *
 * @param user the example input
 * @param assistant the expected answer (for a structured request, the JSON text)
 */
public record FewShotExample(String user, String assistant) {
    /** Validates that both sides are present. */
    public FewShotExample {
        requireNonNull(user, "few-shot user text is null");
        requireNonNull(assistant, "few-shot assistant text is null");
    }
}
