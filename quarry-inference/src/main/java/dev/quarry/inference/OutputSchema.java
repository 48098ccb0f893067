package dev.quarry.inference;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.schema.RecordSchemas;
import dev.quarry.inference.schema.SchemaValidator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The shape a structured answer must have: a name and a strict JSON Schema, usually derived from a
 * Java record whose components carry {@code @Description}. Each provider receives it through its
 * own mechanism (OpenAI {@code response_format}, Anthropic forced tool use, Gemini
 * {@code responseSchema}); answers are validated against it.
 *
 * <pre>{@code
 * record TicketInfo(@Description("product named") String product,
 *                   @Description("asks for a refund") boolean wantsRefund) {}
 * OutputSchema schema = OutputSchema.of(TicketInfo.class);
 * List<String> errors = schema.validate(answerJson);
 * }</pre>
 */
public final class OutputSchema {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final ConcurrentHashMap<Class<?>, OutputSchema> BY_RECORD = new ConcurrentHashMap<>();

    private final String name;
    private final ObjectNode schema;
    private final String canonical;
    private final Class<?> recordType;
    private final SchemaValidator validator;

    private OutputSchema(String name, ObjectNode schema, Class<?> recordType) {
        if (!NAME.matcher(name).matches()) {
            throw new QuarryException(
                    ErrorCode.INVALID_SCHEMA, "Schema name '" + name + "' must be 1-64 letters, digits, '_' or '-'");
        }
        this.name = name;
        this.schema = schema;
        this.canonical = schema.toString();
        this.recordType = recordType;
        this.validator = SchemaValidator.compile(schema);
    }

    /**
     * The strict schema of a record type (computed once per type).
     *
     * <pre>{@code OutputSchema s = OutputSchema.of(TicketInfo.class);}</pre>
     *
     * @param recordType a record class; components may be String, numbers, boolean, enums,
     *     {@code List<T>}, {@code Optional<T>} and nested records
     * @return the schema
     */
    public static OutputSchema of(Class<? extends Record> recordType) {
        requireNonNull(recordType, "recordType is null");
        return BY_RECORD.computeIfAbsent(
                recordType, t -> new OutputSchema(t.getSimpleName(), RecordSchemas.strictSchema(t), t));
    }

    /**
     * A schema given as JSON. It should be strict (all properties required, no additional ones) for
     * OpenAI's strict mode to accept it.
     *
     * <pre>{@code OutputSchema.of("label", mapper.readTree("{\"type\":\"object\",...}"))}</pre>
     *
     * @param name 1-64 letters, digits, '_' or '-'
     * @param schema a JSON Schema object
     * @return the schema
     */
    public static OutputSchema of(String name, JsonNode schema) {
        requireNonNull(name, "name is null");
        requireNonNull(schema, "schema is null");
        if (!(schema instanceof ObjectNode o)) {
            throw new QuarryException(
                    ErrorCode.INVALID_SCHEMA, "Schema '" + name + "' must be a JSON object, was " + schema);
        }
        return new OutputSchema(name, o.deepCopy(), null);
    }

    /**
     * The schema's name, sent to providers that want one.
     *
     * <pre>{@code OutputSchema.of(TicketInfo.class).name() // "TicketInfo"}</pre>
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The JSON Schema (a copy; changing it changes nothing here).
     *
     * <pre>{@code System.out.println(schema.jsonSchema().toPrettyString());}</pre>
     *
     * @return the schema node
     */
    public ObjectNode jsonSchema() {
        return schema.deepCopy();
    }

    /**
     * The schema as compact JSON text, stable for fingerprints.
     *
     * <pre>{@code String json = schema.json();}</pre>
     *
     * @return the JSON text
     */
    public String json() {
        return canonical;
    }

    /**
     * The record type the schema was derived from, if any.
     *
     * <pre>{@code schema.recordType().ifPresent(c -> System.out.println(c.getName()));}</pre>
     *
     * @return the record type
     */
    public Optional<Class<?>> recordType() {
        return Optional.ofNullable(recordType);
    }

    /**
     * Checks an answer.
     *
     * <pre>{@code List<String> errors = schema.validate(answer); boolean ok = errors.isEmpty();}</pre>
     *
     * @param value the parsed answer
     * @return readable errors, empty when the answer conforms
     */
    public List<String> validate(JsonNode value) {
        return validator.validate(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputSchema s && s.name.equals(name) && s.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + canonical.hashCode();
    }

    @Override
    public String toString() {
        return "OutputSchema[" + name + "]";
    }
}
