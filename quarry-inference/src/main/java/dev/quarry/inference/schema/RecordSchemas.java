package dev.quarry.inference.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.quarry.Description;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a Java record into a strict JSON Schema: every property required, no additional
 * properties, {@code Optional<T>} nullable, enums as string enums, lists as arrays, nested records
 * inline, {@link Description} texts as descriptions, properties in component order.
 *
 * <pre>{@code ObjectNode schema = RecordSchemas.strictSchema(TicketInfo.class);}</pre>
 */
public final class RecordSchemas {
    private static final SchemaGenerator GENERATOR = createGenerator();

    private RecordSchemas() {}

    private static SchemaGenerator createGenerator() {
        SchemaGeneratorConfigBuilder b = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(
                        Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
                        Option.FLATTENED_OPTIONALS,
                        Option.INLINE_ALL_SCHEMAS,
                        Option.FLATTENED_ENUMS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        b.forFields()
                .withRequiredCheck(f -> true)
                .withNullableCheck(f -> f.getType().getErasedType() == Optional.class)
                .withDescriptionResolver(RecordSchemas::describe);
        b.forTypesInGeneral()
                .withDescriptionResolver(scope -> {
                    Description d = scope.getType().getErasedType().getAnnotation(Description.class);
                    return d == null ? null : d.value();
                })
                .withPropertySorter(RecordSchemas::compareByComponentOrder);
        return new SchemaGenerator(b.build());
    }

    private static String describe(MemberScope<?, ?> member) {
        Description d = member.getAnnotationConsideringFieldAndGetter(Description.class);
        return d == null ? null : d.value();
    }

    private static int compareByComponentOrder(MemberScope<?, ?> a, MemberScope<?, ?> b) {
        Class<?> owner = a.getDeclaringType().getErasedType();
        if (owner.isRecord() && owner == b.getDeclaringType().getErasedType()) {
            return Integer.compare(indexOf(owner, a.getName()), indexOf(owner, b.getName()));
        }
        return Comparator.<String>naturalOrder().compare(a.getSchemaPropertyName(), b.getSchemaPropertyName());
    }

    private static int indexOf(Class<?> record, String name) {
        RecordComponent[] components = record.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) return i;
        }
        return Integer.MAX_VALUE;
    }

    /**
     * The strict schema of a record type.
     *
     * <pre>{@code ObjectNode s = RecordSchemas.strictSchema(TicketInfo.class);}</pre>
     *
     * @param type a record class
     * @return a fresh schema node
     */
    public static ObjectNode strictSchema(Class<?> type) {
        if (!type.isRecord()) {
            throw new QuarryException(
                    ErrorCode.INVALID_SCHEMA,
                    "Structured output type " + type.getName() + " is not a record; declare it as" + " 'record "
                            + type.getSimpleName() + "(...)' with @Description on each component");
        }
        ObjectNode schema;
        try {
            schema = GENERATOR.generateSchema(type);
        } catch (RuntimeException e) {
            throw new QuarryException(
                    ErrorCode.INVALID_SCHEMA,
                    "Cannot derive a JSON schema from record " + type.getName() + ": " + e.getMessage()
                            + ". Recursive records and maps are not supported in structured output.",
                    e);
        }
        fixNullableEnums(schema);
        checkStrict(schema, type.getSimpleName(), type);
        return schema;
    }

    private static void fixNullableEnums(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode t = o.get("type");
            JsonNode e = o.get("enum");
            if (t instanceof ArrayNode types && e instanceof ArrayNode values) {
                boolean nullable = false;
                for (JsonNode x : types) nullable |= "null".equals(x.asText());
                boolean hasNull = false;
                for (JsonNode x : values) hasNull |= x.isNull();
                if (nullable && !hasNull) values.addNull();
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                fixNullableEnums(it.next().getValue());
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode x : a) fixNullableEnums(x);
        }
    }

    private static void checkStrict(JsonNode node, String path, Class<?> root) {
        if (!(node instanceof ObjectNode o)) return;
        if (o.has("$ref")) {
            throw new QuarryException(
                    ErrorCode.INVALID_SCHEMA,
                    "Record " + root.getName() + " refers to itself at '" + path
                            + "'; recursive records are not supported in structured output");
        }
        if (!o.has("type") && !o.has("anyOf") && !o.has("enum")) {
            throw new QuarryException(
                    ErrorCode.INVALID_SCHEMA,
                    "Record " + root.getName() + " has a component at '" + path
                            + "' whose type cannot be described strictly (use String, numbers, boolean, enums,"
                            + " List<T>, Optional<T> or nested records)");
        }
        if (isType(o, "object") && !o.has("properties")) {
            throw new QuarryException(
                    ErrorCode.INVALID_SCHEMA,
                    "Record " + root.getName() + " has a map or untyped object at '" + path
                            + "'; structured output needs a record with named components there");
        }
        JsonNode props = o.get("properties");
        if (props != null) {
            props.fields().forEachRemaining(e -> checkStrict(e.getValue(), path + "." + e.getKey(), root));
        }
        if (o.has("items")) checkStrict(o.get("items"), path + "[]", root);
        if (o.get("anyOf") instanceof ArrayNode any) {
            for (JsonNode x : any) checkStrict(x, path, root);
        }
    }

    static boolean isType(ObjectNode o, String type) {
        JsonNode t = o.get("type");
        if (t == null) return false;
        if (t.isTextual()) return t.asText().equals(type);
        for (JsonNode x : t) {
            if (x.asText().equals(type)) return true;
        }
        return false;
    }
}
