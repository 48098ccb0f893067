package dev.quarry.local.semantic;

import dev.quarry.Row;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.sql.DuckTypes;
import dev.quarry.local.sql.Sql;
import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A temporary table of computed values keyed by row id, {@code (rid BIGINT, value <type>)}, filled
 * through DuckDB's appender (typed values, no SQL text, no per-row statements). Rows whose value is
 * null are simply not appended: the executor joins the table to its input with a left join. Use
 * from one thread.
 */
final class ResultTable implements AutoCloseable {
    private final String name;
    private final DataType type;
    private final DuckDBAppender appender;

    private ResultTable(String name, DataType type, DuckDBAppender appender) {
        this.name = name;
        this.type = type;
        this.appender = appender;
    }

    /**
     * Creates the table and opens its appender.
     *
     * @param connection the session's connection
     * @param name the raw table name
     * @param type the type of the values
     * @return the open table
     */
    static ResultTable create(DuckDBConnection connection, String name, DataType type) {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMP TABLE " + Sql.identifier(name) + " (rid BIGINT, value " + storageType(type) + ")");
            return new ResultTable(name, type, connection.createAppender("temp", "main", name));
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "creating a table for model results", false);
        }
    }

    /**
     * The SQL type the values are stored as. Embeddings are stored as a list and cast to their
     * fixed-size array type when read: DuckDB 2.0.0.1 fails a left join that pads a fixed-size
     * array column with null next to a text column ("Cannot cast list with length 0 to array").
     */
    private static String storageType(DataType type) {
        return type instanceof EmbeddingType ? "FLOAT[]" : DuckTypes.toSql(type);
    }

    /**
     * The SQL reading the value column through a table alias, in the value's type.
     *
     * @param alias the alias the table has in the query
     * @return SQL text
     */
    String select(String alias) {
        String value = alias + ".value";
        return type instanceof EmbeddingType ? "CAST(" + value + " AS " + DuckTypes.toSql(type) + ")" : value;
    }

    /** The raw table name. */
    String name() {
        return name;
    }

    /**
     * Appends one value.
     *
     * @param rid the input row id
     * @param value the Java value of the table's type (not null)
     */
    void append(long rid, Object value) {
        try {
            appender.beginRow();
            appender.append(rid);
            appendTop(appender, value, type);
            appender.endRow();
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "storing a model result", false);
        }
    }

    @Override
    public void close() {
        try {
            appender.close();
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "storing model results", false);
        }
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
                case DATE -> a.append((LocalDate) v);
                case TIMESTAMP -> a.append((LocalDateTime) v);
                default -> a.append(v.toString());
            }
            return;
        }
        if (type instanceof EmbeddingType) {
            a.append((float[]) v);
            return;
        }
        if (type instanceof ArrayType arr) {
            a.append(nestedList(v, arr));
            return;
        }
        StructType st = (StructType) type;
        a.beginStruct();
        for (int i = 0; i < st.fields().size(); i++) {
            StructField f = st.fields().get(i);
            appendTop(a, field(v, i, f.name()), f.type());
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
        if (type instanceof ScalarType) {
            return v;
        }
        if (type instanceof EmbeddingType) {
            return v;
        }
        if (type instanceof ArrayType arr) {
            return nestedList(v, arr);
        }
        StructType st = (StructType) type;
        List<Object> fields = new ArrayList<>(st.fields().size());
        for (int i = 0; i < st.fields().size(); i++) {
            StructField f = st.fields().get(i);
            fields.add(nested(field(v, i, f.name()), f.type()));
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

    private static Object field(Object v, int index, String name) {
        if (v instanceof Row r) {
            return r.get(index);
        }
        if (v instanceof Map<?, ?> m) {
            return m.get(name);
        }
        throw new IllegalArgumentException(
                "a struct value must be a Row or a Map, not " + v.getClass().getName());
    }
}
