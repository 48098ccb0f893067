package dev.quarry.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules OpenAI applies to a {@code json_schema} with {@code strict: true} (Structured Outputs):
 * the root is an object, every object has {@code additionalProperties: false} and lists every
 * property in {@code required}, only supported keywords and types appear, nesting and size stay
 * within limits. Messages follow OpenAI's wording, e.g.
 * {@code In context=('properties', 'address'), 'additionalProperties' is required to be supplied and to be false.}
 */
final class StrictSchemaCheck {
    static final int MAX_DEPTH = 10;
    static final int MAX_PROPERTIES = 5000;
    static final int MAX_ENUM_VALUES = 1000;

    private static final Set<String> TYPES =
            Set.of("string", "number", "integer", "boolean", "object", "array", "null");
    private static final Set<String> NOT_PERMITTED = Set.of(
            "allOf",
            "not",
            "if",
            "then",
            "else",
            "dependentRequired",
            "dependentSchemas",
            "patternProperties",
            "propertyNames",
            "unevaluatedProperties",
            "unevaluatedItems",
            "minProperties",
            "maxProperties",
            "contains",
            "minContains",
            "maxContains",
            "oneOf");

    private final JsonNode root;
    private int properties;

    private StrictSchemaCheck(JsonNode root) {
        this.root = root;
    }

    /** Verdicts on schemas already checked: clients send the same schema with every request. */
    private static final PerSchema<Optional<String>> CHECKED =
            new PerSchema<>(schema -> Optional.ofNullable(new StrictSchemaCheck(schema).checkRoot()));

    /** The first violation, or null when the schema is acceptable. */
    static @Nullable String check(JsonNode schema) {
        return CHECKED.get(schema).orElse(null);
    }

    private @Nullable String checkRoot() {
        if (!root.isObject()) {
            return "schema must be a JSON Schema of 'type: \"object\"', got " + Json.typeName(root) + ".";
        }
        if (root.has("anyOf")) {
            return "In context=(), root schema must not be 'anyOf'; the root must be of 'type: \"object\"'.";
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual() || !type.asText().equals("object")) {
            return "schema must be a JSON Schema of 'type: \"object\"', got 'type: "
                    + (type == null ? "None" : type.toString()) + "'.";
        }
        for (String defs : new String[] {"$defs", "definitions"}) {
            JsonNode d = root.get(defs);
            if (d != null && d.isObject()) {
                for (Map.Entry<String, JsonNode> e : d.properties()) {
                    String err = node(e.getValue(), List.of(defs, e.getKey()), 1);
                    if (err != null) {
                        return err;
                    }
                }
            }
        }
        return node(root, List.of(), 0);
    }

    private @Nullable String node(JsonNode s, List<Object> path, int depth) {
        if (!s.isObject()) {
            return "In context=" + context(path) + ", schema must be a JSON Schema object, got " + Json.typeName(s)
                    + ".";
        }
        if (depth > MAX_DEPTH) {
            return "In context=" + context(path) + ", schema nesting depth exceeds the limit of " + MAX_DEPTH
                    + " levels.";
        }
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (NOT_PERMITTED.contains(key)) {
                return "In context=" + context(path) + ", '" + key + "' is not permitted.";
            }
        }
        if (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            if (!ref.equals("#")
                    && root.at(ref.startsWith("#") ? ref.substring(1) : "/-invalid-")
                            .isMissingNode()) {
                return "In context=" + context(path) + ", reference to component '" + ref
                        + "' which was not found in the schema.";
            }
            return null;
        }
        if (s.has("anyOf")) {
            JsonNode any = s.get("anyOf");
            if (!any.isArray() || any.isEmpty()) {
                return "In context=" + context(path) + ", 'anyOf' must be a non-empty array.";
            }
            for (int i = 0; i < any.size(); i++) {
                String err = node(any.get(i), append(path, "anyOf", i), depth + 1);
                if (err != null) {
                    return err;
                }
            }
            return null;
        }
        if (s.has("enum")) {
            JsonNode e = s.get("enum");
            if (!e.isArray() || e.isEmpty()) {
                return "In context=" + context(path) + ", 'enum' must be a non-empty array.";
            }
            if (e.size() > MAX_ENUM_VALUES) {
                return "In context=" + context(path) + ", 'enum' has " + e.size() + " values; at most "
                        + MAX_ENUM_VALUES + " are allowed.";
            }
        }
        JsonNode type = s.get("type");
        if (type == null) {
            if (s.has("enum") || s.has("const")) {
                return null;
            }
            return "In context=" + context(path) + ", schema must have a 'type' key.";
        }
        List<String> types = new ArrayList<>();
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        for (String t : types) {
            if (!TYPES.contains(t)) {
                return "In context=" + context(path) + ", type '" + t + "' is not supported; use one of"
                        + " string, number, integer, boolean, object, array, null.";
            }
        }
        if (types.contains("object")) {
            String err = object(s, path, depth);
            if (err != null) {
                return err;
            }
        }
        if (types.contains("array") && s.has("items")) {
            return node(s.get("items"), append(path, "items"), depth + 1);
        }
        return null;
    }

    private @Nullable String object(JsonNode s, List<Object> path, int depth) {
        JsonNode ap = s.get("additionalProperties");
        if (ap == null || !ap.isBoolean() || ap.asBoolean()) {
            return "In context=" + context(path)
                    + ", 'additionalProperties' is required to be supplied and to be false.";
        }
        JsonNode props = s.get("properties");
        List<String> names = new ArrayList<>();
        if (props != null && props.isObject()) {
            props.fieldNames().forEachRemaining(names::add);
        }
        properties += names.size();
        if (properties > MAX_PROPERTIES) {
            return "In context=" + context(path) + ", the schema has more than " + MAX_PROPERTIES
                    + " object properties in total.";
        }
        JsonNode required = s.get("required");
        List<String> req = new ArrayList<>();
        if (required != null && required.isArray()) {
            required.forEach(r -> req.add(r.asText()));
        }
        for (String name : names) {
            if (!req.contains(name)) {
                return "In context=" + context(path)
                        + ", 'required' is required to be supplied and to be an array including every key in"
                        + " properties. Missing '" + name + "'.";
            }
        }
        for (String r : req) {
            if (!names.contains(r)) {
                return "In context=" + context(path) + ", 'required' contains '" + r
                        + "', which is not in 'properties'.";
            }
        }
        for (String name : names) {
            String err = node(props.get(name), append(path, "properties", name), depth + 1);
            if (err != null) {
                return err;
            }
        }
        return null;
    }

    private static List<Object> append(List<Object> path, Object... more) {
        List<Object> out = new ArrayList<>(path);
        out.addAll(List.of(more));
        return out;
    }

    /** Python tuple repr, as OpenAI prints contexts: (), ('properties',), ('properties', 'a', 'anyOf', 0). */
    static String context(List<Object> path) {
        if (path.isEmpty()) {
            return "()";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object p = path.get(i);
            sb.append(p instanceof Integer ? p.toString() : "'" + p + "'");
        }
        if (path.size() == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }
}
