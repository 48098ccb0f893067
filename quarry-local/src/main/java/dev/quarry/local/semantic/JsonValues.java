package dev.quarry.local.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.Row;
import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between model answers (JSON) and the Java values of Quarry types: a structured answer
 * becomes a {@link Row} shaped like the column's {@link StructType} (nested records as rows, lists
 * as lists, enums as their names, a missing or null {@code Optional} as null), and a few-shot
 * example's expected output (a record, map, list or scalar) becomes the JSON the model is shown.
 */
final class JsonValues {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {}

    /**
     * The Java value of a JSON answer for a column type.
     *
     * @param json the answer
     * @param type the column type
     * @return the value (null for JSON null)
     * @throws IllegalArgumentException naming the path and the mismatch when the JSON does not fit
     */
    static Object toJava(JsonNode json, DataType type) {
        return toJava(json, type, "$");
    }

    private static Object toJava(JsonNode json, DataType type, String path) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return null;
        }
        if (type.isTextual()) {
            if (type == ScalarType.JSON && !json.isTextual()) {
                return json.toString();
            }
            if (json.isContainerNode()) {
                throw mismatch(path, json, "a string");
            }
            return json.asText();
        }
        if (type instanceof ScalarType s) {
            return scalar(json, s, path);
        }
        if (type instanceof EmbeddingType e) {
            if (!json.isArray() || json.size() != e.dimensions()) {
                throw mismatch(path, json, "an array of " + e.dimensions() + " numbers");
            }
            float[] v = new float[json.size()];
            for (int i = 0; i < v.length; i++) {
                if (!json.get(i).isNumber()) {
                    throw mismatch(path + "[" + i + "]", json.get(i), "a number");
                }
                v[i] = json.get(i).floatValue();
            }
            return v;
        }
        if (type instanceof ArrayType a) {
            if (!json.isArray()) {
                throw mismatch(path, json, "an array");
            }
            List<Object> out = new ArrayList<>(json.size());
            for (int i = 0; i < json.size(); i++) {
                out.add(toJava(json.get(i), a.elementType(), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(out);
        }
        StructType st = (StructType) type;
        if (!json.isObject()) {
            throw mismatch(path, json, "an object with fields " + fieldNames(st));
        }
        Object[] values = new Object[st.fields().size()];
        for (int i = 0; i < values.length; i++) {
            StructField f = st.fields().get(i);
            JsonNode value = json.get(f.name());
            if ((value == null || value.isNull()) && !f.nullable()) {
                throw new IllegalArgumentException("field '" + path + "." + f.name() + "' is missing or null");
            }
            values[i] = toJava(value, f.type(), path + "." + f.name());
        }
        return Row.of(new Schema(st.fields()), values);
    }

    private static Object scalar(JsonNode json, ScalarType s, String path) {
        switch (s) {
            case INTEGER:
                if (json.canConvertToInt() && json.isIntegralNumber()) {
                    return json.intValue();
                }
                if (json.isNumber() && json.doubleValue() == Math.rint(json.doubleValue()) && json.canConvertToInt()) {
                    return json.intValue();
                }
                throw mismatch(path, json, "a whole number that fits in 32 bits");
            case LONG:
                if (json.isNumber() && json.canConvertToLong() && json.doubleValue() == Math.rint(json.doubleValue())) {
                    return json.longValue();
                }
                throw mismatch(path, json, "a whole number");
            case FLOAT:
                if (json.isNumber()) {
                    return json.floatValue();
                }
                throw mismatch(path, json, "a number");
            case DOUBLE:
                if (json.isNumber()) {
                    return json.doubleValue();
                }
                throw mismatch(path, json, "a number");
            case BOOLEAN:
                if (json.isBoolean()) {
                    return json.booleanValue();
                }
                throw mismatch(path, json, "true or false");
            case DATE:
                try {
                    return LocalDate.parse(json.asText());
                } catch (DateTimeParseException e) {
                    throw mismatch(path, json, "a date such as 2024-05-31");
                }
            case TIMESTAMP:
                try {
                    return LocalDateTime.parse(json.asText().replace(' ', 'T').replace("Z", ""));
                } catch (DateTimeParseException e) {
                    throw mismatch(path, json, "a timestamp such as 2024-05-31T12:00:00");
                }
            default:
                return json.isTextual() ? json.asText() : json.toString();
        }
    }

    private static List<String> fieldNames(StructType st) {
        List<String> names = new ArrayList<>();
        for (StructField f : st.fields()) {
            names.add(f.name());
        }
        return names;
    }

    private static IllegalArgumentException mismatch(String path, JsonNode json, String expected) {
        String shown = json.toString();
        if (shown.length() > 80) {
            shown = shown.substring(0, 77) + "...";
        }
        return new IllegalArgumentException("'" + path + "' is " + shown + ", expected " + expected);
    }

    /**
     * The JSON of a Java value: records by component name, {@link Row}s and maps by key,
     * {@code Optional} as its value or null, enums by name, collections and arrays as arrays.
     *
     * @param value the value
     * @return the JSON
     */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode n) {
            return n;
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (value instanceof BigInteger i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        if (value instanceof Optional<?> o) {
            return toJson(o.orElse(null));
        }
        if (value instanceof Row r) {
            ObjectNode o = NODES.objectNode();
            for (int i = 0; i < r.size(); i++) {
                o.set(r.schema().fields().get(i).name(), toJson(r.get(i)));
            }
            return o;
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                o.set(String.valueOf(e.getKey()), toJson(e.getValue()));
            }
            return o;
        }
        if (value instanceof Collection<?> c) {
            ArrayNode a = NODES.arrayNode();
            for (Object x : c) {
                a.add(toJson(x));
            }
            return a;
        }
        if (value instanceof float[] f) {
            ArrayNode a = NODES.arrayNode();
            for (float x : f) {
                a.add(x);
            }
            return a;
        }
        if (value.getClass().isRecord()) {
            ObjectNode o = NODES.objectNode();
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    o.set(c.getName(), toJson(c.getAccessor().invoke(value)));
                } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                    throw new IllegalArgumentException(
                            "cannot read component '" + c.getName() + "' of "
                                    + value.getClass().getSimpleName() + ": " + e,
                            e);
                }
            }
            return o;
        }
        return NODES.textNode(value.toString());
    }
}
