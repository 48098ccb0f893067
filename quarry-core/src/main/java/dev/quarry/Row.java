package dev.quarry;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a result: values addressed by column name or position, with the {@link Schema} that
 * types them.
 *
 * <p>Java representations: {@code string} and the text types → {@link String}; {@code int} →
 * {@link Integer}; {@code bigint} → {@link Long}; {@code float} → {@link Float}; {@code double} →
 * {@link Double}; {@code boolean} → {@link Boolean}; {@code date} → {@link LocalDate};
 * {@code timestamp} → {@link LocalDateTime}; {@code array<T>} → unmodifiable {@link List};
 * {@code struct} → {@code Row}; {@code embedding} → {@code float[]} (a copy).
 *
 * <pre>{@code
 * for (Row r : df.collectAsList()) {
 *     System.out.println(r.getString("team") + " " + r.getLong("tickets"));
 * }
 * }</pre>
 */
public final class Row {
    private final Schema schema;
    private final Object[] values;

    private Row(Schema schema, Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    /**
     * A row from a schema and its values, one per column, in order. Values are stored as given; the
     * caller is responsible for matching them to the schema's types.
     *
     * <pre>{@code Row r = Row.of(schema, 1L, "hello");}</pre>
     *
     * @param schema the row's schema
     * @param values the values, one per field
     * @return the row
     */
    public static Row of(Schema schema, Object... values) {
        requireNonNull(schema, "schema is null");
        requireNonNull(values, "values is null");
        if (values.length != schema.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values but the schema has "
                    + schema.size() + " columns: " + schema.names());
        }
        return new Row(schema, values.clone());
    }

    /**
     * A row from a list of values.
     *
     * <pre>{@code Row r = Row.of(schema, List.of(1L, "hello"));}</pre>
     *
     * @param schema the row's schema
     * @param values the values, one per field
     * @return the row
     */
    public static Row of(Schema schema, List<?> values) {
        return of(schema, values.toArray());
    }

    /**
     * The schema of this row.
     *
     * <pre>{@code List<String> names = row.schema().names();}</pre>
     *
     * @return the schema
     */
    public Schema schema() {
        return schema;
    }

    /**
     * The number of values.
     *
     * <pre>{@code int n = row.size();}</pre>
     *
     * @return the number of columns
     */
    public int size() {
        return values.length;
    }

