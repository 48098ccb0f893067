package dev.quarry.local.sql;

import dev.quarry.Row;
import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders constant values as DuckDB SQL. Strings are quoted by {@link Sql#string(String)}; every
 * other value is produced from its typed Java form, so no value's text can change the statement.
 * Each constant carries its type explicitly ({@code CAST(5 AS BIGINT)}), so DuckDB never picks a
 * different one.
 */
public final class Literals {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private Literals() {}

    /**
     * A constant of a type.
     *
     * <pre>{@code Literals.render("it's", DataTypes.STRING) // 'it''s'}</pre>
     *
     * @param value the value in its Java representation (see {@link Row}), or null
     * @param type its type
     * @return SQL text
     * @throws IllegalArgumentException when the value does not fit the type
     */
    public static String render(Object value, DataType type) {
        String duckType = DuckTypes.toSql(type);
        if (value == null) {
            return "CAST(NULL AS " + duckType + ")";
        }
        if (type.isTextual()) {
            String text = Sql.string(value.toString());
            return type == ScalarType.JSON ? "CAST(" + text + " AS JSON)" : text;
        }
        if (type instanceof ScalarType s) {
            return switch (s) {
                case INTEGER -> "CAST(" + number(value, type).intValue() + " AS INTEGER)";
                case LONG -> "CAST(" + number(value, type).longValue() + " AS BIGINT)";
                case DOUBLE -> floating(number(value, type).doubleValue(), "DOUBLE");
                case FLOAT ->
                    "CAST(" + Sql.string(Float.toString(number(value, type).floatValue())) + " AS FLOAT)";
                case BOOLEAN -> bool(value) ? "TRUE" : "FALSE";
                case DATE -> "DATE " + Sql.string(date(value).toString());
                case TIMESTAMP -> "TIMESTAMP " + Sql.string(TIMESTAMP.format(timestamp(value)));
                default -> throw new IllegalStateException("text type handled above: " + s);
            };
        }
        if (type instanceof ArrayType a) {
            List<?> list = list(value, type);
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (Object element : list) {
                j.add(render(element, a.elementType()));
            }
            return "CAST(" + j + " AS " + duckType + ")";
        }
        if (type instanceof EmbeddingType e) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            if (value instanceof float[] f) {
                if (f.length != e.dimensions()) {
                    throw new IllegalArgumentException("embedding literal has " + f.length + " values, its type "
                            + type.simpleString() + " wants " + e.dimensions());
                }
                for (float x : f) {
                    j.add(render(x, ScalarType.FLOAT));
                }
            } else {
                for (Object x : list(value, type)) {
                    j.add(render(x, ScalarType.FLOAT));
                }
            }
            return "CAST(" + j + " AS " + duckType + ")";
        }
        StructType st = (StructType) type;
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (StructField f : st.fields()) {
            j.add(Sql.string(f.name()) + ": " + render(field(value, f.name(), type), f.type()));
        }
        return "CAST(" + j + " AS " + duckType + ")";
    }

    private static String floating(double d, String duckType) {
        if (Double.isNaN(d)) {
            return "CAST('NaN' AS " + duckType + ")";
        }
        if (Double.isInfinite(d)) {
            return "CAST('" + (d > 0 ? "Infinity" : "-Infinity") + "' AS " + duckType + ")";
        }
        return "CAST(" + Double.toString(d) + " AS " + duckType + ")";
    }

    private static Number number(Object value, DataType type) {
        if (value instanceof Number n) {
            return n;
        }
        throw mismatch(value, type);
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw mismatch(value, ScalarType.BOOLEAN);
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        throw mismatch(value, ScalarType.DATE);
    }

    private static LocalDateTime timestamp(Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        throw mismatch(value, ScalarType.TIMESTAMP);
    }

    private static List<?> list(Object value, DataType type) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw mismatch(value, type);
    }

    private static Object field(Object value, String name, DataType type) {
        if (value instanceof Row r) {
            return r.get(name);
        }
        if (value instanceof Map<?, ?> m) {
            return m.get(name);
        }
        throw mismatch(value, type);
    }

    private static IllegalArgumentException mismatch(Object value, DataType type) {
        return new IllegalArgumentException(
                "a " + value.getClass().getSimpleName() + " value cannot be a " + type.simpleString() + " constant");
    }
}
