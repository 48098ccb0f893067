package dev.quarry.functions;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A few-shot example for a semantic operator: input values and the answer the model should give
 * for them. Pass examples with {@link SemanticOptions#examples(Example...)}; they are checked when
 * the column is built.
 *
 * <ul>
 *   <li>Operators that read one text ({@code extract}, {@code classify}, {@code analyzeSentiment},
 *       {@code summarize}) take {@link #of(String, Object)}.
 *   <li>Template operators ({@code map}, {@code predicate}) take {@link #of(Map, Object)} with one
 *       value per template variable; a semantic join's examples give {@code left} and {@code right}
 *       as maps of column values.
 * </ul>
 *
 * <pre>{@code
 * Semantic.classify(col("body"), ClassDefinition.labels("billing", "technical"),
 *         SemanticOptions.defaults().examples(
 *                 Example.of("I was charged twice this month", "billing"),
 *                 Example.of("The app crashes when I log in", "technical")));
 *
 * Semantic.predicate("Is this review about {{ product }} positive? {{ text }}",
 *         SemanticOptions.defaults().examples(
 *                 Example.of(Map.of("product", "kettle", "text", "Boils fast, love it"), true)));
 * }</pre>
 *
 * @param inputs the input values by name (template variable, or {@link #TEXT} for one text), in order
 * @param output the expected answer: a String (map, classify, sentiment, summarize), a Boolean
 *     (predicate, semantic join), or a record of the response type (extract, map with a format)
 */
public record Example(Map<String, Object> inputs, Object output) {
    /** The input name of the one text that single-text operators read. */
    public static final String TEXT = "text";

    /** Validates and copies; input values may be null. */
    public Example {
        requireNonNull(inputs, "inputs is null");
        if (inputs.isEmpty()) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "An example needs at least one input value, e.g. Example.of(\"I was charged twice\", \"billing\")");
        }
        for (String key : inputs.keySet()) {
            if (key == null || key.isBlank()) {
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT,
                        "An example's input names must be non-blank, got " + (key == null ? "null" : "'" + key + "'")
                                + " in " + inputs.keySet());
            }
        }
        if (output == null) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "An example needs the expected answer, got null for inputs " + inputs.keySet());
        }
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /**
     * An example for an operator that reads one text.
     *
     * <pre>{@code Example.of("I was charged twice this month", "billing")}</pre>
     *
     * @param text the input text
     * @param output the expected answer
     * @return the example
     */
    public static Example of(String text, Object output) {
        requireNonNull(text, "text is null");
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put(TEXT, text);
        return new Example(inputs, output);
    }

    /**
     * An example for a template operator: one value per template variable.
     *
     * <pre>{@code Example.of(Map.of("product", "kettle", "text", "Boils fast, love it"), true)}</pre>
     *
     * @param inputs the values by template variable
     * @param output the expected answer
     * @return the example
     */
    public static Example of(Map<String, ?> inputs, Object output) {
        requireNonNull(inputs, "inputs is null");
        return new Example(new LinkedHashMap<>(inputs), output);
    }
}
