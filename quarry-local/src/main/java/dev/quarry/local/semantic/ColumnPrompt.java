package dev.quarry.local.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.ChatResult;
import dev.quarry.inference.FewShotExample;
import dev.quarry.inference.OutputSchema;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.expr.SemanticSpec;
import dev.quarry.internal.template.Template;
import dev.quarry.types.ScalarType;
import dev.quarry.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one row-wise language-model operator (map, extract, predicate, classify, sentiment,
 * summarize) talks to its model: the system prompt, the few-shot pairs, the user content rendered
 * from a row, the output schema, and how an answer becomes the column's value. Built once per
 * operator; {@link #request(List)} is called per row.
 */
final class ColumnPrompt {
    static final String MAP_TEXT_SYSTEM = "You are a careful data assistant. Follow the user's instruction for the"
            + " given input and answer with the result only: no preamble, no explanation, no quotation marks"
            + " around it.";
    static final String MAP_JSON_SYSTEM = "You are a careful data assistant. Follow the user's instruction for the"
            + " given input and answer with a JSON object that matches the response schema. Use only"
            + " information given in the input.";
    static final String EXTRACT_SYSTEM = "You extract structured information from a text. Fill the fields of the"
            + " response schema from what the text says; each field's description says what belongs in it. Do"
            + " not invent facts: use null for an optional field the text does not mention, and an empty list"
            + " when nothing in the text fits a list.";
    static final String PREDICATE_SYSTEM = "You judge whether a statement about the given input is true. Answer"
            + " with the JSON object {\"answer\": true} when it is true, and {\"answer\": false} when it is false"
            + " or the input does not show it.";
    static final String SENTIMENT_SYSTEM = "You judge the sentiment a text expresses. Answer with the JSON object"
            + " {\"label\": \"positive\"}, {\"label\": \"negative\"} or {\"label\": \"neutral\"}: positive for a"
            + " clearly favourable tone, negative for a clearly unfavourable one, neutral for a factual, mixed or"
            + " unclear one.";
    static final String SUMMARIZE_SYSTEM = "You summarize texts. Write a concise summary that keeps the key facts,"
            + " in the language of the text. Answer with the summary only.";
    static final List<String> SENTIMENTS = List.of("positive", "negative", "neutral");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SemanticFunction function;
    private final Template template;
    private final String system;
    private final List<FewShotExample> examples;
    private final OutputSchema schema;
    private final Double temperature;
    private final Integer maxOutputTokens;
    private final java.time.Duration timeout;

    private ColumnPrompt(SemanticFunction function, String systemOverride) {
        this.function = function;
        SemanticSpec spec = function.spec();
        this.template = function.kind() == Kind.MAP || function.kind() == Kind.PREDICATE
                ? Template.parse(requireTemplate(function))
                : null;
        this.system = systemOverride != null ? systemOverride : system(function);
        this.schema = schema(function);
        this.temperature = spec.temperature() == null ? 0.0 : spec.temperature();
        this.maxOutputTokens = spec.maxOutputTokens();
        this.timeout = spec.timeout();
        List<FewShotExample> pairs = new ArrayList<>();
        for (int i = 0; i < spec.examples().size(); i++) {
            SemanticSpec.Example e = spec.examples().get(i);
            pairs.add(new FewShotExample(exampleUser(e, i), exampleAnswer(e.output(), i)));
        }
        this.examples = List.copyOf(pairs);
    }

    /**
     * The prompt of a row-wise language-model operator.
     *
     * @param function a MAP, EXTRACT, PREDICATE, CLASSIFY, SENTIMENT or SUMMARIZE function
     * @return its prompt
     * @throws QuarryException INVALID_ARGUMENT when the function's spec is incomplete
     */
    static ColumnPrompt of(SemanticFunction function) {
        return new ColumnPrompt(function, null);
    }

    /**
     * The prompt of a semantic join's judgement: a predicate whose template reads {@code left} and
     * {@code right}, with the join's own system prompt.
     *
     * @param predicate a PREDICATE function holding the join's spec
     * @param system the system prompt
     * @return its prompt
     */
    static ColumnPrompt forJoin(SemanticFunction predicate, String system) {
        return new ColumnPrompt(predicate, system);
    }

    private static String requireTemplate(SemanticFunction f) {
        if (f.spec().template() == null) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "semantic." + f.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + " needs a prompt template, e.g. \"Is this ticket angry? {{ body }}\"");
        }
        return f.spec().template();
    }

    private static String system(SemanticFunction f) {
        SemanticSpec spec = f.spec();
        String extra =
                spec.instruction() == null ? "" : "\n" + spec.instruction().strip();
        switch (f.kind()) {
            case MAP:
                return (f.type() instanceof StructType ? MAP_JSON_SYSTEM : MAP_TEXT_SYSTEM) + extra;
            case EXTRACT:
                return EXTRACT_SYSTEM + extra;
            case PREDICATE:
                return PREDICATE_SYSTEM + extra;
            case CLASSIFY:
                return classifySystem(spec.labels()) + extra;
            case SENTIMENT:
                return SENTIMENT_SYSTEM + extra;
            case SUMMARIZE:
                return SUMMARIZE_SYSTEM + extra;
            default:
                throw new IllegalArgumentException("not a row-wise language-model operator: " + f.kind());
        }
    }

    static String classifySystem(List<SemanticSpec.Label> labels) {
        if (labels.size() < 2) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "semantic.classify needs at least two labels, got " + labels.size() + ": "
                            + labels.stream().map(SemanticSpec.Label::name).toList());
        }
        StringBuilder sb = new StringBuilder("You classify a text into exactly one of these classes:\n");
        for (SemanticSpec.Label l : labels) {
            sb.append("- ").append(l.name());
            if (l.description() != null && !l.description().isBlank()) {
                sb.append(": ").append(l.description().strip());
            }
            sb.append('\n');
        }
        return sb.append("Answer with the JSON object {\"label\": \"<class>\"} naming the class that fits best,"
                        + " spelled exactly as listed.")
                .toString();
    }

    @SuppressWarnings("unchecked")
    private static OutputSchema schema(SemanticFunction f) {
        switch (f.kind()) {
            case MAP:
            case EXTRACT:
                if (!(f.type() instanceof StructType)) {
                    return null;
                }
                Class<?> type = f.spec().responseType();
                if (type == null || !type.isRecord()) {
                    throw new QuarryException(
                            ErrorCode.INVALID_ARGUMENT,
                            "semantic." + f.kind().name().toLowerCase(java.util.Locale.ROOT)
                                    + " with a struct result needs a record class as its response format, got "
                                    + type);
                }
                return OutputSchema.of((Class<? extends Record>) type);
            case PREDICATE:
                return predicateSchema();
            case CLASSIFY:
                return labelSchema(
                        "classification",
                        f.spec().labels().stream().map(SemanticSpec.Label::name).toList());
            case SENTIMENT:
                return labelSchema("sentiment", SENTIMENTS);
            default:
                return null;
        }
    }

    static OutputSchema predicateSchema() {
        ObjectNode s = NODES.objectNode();
        s.put("type", "object");
        ObjectNode answer = s.putObject("properties").putObject("answer");
        answer.put("type", "boolean");
        answer.put("description", "true when the statement is true for the input");
        s.putArray("required").add("answer");
        s.put("additionalProperties", false);
        return OutputSchema.of("judgement", s);
    }

    private static OutputSchema labelSchema(String name, List<String> labels) {
        ObjectNode s = NODES.objectNode();
        s.put("type", "object");
        ObjectNode label = s.putObject("properties").putObject("label");
        label.put("type", "string");
        ArrayNode values = label.putArray("enum");
        labels.forEach(values::add);
        s.putArray("required").add("label");
        s.put("additionalProperties", false);
        return OutputSchema.of(name, s);
    }

    /**
     * The request for one row.
     *
     * @param values the function's input values, in {@code inputs} order, none null
     * @return the request
     * @throws QuarryException INVALID_TEMPLATE when the template cannot render the values
     */
    ChatRequest request(List<Object> values) {
        return build(userContent(values));
    }

    ChatRequest build(String user) {
        ChatRequest.Builder b = ChatRequest.builder()
                .system(system)
                .examples(examples)
                .user(user)
                .schema(schema);
        b.temperature(temperature);
        if (maxOutputTokens != null) {
            b.maxOutputTokens(maxOutputTokens);
        }
        if (timeout != null) {
            b.timeout(timeout);
        }
        return b.build();
    }

    private String userContent(List<Object> values) {
        if (template != null) {
            Map<String, Object> context = new LinkedHashMap<>();
            List<String> variables = function.spec().variables();
            for (int i = 0; i < variables.size() && i < values.size(); i++) {
                context.put(variables.get(i), values.get(i));
            }
            return template.render(context);
        }
        return textContent(text(values.get(0)));
    }

    private String textContent(String text) {
        return function.kind() == Kind.EXTRACT ? "Text:\n" + text : text;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : String.valueOf(value);
    }

    private String exampleUser(SemanticSpec.Example e, int index) {
        if (template != null) {
            return template.render(e.inputs());
        }
        Object text = e.inputs().containsKey("text")
                ? e.inputs().get("text")
                : e.inputs().values().stream().findFirst().orElse(null);
        if (text == null) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Few-shot example " + (index + 1) + " of semantic."
                            + function.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + " has no input text; give it as the input named 'text'");
        }
        return textContent(text(text));
    }

    private String exampleAnswer(Object output, int index) {
        switch (function.kind()) {
            case PREDICATE: {
                Boolean b = output instanceof Boolean x
                        ? x
                        : Boolean.valueOf(String.valueOf(output).trim());
                ObjectNode o = NODES.objectNode();
                o.put("answer", b);
                return o.toString();
            }
            case CLASSIFY:
            case SENTIMENT: {
                ObjectNode o = NODES.objectNode();
                o.put("label", String.valueOf(output));
                return o.toString();
            }
            default:
                if (schema != null) {
                    JsonNode json = JsonValues.toJson(output);
                    List<String> errors = schema.validate(json);
                    if (!errors.isEmpty()) {
                        throw new QuarryException(
                                ErrorCode.INVALID_ARGUMENT,
                                "Few-shot example " + (index + 1) + " does not match " + schema.name() + ": "
                                        + String.join("; ", errors));
                    }
                    return json.toString();
                }
                return String.valueOf(output);
        }
    }

    /**
     * The column value of a usable answer.
     *
     * @param result an answer without bad output
     * @return the value
     * @throws IllegalArgumentException when the answer does not fit the column (treated as bad output)
     */
    Object value(ChatResult result) {
        switch (function.kind()) {
            case PREDICATE:
                return JsonValues.toJava(field(result, "answer"), ScalarType.BOOLEAN);
            case CLASSIFY:
            case SENTIMENT: {
                JsonNode label = field(result, "label");
                if (!label.isTextual()) {
                    throw new IllegalArgumentException("'label' is " + label + ", expected one of the classes");
                }
                return label.asText();
            }
            default:
                if (schema != null) {
                    return JsonValues.toJava(result.json().orElseThrow(), function.type());
                }
                String text = result.text().strip();
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("the answer is empty");
                }
                return text;
        }
    }

    private static JsonNode field(ChatResult result, String name) {
        JsonNode json = result.json().orElseThrow(() -> new IllegalArgumentException("the answer is not JSON"));
        JsonNode v = json.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("the answer has no '" + name + "' field");
        }
        return v;
    }

    /**
     * The one repair request for an answer that could not be used: the original request whose user
     * content quotes the rejected answer and why it was rejected.
     *
     * @param original the request
     * @param badAnswer the answer's text
     * @param problem why it was rejected
     * @param truncated whether it was cut off at the output cap (the repair gets twice the cap)
     * @return the repair request
     */
    static ChatRequest repair(ChatRequest original, String badAnswer, String problem, boolean truncated) {
        String quoted = badAnswer == null || badAnswer.isBlank() ? "(no answer)" : abbreviate(badAnswer, 4000);
        String user = original.user() + "\n\n---\nA previous answer to this request was:\n" + quoted
                + "\nIt was rejected: " + problem + "\nAnswer the request again, correctly"
                + (original.schema() != null ? ", with JSON that matches the response schema." : ".");
        Integer cap = original.maxOutputTokens();
        if (truncated && cap != null) {
            cap = (int) Math.min(Integer.MAX_VALUE, 2L * cap);
        }
        return new ChatRequest(
                original.system(),
                original.examples(),
                user,
                original.schema(),
                original.temperature(),
                cap,
                original.timeout());
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
