package dev.quarry.internal.analyzer;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.Row;
import dev.quarry.internal.expr.TypeRules;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory rows for {@code session.createDataFrame}: schema inference from maps and from record
 * classes, and conversion of Java values to the representation of the schema's types.
 *
 * <p>Java types: String, Character and enums → string; Integer, Short, Byte → int; Long,
 * BigInteger → bigint; Float → float; Double, BigDecimal → double; Boolean → boolean; LocalDate →
 * date; LocalDateTime and Instant (UTC) → timestamp; List → array; Map and nested records → struct;
 * Optional → its content, nullable.
 */
public final class LocalData {
    private LocalData() {}

    // ------------------------------------------------------------------ maps

    /**
     * Rows from maps: columns in first-seen order, types unified across rows, a column null in
     * every row becomes string.
     *
     * <pre>{@code LocalData.fromMaps(List.of(Map.of("id", 1, "name", "a")))}</pre>
     *
     * @param rows the rows
     * @return the relation
     */
    public static LocalRelation fromMaps(List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            throw Errors.invalidArgument("Cannot infer a schema from an empty list of maps. Pass a Schema,"
                    + " createDataFrame(rows, schema), or a record type, createDataFrame(rows, MyRecord.class)");
        }
        Map<String, String> lowerToName = new LinkedHashMap<>();
        Map<String, DataType> types = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, ?> row = rows.get(i);
            if (row == null) {
                throw Errors.invalidArgument("Row " + i + " is null; pass an empty map for a row of nulls");
            }
            for (Map.Entry<String, ?> e : row.entrySet()) {
                String name = e.getKey();
                if (name == null || name.isEmpty()) {
                    throw Errors.invalidArgument("Row " + i + " has an empty or null column name");
                }
                String lower = name.toLowerCase(Locale.ROOT);
                String known = lowerToName.putIfAbsent(lower, name);
                if (known != null && !known.equals(name)) {
                    throw Errors.duplicateColumn("Columns '" + known + "' and '" + name + "' differ only in case;"
                            + " column names are compared ignoring case, so use one spelling");
                }
                DataType t = infer(e.getValue(), name);
                if (t == null) {
                    types.putIfAbsent(name, null);
                    continue;
                }
                DataType previous = types.get(name);
                types.put(name, previous == null ? t : unify(previous, t, name));
            }
        }
        List<StructField> fields = new ArrayList<>();
        for (Map.Entry<String, DataType> e : types.entrySet()) {
            fields.add(new StructField(e.getKey(), e.getValue() == null ? ScalarType.STRING : e.getValue(), true));
        }
        return fromMaps(rows, new Schema(fields));
    }

    /**
     * Rows from maps with a given schema: each value converted to its column's type; keys the
     * schema lacks are an error, columns a map lacks are null.
     *
     * <pre>{@code LocalData.fromMaps(rows, Schema.of(DataTypes.field("id", DataTypes.LONG)))}</pre>
     *
     * @param rows the rows
     * @param schema the schema
     * @return the relation
     */
    public static LocalRelation fromMaps(List<? extends Map<String, ?>> rows, Schema schema) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, ?> row = rows.get(i);
            if (row == null) {
                throw Errors.invalidArgument("Row " + i + " is null; pass an empty map for a row of nulls");
            }
            for (String key : row.keySet()) {
                if (schema.indexOf(key) < 0) {
                    throw new QuarryException(
                            ErrorCode.COLUMN_NOT_FOUND,
                            "Row " + i + " has column '" + key + "', which the schema lacks. Schema columns: "
                                    + Errors.list(schema.names()) + "." + Suggestions.didYouMean(key, schema.names()));
                }
            }
            Map<String, Object> byLower = new LinkedHashMap<>();
            for (Map.Entry<String, ?> e : row.entrySet()) {
                byLower.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
            }
            List<Object> values = new ArrayList<>(schema.size());
            for (StructField f : schema.fields()) {
                Object v = row.containsKey(f.name())
                        ? row.get(f.name())
                        : byLower.get(f.name().toLowerCase(Locale.ROOT));
                values.add(convert(v, f.type(), "row " + i + ", column '" + f.name() + "'", f.nullable()));
            }
            out.add(values);
        }
        return new LocalRelation(schema, out);
    }

    private static DataType unify(DataType a, DataType b, String column) {
        if (a.equals(b)) {
            return a;
        }
        DataType numeric = TypeRules.widerNumeric(a, b);
        if (numeric != null) {
            return numeric;
        }
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return new ArrayType(unify(x.elementType(), y.elementType(), column + "[]"));
        }
        if (a instanceof StructType x && b instanceof StructType y) {
            Map<String, DataType> merged = new LinkedHashMap<>();
            for (StructField f : x.fields()) {
                merged.put(f.name(), f.type());
            }
            for (StructField f : y.fields()) {
                DataType p = merged.get(f.name());
                merged.put(f.name(), p == null ? f.type() : unify(p, f.type(), column + "." + f.name()));
            }
            List<StructField> fields = new ArrayList<>();
            merged.forEach((n, t) -> fields.add(new StructField(n, t, true)));
            return new StructType(fields);
        }
        throw Errors.typeMismatch("Column '" + column + "' holds values of conflicting types: " + a.simpleString()
                + " and " + b.simpleString() + ". Use one Java type per column, or pass a Schema to"
                + " createDataFrame(rows, schema)");
    }

    /** The type of a Java value, or null for null (and for empty lists, whose element type is unknown). */
    private static DataType infer(Object v, String column) {
        if (v instanceof Optional<?> o) {
            return infer(o.orElse(null), column);
        }
        if (v == null) {
            return null;
        }
        if (v instanceof String || v instanceof Character || v instanceof Enum<?>) {
            return ScalarType.STRING;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ScalarType.INTEGER;
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return ScalarType.LONG;
        }
        if (v instanceof Float) {
            return ScalarType.FLOAT;
        }
        if (v instanceof Double || v instanceof BigDecimal) {
            return ScalarType.DOUBLE;
        }
        if (v instanceof Boolean) {
            return ScalarType.BOOLEAN;
        }
        if (v instanceof LocalDate) {
            return ScalarType.DATE;
        }
        if (v instanceof LocalDateTime || v instanceof Instant) {
            return ScalarType.TIMESTAMP;
        }
        if (v instanceof Row r) {
            return r.schema().toStructType();
        }
        if (v instanceof Collection<?> c) {
            DataType element = null;
            for (Object item : c) {
                DataType t = infer(item, column + "[]");
                if (t != null) {
                    element = element == null ? t : unify(element, t, column + "[]");
                }
            }
            return new ArrayType(element == null ? ScalarType.STRING : element);
        }
        if (v instanceof Map<?, ?> m) {
            List<StructField> fields = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String name = String.valueOf(e.getKey());
                DataType t = infer(e.getValue(), column + "." + name);
                fields.add(new StructField(name, t == null ? ScalarType.STRING : t, true));
            }
            return new StructType(fields);
        }
        if (v.getClass().isRecord()) {
            return recordType(v.getClass(), column);
        }
        throw Errors.invalidArgument(
                "Column '" + column + "' holds a " + v.getClass().getName()
                        + ", which has no Quarry type. Use strings, numbers, booleans, LocalDate, LocalDateTime, Instant,"
                        + " enums, lists, maps or records");
    }

    // ------------------------------------------------------------------ records

    /**
     * The schema of a record class: one column per component.
     *
     * <pre>{@code record Person(String name, int age) {}
     * LocalData.schemaOf(Person.class) // name: string, age: int not null}</pre>
     *
     * @param recordType a record class
     * @return the schema
     */
    public static Schema schemaOf(Class<?> recordType) {
        return recordType(recordType, recordType.getSimpleName()).toSchema();
    }

    /**
     * Rows from records of one class.
     *
     * <pre>{@code LocalData.fromRecords(people, Person.class)}</pre>
     *
     * @param rows the records
     * @param recordType their class
     * @param <T> the record type
     * @return the relation
     */
    public static <T> LocalRelation fromRecords(List<T> rows, Class<T> recordType) {
        Schema schema = schemaOf(recordType);
        RecordComponent[] components = recordType.getRecordComponents();
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            T row = rows.get(i);
            if (row == null) {
                throw Errors.invalidArgument("Row " + i + " is null; createDataFrame needs a record in every row");
            }
            out.add(recordValues(row, components, schema, "row " + i));
        }
        return new LocalRelation(schema, out);
    }

    private static StructType recordType(Class<?> type, String path) {
        if (!type.isRecord()) {
            throw Errors.invalidArgument(
                    type.getName() + " is not a record; createDataFrame(rows, type) needs a" + " Java record class");
        }
        List<StructField> fields = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Type generic = c.getGenericType();
            boolean nullable = !c.getType().isPrimitive();
            if (c.getType() == Optional.class) {
                generic = typeArgument(generic, path + "." + c.getName());
                nullable = true;
            }
            fields.add(new StructField(c.getName(), javaType(generic, path + "." + c.getName()), nullable));
        }
        if (fields.isEmpty()) {
            throw Errors.invalidArgument("Record " + type.getName() + " has no components, so it has no columns");
        }
        return new StructType(fields);
    }

    private static Type typeArgument(Type t, String path) {
        if (t instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[0];
        }
        throw Errors.invalidArgument(
                "'" + path + "' is a raw " + t.getTypeName() + "; give it a type argument, e.g. List<String>");
    }

    private static DataType javaType(Type t, String path) {
        Class<?> raw =
                t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : t instanceof Class<?> c ? c : null;
        if (raw == null) {
            throw Errors.invalidArgument(
                    "'" + path + "' has type " + t.getTypeName() + ", which has no Quarry type; use a concrete type");
        }
        if (raw == String.class || raw == char.class || raw == Character.class || raw.isEnum()) {
            return ScalarType.STRING;
        }
        if (raw == int.class
                || raw == Integer.class
                || raw == short.class
                || raw == Short.class
                || raw == byte.class
                || raw == Byte.class) {
            return ScalarType.INTEGER;
        }
        if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
            return ScalarType.LONG;
        }
        if (raw == float.class || raw == Float.class) {
            return ScalarType.FLOAT;
        }
        if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            return ScalarType.DOUBLE;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return ScalarType.BOOLEAN;
        }
        if (raw == LocalDate.class) {
            return ScalarType.DATE;
        }
        if (raw == LocalDateTime.class || raw == Instant.class) {
            return ScalarType.TIMESTAMP;
        }
        if (List.class.isAssignableFrom(raw) || raw == Collection.class) {
            return new ArrayType(javaType(typeArgument(t, path), path + "[]"));
        }
        if (raw == Optional.class) {
            return javaType(typeArgument(t, path), path);
        }
        if (raw.isRecord()) {
            return recordType(raw, path);
        }
        throw Errors.invalidArgument("'" + path + "' has type " + t.getTypeName() + ", which has no Quarry type."
                + " Use strings, numbers, booleans, LocalDate, LocalDateTime, Instant, enums, List<T>, Optional<T>"
                + " or nested records");
    }

    private static List<Object> recordValues(Object record, RecordComponent[] components, Schema schema, String where) {
        List<Object> values = new ArrayList<>(components.length);
        for (int j = 0; j < components.length; j++) {
            StructField f = schema.fields().get(j);
            Object raw = read(components[j], record);
            values.add(convert(raw, f.type(), where + ", column '" + f.name() + "'", true));
        }
        return values;
    }

    private static Object read(RecordComponent c, Object record) {
        Method accessor = c.getAccessor();
        try {
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Cannot read component '" + c.getName() + "' of "
                            + record.getClass().getName() + "; make the record public or open its package: "
                            + e.getMessage(),
                    e);
        } catch (InvocationTargetException e) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "The accessor " + c.getName() + "() of " + record.getClass().getName() + " threw: " + e.getCause(),
                    e.getCause());
        }
    }

    // ------------------------------------------------------------------ conversion

    /** A Java value in the representation of a type (see {@link Row}), or an error naming where it was. */
    static Object convert(Object v, DataType type, String where, boolean nullable) {
        if (v instanceof Optional<?> o) {
            v = o.orElse(null);
        }
        if (v == null) {
            if (!nullable) {
                throw Errors.invalidArgument("Null at " + where + ", which the schema declares not null");
            }
            return null;
        }
        if (type instanceof ScalarType s) {
            Object c = scalar(v, s);
            if (c == null) {
                throw mismatch(v, type, where);
            }
            return c;
        }
        if (type instanceof ArrayType a) {
            if (!(v instanceof Collection<?> c)) {
                throw mismatch(v, type, where);
            }
            List<Object> list = new ArrayList<>(c.size());
            int i = 0;
            for (Object item : c) {
                list.add(convert(item, a.elementType(), where + "[" + i++ + "]", true));
            }
            return java.util.Collections.unmodifiableList(list);
        }
        if (type instanceof StructType st) {
            Schema s = st.toSchema();
            if (v instanceof Row r) {
                List<Object> values = new ArrayList<>();
                for (StructField f : s.fields()) {
                    int i = r.schema().indexOf(f.name());
                    values.add(convert(i < 0 ? null : r.get(i), f.type(), where + "." + f.name(), f.nullable()));
                }
                return Row.of(s, values);
            }
            if (v instanceof Map<?, ?> m) {
                List<Object> values = new ArrayList<>();
                for (StructField f : s.fields()) {
                    values.add(convert(m.get(f.name()), f.type(), where + "." + f.name(), f.nullable()));
                }
                return Row.of(s, values);
            }
            if (v.getClass().isRecord()) {
                RecordComponent[] components = v.getClass().getRecordComponents();
                if (components.length != s.size()) {
                    throw mismatch(v, type, where);
                }
                return Row.of(s, recordValues(v, components, s, where));
            }
            throw mismatch(v, type, where);
        }
        if (type instanceof EmbeddingType e) {
            if (v instanceof float[] f && f.length == e.dimensions()) {
                return f.clone();
            }
            throw mismatch(v, type, where);
        }
        if (v instanceof String s && type.isTextual()) {
            return s;
        }
        throw mismatch(v, type, where);
    }

    private static Object scalar(Object v, ScalarType t) {
        switch (t) {
            case STRING, MARKDOWN, JSON, HTML, DOCUMENT_PATH -> {
                if (v instanceof String || v instanceof Character) {
                    return v.toString();
                }
                return v instanceof Enum<?> e ? e.name() : null;
            }
            case INTEGER -> {
                return v instanceof Integer || v instanceof Short || v instanceof Byte ? ((Number) v).intValue() : null;
            }
            case LONG -> {
                if (v instanceof BigInteger b) {
                    return b.longValueExact();
                }
                return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                        ? ((Number) v).longValue()
                        : null;
            }
            case FLOAT -> {
                return v instanceof Float || v instanceof Integer || v instanceof Short || v instanceof Byte
                        ? ((Number) v).floatValue()
                        : null;
            }
            case DOUBLE -> {
                return v instanceof Number n ? n.doubleValue() : null;
            }
            case BOOLEAN -> {
                return v instanceof Boolean ? v : null;
            }
            case DATE -> {
                return v instanceof LocalDate ? v : null;
            }
            case TIMESTAMP -> {
                if (v instanceof Instant i) {
                    return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
                }
                return v instanceof LocalDateTime ? v : null;
            }
            default -> {
                return null;
            }
        }
    }

    private static QuarryException mismatch(Object v, DataType type, String where) {
        String shown = String.valueOf(v);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return Errors.typeMismatch("Value " + shown + " (" + v.getClass().getSimpleName() + ") at " + where
                + " does not fit the column type " + type.simpleString());
    }
}
