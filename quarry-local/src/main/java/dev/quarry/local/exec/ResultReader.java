package dev.quarry.local.exec;

import dev.quarry.Row;
import dev.quarry.local.sql.DuckTypes;
import dev.quarry.local.sql.Sql;
import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Converts DuckDB result sets into {@link Row}s in the Java representation of each column's Quarry
 * type, nested structs and arrays included, one converter per column chosen once.
 *
 * <p>DuckDB's JDBC driver hands out timestamps nested in lists and structs as
 * {@link java.sql.Timestamp}, which shifts wall times that do not exist in the JVM's time zone. A
 * query whose result nests timestamps is therefore wrapped by {@link #transport(Schema, String)}
 * in a projection that renders them as text, which is parsed back exactly.
 */
public final class ResultReader {
    private static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    @FunctionalInterface
    private interface Converter {
        Object convert(Object value) throws SQLException;
    }

    private ResultReader() {}

    /**
     * The query, wrapped so that timestamps nested in arrays or structs arrive as text.
     *
     * <pre>{@code String sql = ResultReader.transport(schema, compiled);}</pre>
     *
     * @param schema the query's schema
     * @param sql the query
     * @return the query to run
     */
    public static String transport(Schema schema, String sql) {
        boolean needed = false;
        for (StructField f : schema.fields()) {
            needed |= !(f.type() instanceof ScalarType) && nestsTimestamp(f.type());
        }
        if (!needed) {
            return sql;
        }
        StringJoiner j = new StringJoiner(", ", "SELECT ", " FROM (" + sql + ") AS \"transport\"");
        for (StructField f : schema.fields()) {
            String name = Sql.identifier(f.name());
            if (!(f.type() instanceof ScalarType) && nestsTimestamp(f.type())) {
                j.add("CAST(" + name + " AS " + transportType(f.type()) + ") AS " + name);
            } else {
                j.add(name);
            }
        }
        return j.toString();
    }

    private static boolean nestsTimestamp(DataType t) {
        if (t == ScalarType.TIMESTAMP) {
            return true;
        }
        if (t instanceof ArrayType a) {
            return nestsTimestamp(a.elementType());
        }
        if (t instanceof StructType s) {
            for (StructField f : s.fields()) {
                if (nestsTimestamp(f.type())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String transportType(DataType t) {
        if (t == ScalarType.TIMESTAMP) {
            return "VARCHAR";
        }
        if (t instanceof ArrayType a) {
            return transportType(a.elementType()) + "[]";
        }
        if (t instanceof StructType s) {
            StringJoiner j = new StringJoiner(", ", "STRUCT(", ")");
            for (StructField f : s.fields()) {
                j.add(Sql.identifier(f.name()) + " " + transportType(f.type()));
            }
            return j.toString();
        }
        return DuckTypes.toSql(t);
    }

    /**
     * Reads every remaining row of a result set.
     *
     * <pre>{@code List<Row> rows = ResultReader.readAll(rs, plan.schema());}</pre>
     *
     * @param rs the result set, positioned before the first row
     * @param schema the schema of its columns, in order
     * @return the rows
     * @throws SQLException when reading fails
     */
    public static List<Row> readAll(ResultSet rs, Schema schema) throws SQLException {
        int n = schema.size();
        Converter[] converters = new Converter[n];
        boolean[] topTimestamp = new boolean[n];
        for (int i = 0; i < n; i++) {
            DataType t = schema.fields().get(i).type();
            converters[i] = converter(t);
            topTimestamp[i] = t == ScalarType.TIMESTAMP;
        }
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                Object raw = topTimestamp[i] ? rs.getObject(i + 1, LocalDateTime.class) : rs.getObject(i + 1);
                values[i] = raw == null ? null : converters[i].convert(raw);
            }
            rows.add(Row.of(schema, values));
        }
        return rows;
    }

    /** Reads one column of the current row of a result set as its Quarry type's Java value. */
    @FunctionalInterface
    public interface ValueReader {
        /**
         * Reads the column.
         *
         * @param rs the result set, on a row
         * @param column the 1-based column index
         * @return the value, null for SQL NULL
         * @throws SQLException when reading fails
         */
        Object read(ResultSet rs, int column) throws SQLException;
    }

    /**
     * A reader for columns of a type, for callers that read a result set row by row (wrap the query
     * with {@link #transport(Schema, String)} when the type nests timestamps).
     *
     * <pre>{@code
     * ResultReader.ValueReader text = ResultReader.valueReader(DataTypes.STRING);
     * while (rs.next()) { String body = (String) text.read(rs, 2); }
     * }</pre>
     *
     * @param type the column's type
     * @return the reader
     */
    public static ValueReader valueReader(DataType type) {
        Converter converter = converter(type);
        if (type == ScalarType.TIMESTAMP) {
            return (rs, column) -> {
                Object raw = rs.getObject(column, LocalDateTime.class);
                return raw == null ? null : converter.convert(raw);
            };
        }
        return (rs, column) -> {
            Object raw = rs.getObject(column);
            return raw == null ? null : converter.convert(raw);
        };
    }

    private static Converter converter(DataType t) {
        if (t.isTextual()) {
            return Object::toString;
        }
        if (t instanceof ScalarType s) {
            return switch (s) {
                case INTEGER -> v -> ((Number) v).intValue();
                case LONG -> v -> v instanceof BigInteger b ? b.longValueExact() : ((Number) v).longValue();
                case FLOAT -> v -> ((Number) v).floatValue();
                case DOUBLE -> v -> v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue();
                case BOOLEAN -> v -> (Boolean) v;
                case DATE -> ResultReader::date;
                case TIMESTAMP -> ResultReader::timestamp;
                default -> Object::toString;
            };
        }
        if (t instanceof EmbeddingType) {
            return v -> {
                Object[] elements = elements(v);
                float[] out = new float[elements.length];
                for (int i = 0; i < elements.length; i++) {
                    out[i] = elements[i] == null ? Float.NaN : ((Number) elements[i]).floatValue();
                }
                return out;
            };
        }
        if (t instanceof ArrayType a) {
            Converter element = converter(a.elementType());
            return v -> {
                Object[] elements = elements(v);
                Object[] out = new Object[elements.length];
                for (int i = 0; i < elements.length; i++) {
                    out[i] = elements[i] == null ? null : element.convert(elements[i]);
                }
                return Collections.unmodifiableList(Arrays.asList(out));
            };
        }
        StructType st = (StructType) t;
        Schema inner = st.toSchema();
        Converter[] fields = new Converter[st.fields().size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = converter(st.fields().get(i).type());
        }
        return v -> {
            Object[] attributes = attributes(v, inner);
            Object[] out = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                out[i] = attributes[i] == null ? null : fields[i].convert(attributes[i]);
            }
            return Row.of(inner, out);
        };
    }

    private static Object[] elements(Object v) throws SQLException {
        if (v instanceof Array array) {
            return (Object[]) array.getArray();
        }
        if (v instanceof List<?> list) {
            return list.toArray();
        }
        if (v instanceof Object[] objects) {
            return objects;
        }
        throw new SQLException("expected an array value, got " + v.getClass().getName());
    }

    private static Object[] attributes(Object v, Schema schema) throws SQLException {
        if (v instanceof Struct struct) {
            return struct.getAttributes();
        }
        if (v instanceof Map<?, ?> map) {
            Object[] out = new Object[schema.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = map.get(schema.fields().get(i).name());
            }
            return out;
        }
        throw new SQLException("expected a struct value, got " + v.getClass().getName());
    }

    private static Object date(Object v) throws SQLException {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (v instanceof String s) {
            return LocalDate.parse(s);
        }
        throw new SQLException("expected a date value, got " + v.getClass().getName());
    }

    private static Object timestamp(Object v) throws SQLException {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof String s) {
            return LocalDateTime.parse(s, TIMESTAMP_TEXT);
        }
        if (v instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        throw new SQLException("expected a timestamp value, got " + v.getClass().getName());
    }
}
