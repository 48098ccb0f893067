package dev.quarry.local.io;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.Row;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.sql.DuckTypes;
import dev.quarry.local.sql.Sql;
import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Loads in-memory rows into a DuckDB table through DuckDB's appender: values travel as typed Java
 * values, never as SQL text. Nested structs, arrays and embeddings are appended as such.
 */
public final class RowLoader {
    private RowLoader() {}

    /**
     * Creates a table with the schema's columns and appends the rows.
     *
     * <pre>{@code RowLoader.load(connection, "temp", "main", "quarry_rows_1", true, schema, rows);}</pre>
     *
     * @param connection the connection
     * @param catalog the database ({@code temp} for a temporary table)
     * @param schemaName the schema
     * @param table the table name
     * @param temporary create a {@code TEMP} table
     * @param schema the columns
     * @param rows the rows, each a list of values in the Java representation of the column types
     * @throws QuarryException INVALID_ARGUMENT when a value does not fit its column
     */
    public static void load(
            DuckDBConnection connection,
            String catalog,
            String schemaName,
            String table,
            boolean temporary,
            Schema schema,
            List<List<Object>> rows) {
        String qualified = temporary ? Sql.identifier(table) : Sql.qualified(catalog, schemaName, table);
        StringJoiner columns = new StringJoiner(", ", "(", ")");
        for (StructField f : schema.fields()) {
            columns.add(Sql.identifier(f.name()) + " " + DuckTypes.toSql(f.type()));
        }
        if (schema.size() == 0) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Cannot create a DataFrame without columns");
        }
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE " + (temporary ? "TEMP " : "") + "TABLE " + qualified + " " + columns);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "creating a table for in-memory rows", false);
        }
        int rowIndex = 0;
        try (DuckDBAppender appender = connection.createAppender(catalog, schemaName, table)) {
            for (List<Object> row : rows) {
                appender.beginRow();
                for (int i = 0; i < schema.size(); i++) {
                    StructField f = schema.fields().get(i);
                    try {
                        appendTop(appender, row.get(i), f.type());
                    } catch (ClassCastException | IllegalArgumentException e) {
                        throw new QuarryException(
                                ErrorCode.INVALID_ARGUMENT,
                                "Row " + rowIndex + ", column '" + f.name() + "': value " + abbreviate(row.get(i))
                                        + " does not fit type " + f.type().simpleString() + " (" + e.getMessage() + ")",
                                e);
                    }
                }
                appender.endRow();
                rowIndex++;
            }
        } catch (SQLException e) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Cannot load in-memory row " + rowIndex + " into DuckDB: " + e.getMessage(),
                    e);
        }
    }

    private static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /**
     * Appends one value of a column to the current row of an appender: nulls, scalars (numbers
     * widened or narrowed to the column's type, dates and timestamps converted), embeddings (from
     * {@code float[]}, {@code double[]} or a list), arrays and structs (from {@code Row}s or maps),
     * nested to any depth.
     *
     * <pre>{@code RowLoader.appendValue(appender, Row.of(schema, "a", 1L), structType);}</pre>
     *
     * @param a the appender, inside {@code beginRow()}
     * @param v the Java value, or null
     * @param type the column's type
     * @throws SQLException when DuckDB refuses the value
     */
    public static void appendValue(DuckDBAppender a, Object v, DataType type) throws SQLException {
        appendTop(a, v, type);
    }

    private static void appendTop(DuckDBAppender a, Object v, DataType type) throws SQLException {
        if (v == null) {
            a.appendNull();
            return;
        }
        if (type.isTextual()) {
            a.append(v.toString());
            return;
        }
        if (type instanceof ScalarType s) {
            switch (s) {
                case INTEGER -> a.append(((Number) v).intValue());
                case LONG -> a.append(((Number) v).longValue());
                case FLOAT -> a.append(((Number) v).floatValue());
                case DOUBLE -> a.append(((Number) v).doubleValue());
                case BOOLEAN -> a.append(((Boolean) v).booleanValue());
                case DATE -> a.append(date(v));
                case TIMESTAMP -> a.append(timestamp(v));
                default -> a.append(v.toString());
            }
            return;
        }
        if (type instanceof EmbeddingType e) {
            a.append(embedding(v, e));
            return;
        }
        if (type instanceof ArrayType arr) {
            a.append(nestedList(v, arr));
            return;
        }
        StructType st = (StructType) type;
        a.beginStruct();
        for (StructField f : st.fields()) {
            appendTop(a, field(v, f.name()), f.type());
        }
        a.endStruct();
    }

    /** A value inside a collection: lists for arrays and structs, typed scalars. */
    private static Object nested(Object v, DataType type) {
        if (v == null) {
            return null;
        }
        if (type.isTextual()) {
            return v.toString();
        }
        if (type instanceof ScalarType s) {
            return switch (s) {
                case INTEGER -> ((Number) v).intValue();
                case LONG -> ((Number) v).longValue();
                case FLOAT -> ((Number) v).floatValue();
                case DOUBLE -> ((Number) v).doubleValue();
                case BOOLEAN -> (Boolean) v;
                case DATE -> date(v);
                case TIMESTAMP -> timestamp(v);
                default -> v.toString();
            };
        }
        if (type instanceof EmbeddingType e) {
            return embedding(v, e);
        }
        if (type instanceof ArrayType arr) {
            return nestedList(v, arr);
        }
        StructType st = (StructType) type;
        List<Object> fields = new ArrayList<>(st.fields().size());
        for (StructField f : st.fields()) {
            fields.add(nested(field(v, f.name()), f.type()));
        }
        return fields;
    }

    private static List<Object> nestedList(Object v, ArrayType type) {
        List<?> list = (List<?>) v;
        List<Object> out = new ArrayList<>(list.size());
        for (Object element : list) {
            out.add(nested(element, type.elementType()));
        }
        return out;
    }

    private static float[] embedding(Object v, EmbeddingType type) {
        float[] out;
        if (v instanceof float[] f) {
            out = f;
        } else if (v instanceof double[] d) {
            out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = (float) d[i];
            }
        } else {
            List<?> list = (List<?>) v;
            out = new float[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) list.get(i)).floatValue();
            }
        }
        if (out.length != type.dimensions()) {
            throw new IllegalArgumentException(
                    "the embedding has " + out.length + " values, the column wants " + type.dimensions());
        }
        return out;
    }

    private static Object field(Object v, String name) {
        if (v instanceof Row r) {
            return r.get(name);
        }
        if (v instanceof Map<?, ?> m) {
            return m.get(name);
        }
        if (v instanceof Record) {
            throw new IllegalArgumentException("records must be converted to rows or maps first");
        }
        throw new ClassCastException(
                "a struct value must be a Row or a Map, not " + v.getClass().getSimpleName());
    }

    private static LocalDate date(Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        throw new ClassCastException(
                "a date must be a LocalDate, not " + v.getClass().getSimpleName());
    }

    private static LocalDateTime timestamp(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        throw new ClassCastException(
                "a timestamp must be a LocalDateTime, not " + v.getClass().getSimpleName());
    }
}
