package dev.quarry.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Generates JSON values valid against a JSON Schema (the subset providers accept for structured
 * output: types, nullable unions, enum, const, anyOf/oneOf, $ref into $defs/definitions, properties,
 * items, min/max items, min/max length, numeric bounds, common formats), and values that violate one.
 * Understands Gemini's OpenAPI-style schemas too (upper-case types, {@code nullable: true}).
 */
final class SchemaValues {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 12;
    private static final String[] WORDS = {
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"
    };

    private final JsonNode root;
    private final RandomGenerator random;

    private SchemaValues(JsonNode root, RandomGenerator random) {
        this.root = root;
        this.random = random;
    }

    /** A value valid against {@code schema}. */
    static JsonNode valid(JsonNode schema, RandomGenerator random) {
        return new SchemaValues(schema, random).generate(schema, "value", 0);
    }

    /**
     * A value that violates {@code schema}: a required property is missing, or an extra property is
     * present where none is allowed, or the value has the wrong type.
     */
    static JsonNode violating(JsonNode schema, RandomGenerator random) {
        SchemaValues g = new SchemaValues(schema, random);
        JsonNode s = g.resolve(schema);
        JsonNode value = g.generate(s, "value", 0);
        if (value.isObject()) {
            ObjectNode obj = (ObjectNode) value;
            JsonNode required = s.path("required");
            if (required.isArray() && !required.isEmpty()) {
                obj.remove(required.get(0).asText());
                return obj;
            }
            obj.put("unexpected_field", "not in the schema");
            if (s.path("additionalProperties").isBoolean()
                    && !s.path("additionalProperties").asBoolean()) {
                return obj;
            }
            return F.textNode("not an object");
        }
        if (value.isTextual()) {
            return F.numberNode(12345);
        }
        return F.textNode("not a "
                + (value.isArray() ? "list" : value.getNodeType().name().toLowerCase(Locale.ROOT)));
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        int hops = 0;
        while (s.has("$ref") && hops++ < 32) {
            s = pointer(s.get("$ref").asText());
        }
        return s;
    }

    private JsonNode pointer(String ref) {
        if (ref.equals("#")) {
            return root;
        }
        if (!ref.startsWith("#/")) {
            return F.objectNode();
        }
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? F.objectNode() : target;
    }

