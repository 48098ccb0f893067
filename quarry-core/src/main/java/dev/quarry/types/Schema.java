package dev.quarry.types;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered, named and typed columns of a DataFrame or a {@link dev.quarry.Row}. Column names are
 * unique ignoring case (as in DuckDB and Spark); lookups prefer an exact match and fall back to a
 * case-insensitive one.
 *
 * <pre>{@code
 * Schema s = df.schema();
 * System.out.println(s);              // root
 *                                     //  |-- id: bigint
 *                                     //  |-- body: string
 * DataType t = s.field("body").type();
 * }</pre>
 *
 * @param fields the columns in order
 */
public record Schema(List<StructField> fields) {
    /** Validates uniqueness and copies the list. */
    public Schema {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        checkUnique(fields);
    }

    /**
     * A schema from fields.
     *
     * <pre>{@code Schema s = Schema.of(DataTypes.field("id", DataTypes.LONG));}</pre>
     *
     * @param fields the columns in order
     * @return the schema
     */
    public static Schema of(StructField... fields) {
        return new Schema(List.of(fields));
    }

    /** The schema with no columns. */
    public static final Schema EMPTY = new Schema(List.of());

    static void checkUnique(List<StructField> fields) {
        Map<String, String> seen = new HashMap<>();
        for (StructField f : fields) {
            String previous = seen.putIfAbsent(f.name().toLowerCase(Locale.ROOT), f.name());
            if (previous != null) {
                throw new IllegalArgumentException("duplicate field name '" + f.name() + "' (already have '" + previous
                        + "'); names are compared ignoring case");
            }
        }
    }

    /**
     * The number of columns.
     *
     * <pre>{@code int n = schema.size();}</pre>
     *
     * @return the column count
     */
    public int size() {
        return fields.size();
    }

    /**
     * The column names in order.
     *
     * <pre>{@code List<String> names = schema.names(); // [id, body]}</pre>
     *
     * @return the names
     */
    public List<String> names() {
        List<String> names = new ArrayList<>(fields.size());
        for (StructField f : fields) {
            names.add(f.name());
        }
        return names;
    }

    /**
     * The position of a column: an exact match first, else a case-insensitive one, else -1.
     *
     * <pre>{@code int i = schema.indexOf("body");}</pre>
     *
     * @param name the column name
     * @return the index, or -1 when absent
     */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The column with this name, if any (exact match first, then ignoring case).
     *
     * <pre>{@code Optional<StructField> f = schema.find("body");}</pre>
     *
     * @param name the column name
     * @return the field, or empty
     */
    public Optional<StructField> find(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(fields.get(i));
    }

    /**
     * The column with this name.
     *
     * <pre>{@code DataType t = schema.field("body").type();}</pre>
     *
     * @param name the column name
     * @return the field
     * @throws IllegalArgumentException when there is no such column; the message lists the columns
     */
    public StructField field(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(
                    "Column '" + name + "' not found. Available: " + String.join(", ", names()));
        }
        return fields.get(i);
    }

    /**
     * The schema as a struct type.
     *
     * <pre>{@code StructType t = schema.toStructType();}</pre>
     *
     * @return a struct type with the same fields
     */
    public StructType toStructType() {
        return new StructType(fields);
    }

    /**
     * A tree rendering like Spark's {@code printSchema()}, nested structs and arrays included.
     *
     * <pre>{@code System.out.print(schema.treeString());}</pre>
     *
     * @return the readable schema
     */
    public String treeString() {
        StringBuilder sb = new StringBuilder("root\n");
        for (StructField f : fields) {
            appendField(sb, f.name(), f.type(), f.nullable(), 1);
        }
        return sb.toString();
    }

    private static void appendField(StringBuilder sb, String name, DataType type, boolean nullable, int depth) {
        sb.append(" |   ".repeat(depth - 1)).append(" |-- ").append(name).append(": ");
        if (type instanceof StructType struct) {
            sb.append("struct").append(nullable ? "" : " not null").append('\n');
            for (StructField f : struct.fields()) {
                appendField(sb, f.name(), f.type(), f.nullable(), depth + 1);
            }
        } else if (type instanceof ArrayType array && array.elementType() instanceof StructType) {
            sb.append("array").append(nullable ? "" : " not null").append('\n');
            appendField(sb, "element", array.elementType(), true, depth + 1);
        } else {
            sb.append(type.simpleString()).append(nullable ? "" : " not null").append('\n');
        }
    }

    @Override
    public String toString() {
        return treeString();
    }
}
