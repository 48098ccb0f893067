package dev.quarry.local.sql;

import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import dev.quarry.types.TranscriptType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Maps Quarry types to DuckDB types and back.
 *
 * <p>Quarry → DuckDB: string and the text types (markdown, html, document path, transcript) →
 * {@code VARCHAR}; json → {@code JSON}; int → {@code INTEGER}; bigint → {@code BIGINT}; float →
 * {@code FLOAT}; double → {@code DOUBLE}; boolean → {@code BOOLEAN}; date → {@code DATE}; timestamp →
 * {@code TIMESTAMP}; {@code array<T>} → {@code T[]}; struct → {@code STRUCT(...)};
 * {@code embedding<n, model>} → {@code FLOAT[n]}.
 *
 * <p>DuckDB → Quarry: {@code TINYINT}, {@code SMALLINT}, {@code INTEGER}, {@code UTINYINT},
 * {@code USMALLINT} → int; {@code BIGINT}, {@code UINTEGER}, {@code UBIGINT}, {@code HUGEINT},
 * {@code UHUGEINT} → bigint (a value beyond the bigint range fails the query when read);
 * {@code DECIMAL(p, 0)} with p ≤ 18 → bigint, any other {@code DECIMAL} → double;
 * {@code FLOAT} → float; {@code DOUBLE} → double; every {@code TIMESTAMP} flavour → timestamp
 * ({@code TIMESTAMP WITH TIME ZONE} as UTC wall time); {@code T[]} → array; {@code FLOAT[n]} →
 * {@code embedding<n, unknown>} (the producing model is not recorded in the file); other fixed-size
 * arrays → array; {@code STRUCT} → struct; {@code JSON} → json; anything else ({@code UUID},
 * {@code INTERVAL}, {@code TIME}, {@code BLOB}, {@code MAP}, {@code ENUM}, {@code UNION}, ...) →
 * string, read as DuckDB's text rendering.
 */
public final class DuckTypes {
    /** The model name given to embeddings read from files, where no model is recorded. */
    public static final String UNKNOWN_EMBEDDING_MODEL = "unknown";

    private DuckTypes() {}

    /**
     * The DuckDB type for a Quarry type, as SQL text.
     *
     * <pre>{@code DuckTypes.toSql(DataTypes.arrayOf(DataTypes.LONG)) // BIGINT[]}</pre>
     *
     * @param type the Quarry type
     * @return the DuckDB type
     */
    public static String toSql(DataType type) {
        if (type instanceof ScalarType s) {
            return switch (s) {
                case STRING, MARKDOWN, HTML, DOCUMENT_PATH -> "VARCHAR";
                case JSON -> "JSON";
                case INTEGER -> "INTEGER";
                case LONG -> "BIGINT";
                case FLOAT -> "FLOAT";
                case DOUBLE -> "DOUBLE";
                case BOOLEAN -> "BOOLEAN";
                case DATE -> "DATE";
                case TIMESTAMP -> "TIMESTAMP";
            };
        }
        if (type instanceof TranscriptType) {
            return "VARCHAR";
        }
        if (type instanceof ArrayType a) {
            return toSql(a.elementType()) + "[]";
        }
        if (type instanceof EmbeddingType e) {
            return "FLOAT[" + e.dimensions() + "]";
        }
        StructType st = (StructType) type;
        StringJoiner j = new StringJoiner(", ", "STRUCT(", ")");
        for (StructField f : st.fields()) {
            j.add(Sql.identifier(f.name()) + " " + toSql(f.type()));
        }
        return j.toString();
    }

    /**
     * The Quarry type for a DuckDB type name as DuckDB prints it ({@code DESCRIBE}, result metadata).
     *
     * <pre>{@code DuckTypes.fromSql("STRUCT(a INTEGER, b VARCHAR[])") // struct<a: int, b: array<string>>}</pre>
     *
     * @param duckType the DuckDB type text
     * @return the Quarry type
     * @throws IllegalArgumentException when the text is not a type DuckDB prints
     */
    public static DataType fromSql(String duckType) {
        Parser p = new Parser(duckType);
        DataType t = p.type();
        p.skipSpaces();
        if (!p.atEnd()) {
            throw new IllegalArgumentException("unexpected text at " + p.pos + " in DuckDB type '" + duckType + "'");
        }
        return t;
    }

