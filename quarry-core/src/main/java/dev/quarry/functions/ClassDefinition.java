package dev.quarry.functions;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.util.ArrayList;
import java.util.List;

/**
 * A class of {@link Semantic#classify(dev.quarry.Column, List)}: the label the model answers with
 * and, optionally, what the class means.
 *
 * <pre>{@code
 * Semantic.classify(col("body"), List.of(
 *         ClassDefinition.of("billing", "invoices, charges, refunds and payment methods"),
 *         ClassDefinition.of("technical", "crashes, errors and anything that does not work")));
 * }</pre>
 *
 * @param label the label, non-blank
 * @param description what the class means, or null
 */
public record ClassDefinition(String label, String description) {
    /** Validates. */
    public ClassDefinition {
        if (label == null || label.isBlank()) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "A class label must be a non-blank string, got " + (label == null ? "null" : "'" + label + "'"));
        }
        if (description != null && description.isBlank()) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "The description of class '" + label + "' is blank; describe the class or use"
                            + " ClassDefinition.of(\"" + label + "\")");
        }
    }

    /**
     * A class with a description.
     *
     * <pre>{@code ClassDefinition.of("billing", "invoices, charges, refunds and payment methods")}</pre>
     *
     * @param label the label
     * @param description what the class means
     * @return the class
     */
    public static ClassDefinition of(String label, String description) {
        requireNonNull(description, "description is null");
        return new ClassDefinition(label, description);
    }

    /**
     * A class without a description.
     *
     * <pre>{@code ClassDefinition.of("billing")}</pre>
     *
     * @param label the label
     * @return the class
     */
    public static ClassDefinition of(String label) {
        return new ClassDefinition(label, null);
    }

    /**
     * Classes without descriptions, one per label, in order.
     *
     * <pre>{@code Semantic.classify(col("body"), ClassDefinition.labels("billing", "technical"), options)}</pre>
     *
     * @param labels the labels
     * @return the classes
     */
    public static List<ClassDefinition> labels(String... labels) {
        requireNonNull(labels, "labels is null");
        List<ClassDefinition> out = new ArrayList<>(labels.length);
        for (String l : labels) {
            out.add(new ClassDefinition(l, null));
        }
        return out;
    }
}
