package dev.quarry.inference.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled JSON Schema (draft 2020-12) that checks model answers.
 *
 * <pre>{@code
 * SchemaValidator v = SchemaValidator.compile(schemaNode);
 * List<String> errors = v.validate(answer); // empty when valid
 * }</pre>
 */
public final class SchemaValidator {
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;

    private SchemaValidator(Schema schema) {
        this.schema = schema;
    }

    /**
     * Compiles a schema.
     *
     * <pre>{@code SchemaValidator v = SchemaValidator.compile(node);}</pre>
     *
     * @param schemaNode the JSON Schema
     * @return the validator
     */
    public static SchemaValidator compile(JsonNode schemaNode) {
        try {
            return new SchemaValidator(REGISTRY.getSchema(schemaNode.toString()));
        } catch (RuntimeException e) {
            throw new QuarryException(ErrorCode.INVALID_SCHEMA, "Invalid JSON schema: " + e.getMessage(), e);
        }
    }

    /**
     * Validates a value.
     *
     * <pre>{@code List<String> errors = v.validate(mapper.readTree("{\"a\":1}"));}</pre>
     *
     * @param value the JSON value
     * @return readable error texts with their JSON paths, empty when valid
     */
    public List<String> validate(JsonNode value) {
        List<Error> errors = schema.validate(value);
        List<String> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            out.add(e.toString());
        }
        return out;
    }
}