    /** A recursive-descent reader of DuckDB type names. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        DataType type() {
            skipSpaces();
            String name = word();
            String upper = name.toUpperCase(Locale.ROOT);
            DataType base;
            switch (upper) {
                case "STRUCT", "ROW" -> base = struct();
                case "MAP", "UNION", "ENUM" -> {
                    skipBalanced();
                    base = ScalarType.STRING;
                }
                case "DECIMAL", "NUMERIC" -> base = decimal();
                case "TIMESTAMP" -> {
                    skipWithTimeZone();
                    base = ScalarType.TIMESTAMP;
                }
                case "TIME" -> {
                    skipWithTimeZone();
                    base = ScalarType.STRING;
                }
                default -> {
                    skipBalanced();
                    base = scalar(upper);
                }
            }
            return arraySuffixes(base);
        }

        private DataType arraySuffixes(DataType base) {
            DataType t = base;
            while (true) {
                skipSpaces();
                if (pos < s.length() && s.charAt(pos) == '[') {
                    pos++;
                    int start = pos;
                    while (pos < s.length() && s.charAt(pos) != ']') {
                        pos++;
                    }
                    String size = s.substring(start, pos).trim();
                    expect(']');
                    if (size.isEmpty()) {
                        t = new ArrayType(t);
                    } else if (t == ScalarType.FLOAT) {
                        t = new EmbeddingType(Integer.parseInt(size), UNKNOWN_EMBEDDING_MODEL);
                    } else {
                        t = new ArrayType(t);
                    }
                } else {
                    return t;
                }
            }
        }

        private void skipWithTimeZone() {
            int save = pos;
            skipSpaces();
            if (s.regionMatches(true, pos, "WITH TIME ZONE", 0, 14)) {
                pos += 14;
            } else {
                pos = save;
            }
        }

        private DataType decimal() {
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == '(') {
                pos++;
                int start = pos;
                while (pos < s.length() && s.charAt(pos) != ')') {
                    pos++;
                }
                String[] ps = s.substring(start, pos).split(",");
                expect(')');
                int precision = Integer.parseInt(ps[0].trim());
                int scale = ps.length > 1 ? Integer.parseInt(ps[1].trim()) : 0;
                return scale == 0 && precision <= 18 ? ScalarType.LONG : ScalarType.DOUBLE;
            }
            return ScalarType.DOUBLE;
        }

        private DataType struct() {
            skipSpaces();
            expect('(');
            List<StructField> fields = new ArrayList<>();
            while (true) {
                skipSpaces();
                String fieldName = fieldName();
                DataType fieldType = type();
                fields.add(new StructField(fieldName, fieldType, true));
                skipSpaces();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                expect(')');
                return new StructType(fields);
            }
        }

        private String fieldName() {
            if (pos < s.length() && s.charAt(pos) == '"') {
                StringBuilder sb = new StringBuilder();
                pos++;
                while (pos < s.length()) {
                    char c = s.charAt(pos++);
                    if (c == '"') {
                        if (pos < s.length() && s.charAt(pos) == '"') {
                            sb.append('"');
                            pos++;
                        } else {
                            return sb.toString();
                        }
                    } else {
                        sb.append(c);
                    }
                }
                throw new IllegalArgumentException("unterminated quoted name in DuckDB type '" + s + "'");
            }
            int start = pos;
            while (pos < s.length() && !Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private String word() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("expected a type name at " + pos + " in DuckDB type '" + s + "'");
            }
            return s.substring(start, pos);
        }

        /** Skips a parenthesised argument list, honouring quotes. */
        private void skipBalanced() {
            skipSpaces();
            if (pos >= s.length() || s.charAt(pos) != '(') {
                return;
            }
            int depth = 0;
            char quote = 0;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                    if (depth == 0) {
                        return;
                    }
                }
            }
            throw new IllegalArgumentException("unbalanced parentheses in DuckDB type '" + s + "'");
        }

        private void expect(char c) {
            skipSpaces();
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in DuckDB type '" + s + "'");
            }
            pos++;
        }

        private static DataType scalar(String upper) {
            return switch (upper) {
                case "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR" -> ScalarType.STRING;
                case "JSON" -> ScalarType.JSON;
                case "TINYINT",
                        "INT1",
                        "SMALLINT",
                        "INT2",
                        "SHORT",
                        "INTEGER",
                        "INT4",
                        "INT",
                        "SIGNED",
                        "UTINYINT",
                        "USMALLINT" -> ScalarType.INTEGER;
                case "BIGINT", "INT8", "LONG", "UINTEGER", "UBIGINT", "HUGEINT", "INT128", "UHUGEINT" ->
                    ScalarType.LONG;
                case "FLOAT", "FLOAT4", "REAL" -> ScalarType.FLOAT;
                case "DOUBLE", "FLOAT8" -> ScalarType.DOUBLE;
                case "BOOLEAN", "BOOL", "LOGICAL" -> ScalarType.BOOLEAN;
                case "DATE" -> ScalarType.DATE;
                case "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMPTZ", "DATETIME" -> ScalarType.TIMESTAMP;
                default -> ScalarType.STRING;
            };
        }
    }
}
