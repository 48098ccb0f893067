package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a semantic operator sends to a model besides the row values: the model alias, the
 * prompt template or instruction, the structured-output type, labels, few-shot examples and
 * request parameters. Built and validated by the analyzer; backend-neutral (the inference layer
 * turns {@code responseType} into a JSON Schema).
 *
 * @param modelAlias the configured model alias (resolved: never the implicit default)
 * @param template the Jinja prompt template (map, predicate, semantic join), or null
 * @param variables the template's root variables in order; they name the operator's inputs
 * @param instruction a fixed instruction (reduce, summarize), or null
 * @param responseType the record type of a structured answer (map with a format, extract), or null
 * @param labels the classes of a classify, in order; empty otherwise
 * @param examples few-shot examples, in order
 * @param temperature the sampling temperature, or null for the operator's default (0)
 * @param maxOutputTokens the output cap, or null for the operator's default
 * @param timeout the per-request timeout, or null for the model's default
 */
public record SemanticSpec(
        String modelAlias,
        String template,
        List<String> variables,
        String instruction,
        Class<?> responseType,
        List<Label> labels,
        List<Example> examples,
        Double temperature,
        Integer maxOutputTokens,
        Duration timeout) {

    /**
     * A class of a classify.
     *
     * @param name the label the model answers with
     * @param description what the class means, or null
     */
    public record Label(String name, String description) {
        /** Validates. */
        public Label {
            requireNonNull(name, "name is null");
        }
    }

    /**
     * A few-shot example: input values by template variable (or {@code "text"} for single-input
     * operators) and the expected output (a String, Boolean, or a record instance / Map for
     * structured output).
     *
     * @param inputs the input values by variable name, in order
     * @param output the expected answer
     */
    public record Example(Map<String, Object> inputs, Object output) {
        /** Validates and copies. */
        public Example {
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(inputs, "inputs is null")));
            requireNonNull(output, "output is null");
        }
    }

    /** Validates and copies. */
    public SemanticSpec {
        requireNonNull(modelAlias, "modelAlias is null");
        variables = List.copyOf(requireNonNull(variables, "variables is null"));
        labels = List.copyOf(requireNonNull(labels, "labels is null"));
        examples = List.copyOf(requireNonNull(examples, "examples is null"));
    }

    /**
     * The same spec for another model alias (the analyzer resolves the default alias to a configured one).
     *
     * <pre>{@code SemanticSpec resolved = spec.withModelAlias("fast");}</pre>
     *
     * @param alias the model alias
     * @return the copy
     */
    public SemanticSpec withModelAlias(String alias) {
        return new SemanticSpec(
                alias,
                template,
                variables,
                instruction,
                responseType,
                labels,
                examples,
                temperature,
                maxOutputTokens,
                timeout);
    }
}
