package dev.quarry.internal.analyzer;

import static java.util.Objects.requireNonNull;

import dev.quarry.Description;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.functions.ClassDefinition;
import dev.quarry.functions.Example;
import dev.quarry.functions.SemanticOptions;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.expr.SemanticSpec;
import dev.quarry.internal.expr.SortKey;
import dev.quarry.internal.expr.UnresolvedColumn;
import dev.quarry.internal.template.Template;
import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.StructType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the unresolved {@link SemanticFunction}s behind {@code dev.quarry.functions.Semantic} and
 * checks everything that does not depend on a DataFrame: template syntax, response records, labels,
 * examples and options. The model alias is left as {@link #DEFAULT_MODEL} when none was named; the
 * analyzer ({@link SemanticResolver}) resolves it, the columns and the result type.
 */
public final class SemanticCalls {
    /** The model alias of a call that named none, replaced by the session's default when resolved. */
    public static final String DEFAULT_MODEL = "";

    /** The answers of {@code analyzeSentiment}, in order. */
    public static final List<String> SENTIMENTS = List.of("positive", "negative", "neutral");

    private SemanticCalls() {}

    /**
     * A template operator: {@code map} (text or structured) or {@code predicate}. Its inputs are
     * the template's variables, as unresolved columns.
     *
     * <pre>{@code SemanticCalls.template(Kind.PREDICATE, "Is {{ body }} angry?", null, options, "Semantic.predicate")}</pre>
     *
     * @param kind MAP or PREDICATE
     * @param template the Jinja template
     * @param responseType the record of a structured map, or null
     * @param options the options
     * @param operation the operation as the user wrote it, for messages
     * @return the unresolved function
     */
    public static SemanticFunction template(
            Kind kind, String template, Class<?> responseType, SemanticOptions options, String operation) {
        requireNonNull(options, "options is null");
        Template parsed = parseTemplate(template, operation);
        List<String> variables = new ArrayList<>(parsed.variables());
        if (variables.isEmpty()) {
            throw Errors.invalidArgument(operation + "'s template reads no column, so every row would get the same"
                    + " answer: \"" + abbreviate(template) + "\". Name the columns it reads, e.g. {{ body }}");
        }
        StructType struct = responseType == null ? null : responseStruct(responseType, operation);
        List<SemanticSpec.Example> examples = new ArrayList<>();
        for (int i = 0; i < options.examples().size(); i++) {
            Example e = options.examples().get(i);
            checkExampleInputs(e, variables, i, operation);
            Object output = kind == Kind.PREDICATE
                    ? checkOutput(e.output(), Boolean.class, i, operation, "true or false")
                    : responseType == null
                            ? checkOutput(e.output(), String.class, i, operation, "a string")
                            : checkRecordOutput(e.output(), responseType, i, operation);
            examples.add(new SemanticSpec.Example(e.inputs(), output));
        }
        List<Expression> inputs = new ArrayList<>();
        for (String v : variables) {
            inputs.add(new UnresolvedColumn(v));
        }
        DataType type = kind == Kind.PREDICATE ? ScalarType.BOOLEAN : struct != null ? struct : ScalarType.STRING;
        SemanticSpec spec = spec(options, template, variables, null, responseType, List.of(), examples);
        return new SemanticFunction(kind, inputs, spec, type);
    }

    /**
     * An operator reading one text: EXTRACT, CLASSIFY, SENTIMENT, SUMMARIZE or EMBED.
     *
     * <pre>{@code SemanticCalls.text(Kind.SUMMARIZE, col("body").expression(), null, List.of(), options, "Semantic.summarize")}</pre>
     *
     * @param kind the operator
     * @param text the unresolved text expression
     * @param responseType the record of an extract, or null
     * @param classes the classes of a classify, else empty
     * @param options the options
     * @param operation the operation as the user wrote it, for messages
     * @return the unresolved function
     */
    public static SemanticFunction text(
            Kind kind,
            Expression text,
            Class<?> responseType,
            List<ClassDefinition> classes,
            SemanticOptions options,
            String operation) {
        requireNonNull(text, "text is null");
        requireNonNull(options, "options is null");
        StructType struct = responseType == null ? null : responseStruct(responseType, operation);
        List<SemanticSpec.Label> labels = kind == Kind.CLASSIFY ? labels(classes, operation) : List.of();
        if (kind == Kind.EMBED) {
            rejectGenerationOptions(options, operation);
        }
        List<String> labelNames = new ArrayList<>();
        for (SemanticSpec.Label l : labels) {
            labelNames.add(l.name());
        }
        List<SemanticSpec.Example> examples = new ArrayList<>();
        for (int i = 0; i < options.examples().size(); i++) {
            Example e = options.examples().get(i);
            Object input = singleInput(e, i, operation);
            Object output = switch (kind) {
                case EXTRACT -> checkRecordOutput(e.output(), responseType, i, operation);
                case CLASSIFY -> checkChoice(e.output(), labelNames, i, operation, "labels");
                case SENTIMENT -> checkChoice(e.output(), SENTIMENTS, i, operation, "sentiments");
                default -> checkOutput(e.output(), String.class, i, operation, "a string");
            };
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put(Example.TEXT, input);
            examples.add(new SemanticSpec.Example(inputs, output));
        }
        DataType type = switch (kind) {
            case EXTRACT -> struct;
            case CLASSIFY, SENTIMENT, SUMMARIZE -> ScalarType.STRING;
            // provisional: the analyzer fixes the dimensions from the embedding model
            case EMBED -> ScalarType.STRING;
            default -> throw new IllegalArgumentException("not a single-text operator: " + kind);
        };
        SemanticSpec spec = spec(options, null, List.of(), null, responseType, labels, examples);
        return new SemanticFunction(kind, List.of(text), spec, type);
    }

    /**
     * A {@code reduce}: before planning its inputs are the text, then the sort keys of the order in
     * which the group's texts are read.
     *
     * <pre>{@code SemanticCalls.reduce("Summarize the complaints", col("body").expression(), List.of(), options)}</pre>
     *
     * @param instruction the fixed instruction
     * @param text the unresolved text expression
     * @param orderBy unresolved order expressions or sort keys (ascending by default)
     * @param options the options
     * @return the unresolved function
     */
    public static SemanticFunction reduce(
            String instruction, Expression text, List<Expression> orderBy, SemanticOptions options) {
        String operation = "Semantic.reduce";
        requireNonNull(text, "text is null");
        requireNonNull(orderBy, "orderBy is null");
        requireNonNull(options, "options is null");
        if (instruction == null || instruction.isBlank()) {
            throw Errors.invalidArgument(operation + " needs an instruction saying what to make of each group's"
                    + " texts, e.g. \"Summarize the common complaints\"; got "
                    + (instruction == null ? "null" : "a blank string"));
        }
        if (instruction.contains("{{") || instruction.contains("{%")) {
            Template parsed = parseTemplate(instruction, operation);
            if (!parsed.variables().isEmpty()) {
                throw Errors.invalidArgument(operation + "'s instruction is the same for every group and cannot read"
                        + " columns, but it names " + parsed.variables() + ": \"" + abbreviate(instruction)
                        + "\". Write it as plain text; the group's texts are given to the model after it");
            }
        }
        if (!options.examples().isEmpty()) {
            throw Errors.invalidArgument(operation + " takes no examples (a group's texts are too long to show"
                    + " as examples); describe the answer you want in the instruction instead");
        }
        List<Expression> inputs = new ArrayList<>();
        inputs.add(text);
        for (Expression o : orderBy) {
            requireNonNull(o, "an order column is null");
            inputs.add(o instanceof SortKey ? o : SortKey.of(o, true));
        }
        SemanticSpec spec = spec(options, null, List.of(), instruction, null, List.of(), List.of());
        return new SemanticFunction(Kind.REDUCE, inputs, spec, ScalarType.STRING);
    }

    /**
     * The spec of a semantic join: template checked to read only {@code left.<column>} and
     * {@code right.<column>}; columns are checked by the analyzer.
     *
     * <pre>{@code SemanticCalls.joinSpec("Is {{ left.name }} the same company as {{ right.title }}?", options)}</pre>
     *
     * @param template the Jinja template
     * @param options the options
     * @return the spec, with the template's variables ({@code left}, {@code right})
     */
    public static SemanticSpec joinSpec(String template, SemanticOptions options) {
        String operation = "semantic().join";
        requireNonNull(options, "options is null");
        Template parsed = parseTemplate(template, operation);
        List<String> variables = new ArrayList<>(parsed.variables());
        Set<String> other = new LinkedHashSet<>(variables);
        other.remove("left");
        other.remove("right");
        if (!other.isEmpty()) {
            throw new QuarryException(
                    ErrorCode.INVALID_TEMPLATE,
                    operation + "'s template reads " + other + ", but it can only read the two rows of a pair:"
                            + " {{ left.<column> }} and {{ right.<column> }}. Template: \"" + abbreviate(template)
                            + "\"");
        }
        if (!variables.contains("left") || !variables.contains("right")) {
            throw new QuarryException(
                    ErrorCode.INVALID_TEMPLATE,
                    operation + "'s template must read both rows of a pair, {{ left.<column> }} and"
                            + " {{ right.<column> }}, but it reads only "
                            + (variables.isEmpty() ? "nothing" : variables)
                            + ": \"" + abbreviate(template) + "\"");
        }
        List<SemanticSpec.Example> examples = new ArrayList<>();
        for (int i = 0; i < options.examples().size(); i++) {
            Example e = options.examples().get(i);
            checkExampleInputs(e, List.of("left", "right"), i, operation);
            for (String side : List.of("left", "right")) {
                if (!(e.inputs().get(side) instanceof Map<?, ?>)) {
                    throw Errors.invalidArgument("Example " + (i + 1) + " of " + operation + " must give '" + side
                            + "' as a map of column values, e.g. Example.of(Map.of(\"left\", Map.of(\"name\","
                            + " \"Acme\"), \"right\", Map.of(\"title\", \"ACME Inc.\")), true); got "
                            + describe(e.inputs().get(side)));
                }
            }
            Object output = checkOutput(e.output(), Boolean.class, i, operation, "true or false");
            examples.add(new SemanticSpec.Example(e.inputs(), output));
        }
        return spec(options, template, variables, null, null, List.of(), examples);
    }

    // ------------------------------------------------------------------ response records

    /**
     * The struct type of a response record, after checking that every component, nested records
     * included, carries a non-blank {@link Description}.
     *
     * <pre>{@code StructType t = SemanticCalls.responseStruct(TicketInfo.class, "Semantic.extract");}</pre>
     *
     * @param type a record class
     * @param operation the operation, for messages
     * @return the struct type shaped like the record
     */
    public static StructType responseStruct(Class<?> type, String operation) {
        requireNonNull(type, "the response record class is null");
        if (!type.isRecord()) {
            throw new QuarryException(
                    ErrorCode.INVALID_SCHEMA,
                    operation + " needs a Java record class describing the answer, but " + type.getName()
                            + " is not a record");
        }
        List<String> missing = new ArrayList<>();
        collectUndescribed(type, type.getSimpleName(), missing, new HashSet<>());
        if (!missing.isEmpty()) {
            throw new QuarryException(
                    ErrorCode.INVALID_SCHEMA,
                    operation + " needs @Description on every component of record " + type.getSimpleName()
                            + " (nested records included), so the model knows what each field means; missing on: "
                            + String.join(", ", missing) + ". Annotate them, e.g. record " + type.getSimpleName()
                            + "(@Description(\"product the customer writes about\") String product, ...)");
        }
        return new StructType(LocalData.schemaOf(type).fields());
    }

    private static void collectUndescribed(Class<?> record, String path, List<String> missing, Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            Description d = c.getAnnotation(Description.class);
            if (d == null || d.value().isBlank()) {
                missing.add(path + "." + c.getName());
            }
            Class<?> nested = nestedRecord(c.getGenericType());
            if (nested != null) {
                collectUndescribed(nested, nested.getSimpleName(), missing, seen);
            }
        }
    }

    /** The record a component type holds, through List/Optional/arrays, or null. */
    private static Class<?> nestedRecord(Type t) {
        if (t instanceof Class<?> c) {
            if (c.isArray()) {
                return nestedRecord(c.getComponentType());
            }
            return c.isRecord() ? c : null;
        }
        if (t instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                Class<?> r = nestedRecord(arg);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ labels

    private static List<SemanticSpec.Label> labels(List<ClassDefinition> classes, String operation) {
        requireNonNull(classes, "classes is null");
        List<SemanticSpec.Label> out = new ArrayList<>();
        Map<String, List<String>> byKey = new TreeMap<>();
        for (int i = 0; i < classes.size(); i++) {
            ClassDefinition c = classes.get(i);
            if (c == null) {
                throw Errors.invalidArgument(operation + ": class " + (i + 1) + " of " + classes.size() + " is null");
            }
            String label = c.label().strip();
            byKey.computeIfAbsent(label.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(label);
            out.add(new SemanticSpec.Label(label, c.description()));
        }
        List<String> duplicates = new ArrayList<>();
        for (List<String> same : byKey.values()) {
            if (same.size() > 1) {
                duplicates.add(
                        new LinkedHashSet<>(same).size() == 1
                                ? "'" + same.get(0) + "' (" + same.size() + " times)"
                                : "'" + String.join("', '", same) + "' (equal ignoring case)");
            }
        }
        if (!duplicates.isEmpty()) {
            throw Errors.invalidArgument(operation + " needs distinct labels, but got duplicates: "
                    + String.join("; ", duplicates) + ". Labels: " + names(out) + ". Give each class once");
        }
        if (out.size() < 2) {
            throw Errors.invalidArgument(operation + " needs at least two labels to choose from, got "
                    + (out.isEmpty() ? "none" : names(out)) + ". Add the other classes, e.g."
                    + " classify(col(\"body\"), \"billing\", \"technical\")");
        }
        return out;
    }

    private static List<String> names(List<SemanticSpec.Label> labels) {
        List<String> names = new ArrayList<>();
        for (SemanticSpec.Label l : labels) {
            names.add(l.name());
        }
        return names;
    }

    // ------------------------------------------------------------------ examples

    private static void checkExampleInputs(Example e, List<String> variables, int i, String operation) {
        Set<String> given = new LinkedHashSet<>(e.inputs().keySet());
        List<String> missing = new ArrayList<>();
        for (String v : variables) {
            if (!given.remove(v)) {
                missing.add(v);
            }
        }
        if (!missing.isEmpty() || !given.isEmpty()) {
            StringBuilder sb = new StringBuilder("Example " + (i + 1) + " of " + operation
                    + " must give a value for each template variable " + variables + ", but it gives "
                    + e.inputs().keySet());
            if (!missing.isEmpty()) {
                sb.append("; missing: ").append(missing);
            }
            if (!given.isEmpty()) {
                sb.append("; not in the template: ").append(given);
                String unknown = given.iterator().next();
                sb.append('.').append(Suggestions.didYouMean(unknown, variables));
            }
            throw Errors.invalidArgument(sb.toString());
        }
    }

    private static Object singleInput(Example e, int i, String operation) {
        if (e.inputs().size() != 1) {
            throw Errors.invalidArgument("Example " + (i + 1) + " of " + operation + " reads one text, but gives "
                    + e.inputs().size() + " inputs " + e.inputs().keySet()
                    + ". Use Example.of(\"the input text\", answer)");
        }
        Object input = e.inputs().values().iterator().next();
        if (!(input instanceof String)) {
            throw Errors.invalidArgument("Example " + (i + 1) + " of " + operation + " needs its input as text, got "
                    + describe(input) + ". Use Example.of(\"the input text\", answer)");
        }
        return input;
    }

    private static Object checkOutput(Object output, Class<?> type, int i, String operation, String expected) {
        if (!type.isInstance(output)) {
            throw Errors.invalidArgument("Example " + (i + 1) + " of " + operation + " must answer " + expected
                    + ", got " + describe(output));
        }
        return output;
    }

    private static Object checkChoice(Object output, List<String> choices, int i, String operation, String what) {
        if (!(output instanceof String s) || !choices.contains(s)) {
            String hint = output instanceof String s ? Suggestions.didYouMean(s, choices) : "";
            throw Errors.invalidArgument("Example " + (i + 1) + " of " + operation + " must answer one of the " + what
                    + " " + choices + ", got " + describe(output) + "." + hint);
        }
        return output;
    }

    private static Object checkRecordOutput(Object output, Class<?> responseType, int i, String operation) {
        if (responseType.isInstance(output) || output instanceof Map<?, ?>) {
            return output;
        }
        throw Errors.invalidArgument("Example " + (i + 1) + " of " + operation + " must answer a "
                + responseType.getSimpleName() + " (or a map of its fields), got " + describe(output));
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String s = v instanceof String str ? "\"" + abbreviate(str) + "\"" : abbreviate(String.valueOf(v));
        return s + " (" + v.getClass().getSimpleName() + ")";
    }

    // ------------------------------------------------------------------ helpers

    private static void rejectGenerationOptions(SemanticOptions options, String operation) {
        List<String> set = new ArrayList<>();
        if (options.temperature().isPresent()) {
            set.add("temperature");
        }
        if (options.maxOutputTokens().isPresent()) {
            set.add("maxOutputTokens");
        }
        if (!options.examples().isEmpty()) {
            set.add("examples");
        }
        if (!set.isEmpty()) {
            throw Errors.invalidArgument(operation + " computes a vector and generates no text, so "
                    + String.join(", ", set) + " cannot apply; only model and timeout can be set for it");
        }
    }

    private static Template parseTemplate(String template, String operation) {
        if (template == null || template.isBlank()) {
            throw new QuarryException(
                    ErrorCode.INVALID_TEMPLATE,
                    operation + " needs a prompt template such as \"Summarize: {{ body }}\", got "
                            + (template == null ? "null" : "a blank string"));
        }
        try {
            return Template.parse(template);
        } catch (QuarryException e) {
            throw new QuarryException(e.code(), operation + ": " + e.getMessage(), e);
        }
    }

    private static SemanticSpec spec(
            SemanticOptions options,
            String template,
            List<String> variables,
            String instruction,
            Class<?> responseType,
            List<SemanticSpec.Label> labels,
            List<SemanticSpec.Example> examples) {
        return new SemanticSpec(
                options.modelAlias().orElse(DEFAULT_MODEL),
                template,
                variables,
                instruction,
                responseType,
                labels,
                examples,
                options.temperature().isPresent() ? options.temperature().getAsDouble() : null,
                options.maxOutputTokens().isPresent()
                        ? options.maxOutputTokens().getAsInt()
                        : null,
                options.timeout().orElse(null));
    }

    static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }
}