    /**
     * The value at a position, in its Java representation (see the class comment), or null.
     *
     * <pre>{@code Object first = row.get(0);}</pre>
     *
     * @param index the 0-based column position
     * @return the value, or null
     */
    public Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Column index " + index + " is out of range; the row has " + values.length + " columns: "
                            + schema.names());
        }
        Object v = values[index];
        return v instanceof float[] f ? f.clone() : v;
    }

    /**
     * The value of a column, or null.
     *
     * <pre>{@code Object v = row.get("body");}</pre>
     *
     * @param column the column name
     * @return the value, or null
     * @throws QuarryException {@code COLUMN_NOT_FOUND} when there is no such column
     */
    public Object get(String column) {
        return get(indexOf(column));
    }

    private int indexOf(String column) {
        int i = schema.indexOf(column);
        if (i < 0) {
            throw new QuarryException(
                    ErrorCode.COLUMN_NOT_FOUND,
                    "Column '" + column + "' not found in row. Available: " + String.join(", ", schema.names()));
        }
        return i;
    }

    /** "a" or "an" before a type name, by its first letter. */
    private static String article(String noun) {
        return (!noun.isEmpty() && "aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    private <T> T typed(String column, Class<T> type, String typeName) {
        Object v = get(column);
        if (v == null) {
            return null;
        }
        if (!type.isInstance(v)) {
            throw new QuarryException(
                    ErrorCode.TYPE_MISMATCH,
                    "Column '" + column + "' holds "
                            + article(schema.field(column).type().simpleString())
                            + " value (" + v.getClass().getSimpleName() + "), not " + article(typeName)
                            + "; use get(\"" + column + "\") or the matching getter");
        }
        return type.cast(v);
    }

    /**
     * Whether the column is null in this row.
     *
     * <pre>{@code if (!row.isNullAt("email")) { ... }}</pre>
     *
     * @param column the column name
     * @return true when the value is null
     */
    public boolean isNullAt(String column) {
        return values[indexOf(column)] == null;
    }

    /**
     * A text column ({@code string}, markdown, json, html, transcript, document path).
     *
     * <pre>{@code String team = row.getString("team");}</pre>
     *
     * @param column the column name
     * @return the string, or null
     */
    public String getString(String column) {
        return typed(column, String.class, "string");
    }

    /**
     * An integral column as a {@code Long} ({@code int} and {@code bigint} both widen).
     *
     * <pre>{@code Long n = row.getLong("tickets");}</pre>
     *
     * @param column the column name
     * @return the number, or null
     */
    public Long getLong(String column) {
        Object v = get(column);
        if (v instanceof Integer i) {
            return i.longValue();
        }
        return typed(column, Long.class, "bigint");
    }

    /**
     * An {@code int} column.
     *
     * <pre>{@code Integer n = row.getInt("quantity");}</pre>
     *
     * @param column the column name
     * @return the number, or null
     */
    public Integer getInt(String column) {
        Object v = get(column);
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        return typed(column, Integer.class, "int");
    }

    /**
     * A numeric column as a {@code Double} (float and integral values widen).
     *
     * <pre>{@code Double avg = row.getDouble("avg_price");}</pre>
     *
     * @param column the column name
     * @return the number, or null
     */
    public Double getDouble(String column) {
        Object v = get(column);
        if (v instanceof Number n && !(v instanceof Double)) {
            return n.doubleValue();
        }
        return typed(column, Double.class, "double");
    }

    /**
     * A {@code boolean} column.
     *
     * <pre>{@code Boolean angry = row.getBoolean("angry");}</pre>
     *
     * @param column the column name
     * @return the boolean, or null
     */
    public Boolean getBoolean(String column) {
        return typed(column, Boolean.class, "boolean");
    }

    /**
     * A {@code date} column.
     *
     * <pre>{@code LocalDate d = row.getDate("order_date");}</pre>
     *
     * @param column the column name
     * @return the date, or null
     */
    public LocalDate getDate(String column) {
        return typed(column, LocalDate.class, "date");
    }

    /**
     * A {@code timestamp} column.
     *
     * <pre>{@code LocalDateTime t = row.getTimestamp("created_at");}</pre>
     *
     * @param column the column name
     * @return the timestamp, or null
     */
    public LocalDateTime getTimestamp(String column) {
        return typed(column, LocalDateTime.class, "timestamp");
    }

    /**
     * A {@code struct} column, as a row of its fields.
     *
     * <pre>{@code String product = row.getStruct("info").getString("product");}</pre>
     *
     * @param column the column name
     * @return the nested row, or null
     */
    public Row getStruct(String column) {
        return typed(column, Row.class, "struct");
    }

    /**
     * An {@code array} column.
     *
     * <pre>{@code List<String> codes = row.getList("error_codes");}</pre>
     *
     * @param column the column name
     * @param <T> the element type
     * @return the unmodifiable list, or null
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> getList(String column) {
        return (List<T>) typed(column, List.class, "array");
    }

    /**
     * An {@code embedding} column, as a copy of its vector.
     *
     * <pre>{@code float[] v = row.getEmbedding("embedding");}</pre>
     *
     * @param column the column name
     * @return the vector, or null
     */
    public float[] getEmbedding(String column) {
        return typed(column, float[].class, "embedding");
    }

    /**
     * The values in column order (embeddings copied).
     *
     * <pre>{@code List<Object> vs = row.values();}</pre>
     *
     * @return an unmodifiable list of values; nulls allowed
     */
    public List<Object> values() {
        List<Object> list = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            list.add(get(i));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * The row as an ordered map from column name to value (nested structs stay {@code Row}s).
     *
     * <pre>{@code Map<String, Object> m = row.toMap();}</pre>
     *
     * @return an ordered, unmodifiable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        List<String> names = schema.names();
        for (int i = 0; i < values.length; i++) {
            map.put(names.get(i), get(i));
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Row other)) {
            return false;
        }
        return schema.names().equals(other.schema.names()) && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * schema.names().hashCode() + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Row(");
        List<String> names = schema.names();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names.get(i)).append('=');
            Object v = values[i];
            sb.append(v instanceof float[] f ? Arrays.toString(f) : String.valueOf(v));
        }
        return sb.append(')').toString();
    }
}