    private JsonNode generate(JsonNode schema, String name, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("const")) {
            return s.get("const").deepCopy();
        }
        if (s.has("enum") && s.get("enum").isArray() && !s.get("enum").isEmpty()) {
            JsonNode values = s.get("enum");
            List<JsonNode> nonNull = new ArrayList<>();
            values.forEach(v -> {
                if (!v.isNull()) {
                    nonNull.add(v);
                }
            });
            if (nonNull.isEmpty()) {
                return F.nullNode();
            }
            return nonNull.get(random.nextInt(nonNull.size())).deepCopy();
        }
        for (String union : new String[] {"anyOf", "oneOf"}) {
            if (s.has(union) && s.get(union).isArray() && !s.get(union).isEmpty()) {
                List<JsonNode> branches = new ArrayList<>();
                for (JsonNode b : s.get(union)) {
                    if (!isNullOnly(resolve(b))) {
                        branches.add(b);
                    }
                }
                if (branches.isEmpty() || depth >= MAX_DEPTH) {
                    return F.nullNode();
                }
                // oneOf: the first branch keeps the value unambiguous for the common nullable case
                JsonNode pick = union.equals("oneOf") ? branches.get(0) : branches.get(random.nextInt(branches.size()));
                return generate(pick, name, depth + 1);
            }
        }
        if (s.has("allOf") && s.get("allOf").isArray() && !s.get("allOf").isEmpty()) {
            return generate(s.get("allOf").get(0), name, depth + 1);
        }
        String type = chooseType(s);
        switch (type) {
            case "null":
                return F.nullNode();
            case "object":
                return object(s, depth);
            case "array":
                return array(s, name, depth);
            case "boolean":
                return F.booleanNode(random.nextBoolean());
            case "integer":
                return F.numberNode(integer(s));
            case "number":
                return F.numberNode(number(s));
            default:
                return F.textNode(string(s, name));
        }
    }

    private static boolean isNullOnly(JsonNode s) {
        JsonNode t = s.get("type");
        return t != null && t.isTextual() && t.asText().equalsIgnoreCase("null");
    }

    private static String chooseType(JsonNode s) {
        JsonNode t = s.get("type");
        if (t != null && t.isTextual()) {
            return t.asText().toLowerCase(Locale.ROOT);
        }
        if (t != null && t.isArray()) {
            for (JsonNode each : t) {
                if (!each.asText().equalsIgnoreCase("null")) {
                    return each.asText().toLowerCase(Locale.ROOT);
                }
            }
            return "null";
        }
        if (s.has("properties")) {
            return "object";
        }
        if (s.has("items")) {
            return "array";
        }
        return "string";
    }

    private JsonNode object(JsonNode s, int depth) {
        ObjectNode obj = F.objectNode();
        JsonNode props = s.get("properties");
        if (props == null || !props.isObject()) {
            return obj;
        }
        List<String> order = new ArrayList<>();
        JsonNode ordering = s.get("propertyOrdering");
        if (ordering != null && ordering.isArray()) {
            ordering.forEach(n -> order.add(n.asText()));
        }
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!order.contains(key)) {
                order.add(key);
            }
        }
        for (String key : order) {
            JsonNode p = props.get(key);
            if (p == null) {
                continue;
            }
            if (depth >= MAX_DEPTH && !isRequired(s, key)) {
                continue;
            }
            obj.set(key, depth >= MAX_DEPTH ? minimal(p, depth) : generate(p, key, depth + 1));
        }
        return obj;
    }

    private static boolean isRequired(JsonNode s, String key) {
        JsonNode req = s.get("required");
        if (req == null || !req.isArray()) {
            return false;
        }
        for (JsonNode r : req) {
            if (r.asText().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The smallest value for deeply recursive schemas: null if allowed, else an empty container. */
    private JsonNode minimal(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        JsonNode t = s.get("type");
        if ((t != null && t.isArray() && t.toString().contains("\"null\""))
                || s.path("nullable").asBoolean(false)) {
            return F.nullNode();
        }
        String type = chooseType(s);
        if (type.equals("array")) {
            return F.arrayNode();
        }
        if (type.equals("object")) {
            return F.objectNode();
        }
        return generate(s, "value", MAX_DEPTH - 1);
    }

    private JsonNode array(JsonNode s, String name, int depth) {
        ArrayNode arr = F.arrayNode();
        int min = s.path("minItems").asInt(0);
        int max = s.has("maxItems") ? s.get("maxItems").asInt() : Math.max(min, 3);
        int count = Math.max(min, Math.min(max, 1 + random.nextInt(3)));
        if (depth >= MAX_DEPTH) {
            count = min;
        }
        JsonNode items = s.get("items");
        String itemName = name.endsWith("s") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
        for (int i = 0; i < count; i++) {
            arr.add(
                    items == null || !items.isObject()
                            ? F.textNode(itemName + " " + word())
                            : generate(items, itemName, depth + 1));
        }
        return arr;
    }

    private long integer(JsonNode s) {
        long lo = s.has("minimum") ? (long) Math.ceil(s.get("minimum").asDouble()) : 0;
        long hi = s.has("maximum") ? (long) Math.floor(s.get("maximum").asDouble()) : Math.max(lo, 0) + 100;
        if (s.path("exclusiveMinimum").isNumber()) {
            lo = Math.max(lo, (long) Math.floor(s.get("exclusiveMinimum").asDouble()) + 1);
        }
        if (s.path("exclusiveMaximum").isNumber()) {
            hi = Math.min(hi, (long) Math.ceil(s.get("exclusiveMaximum").asDouble()) - 1);
        }
        if (hi < lo) {
            return lo;
        }
        return lo + (long) Math.floor(random.nextDouble() * (hi - lo + 1));
    }

    private double number(JsonNode s) {
        double lo = s.has("minimum") ? s.get("minimum").asDouble() : 0;
        double hi = s.has("maximum") ? s.get("maximum").asDouble() : Math.max(lo, 0) + 100;
        if (s.path("exclusiveMinimum").isNumber()) {
            lo = Math.max(lo, s.get("exclusiveMinimum").asDouble());
        }
        if (s.path("exclusiveMaximum").isNumber()) {
            hi = Math.min(hi, s.get("exclusiveMaximum").asDouble());
        }
        if (hi <= lo) {
            return lo;
        }
        double v = Math.round((lo + random.nextDouble() * (hi - lo)) * 100.0) / 100.0;
        // rounding may land on an exclusive bound; step back inside
        if (v <= lo || v >= hi) {
            v = (lo + hi) / 2;
        }
        return v;
    }

    private String string(JsonNode s, String name) {
        String format = s.path("format").asText("");
        String value;
        switch (format) {
            case "date":
                value = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366)).toString();
                break;
            case "date-time":
                value = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366)) + "T"
                        + String.format(Locale.ROOT, "%02d:%02d:00Z", random.nextInt(24), random.nextInt(60));
                break;
            case "time":
                value = String.format(Locale.ROOT, "%02d:%02d:00", random.nextInt(24), random.nextInt(60));
                break;
            case "email":
                value = word() + "@example.com";
                break;
            case "uri":
            case "url":
                value = "https://example.com/" + word();
                break;
            case "uuid":
                value = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
                break;
            default:
                value = name + " " + word();
        }
        int min = s.path("minLength").asInt(0);
        int max = s.has("maxLength") ? s.get("maxLength").asInt() : Integer.MAX_VALUE;
        StringBuilder sb = new StringBuilder(value);
        while (sb.length() < min) {
            sb.append('x');
        }
        return sb.length() > max ? sb.substring(0, Math.max(0, max)) : sb.toString();
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    /** Used by callers that want to know whether a schema describes an object at the top. */
    static boolean isObjectSchema(JsonNode schema) {
        JsonNode t = schema.get("type");
        return (t != null && t.isTextual() && t.asText().equalsIgnoreCase("object")) || schema.has("properties");
    }
}
