package dev.quarry.local.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.StringJoiner;

/**
 * Quoting for DuckDB SQL text. Every identifier the compiler writes goes through
 * {@link #identifier(String)} and every string constant through {@link #string(String)}, so no name
 * or value can end a token early: a column named {@code x"; DROP TABLE t; --} stays a column.
 */
public final class Sql {
    private Sql() {}

    /**
     * A double-quoted identifier, inner quotes doubled.
     *
     * <pre>{@code Sql.identifier("a\"b") // "a""b"}</pre>
     *
     * @param name the raw name
     * @return the quoted identifier
     */
    public static String identifier(String name) {
        requireNonNull(name, "name is null");
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains a NUL character: " + name.replace('\0', '?'));
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * A single-quoted string constant, inner quotes doubled (DuckDB reads no backslash escapes in
     * such a constant). A NUL character, which a constant cannot hold, is spliced in with
     * {@code chr(0)}.
     *
     * <pre>{@code Sql.string("it's") // 'it''s'}</pre>
     *
     * @param value the raw text
     * @return the SQL constant
     */
    public static String string(String value) {
        requireNonNull(value, "value is null");
        if (value.indexOf('\0') >= 0) {
            StringJoiner parts = new StringJoiner(" || chr(0) || ", "(", ")");
            for (String part : value.split("\0", -1)) {
                parts.add(string(part));
            }
            return parts.toString();
        }
        return '\'' + value.replace("'", "''") + '\'';
    }

    /**
     * A comma-separated list of quoted identifiers.
     *
     * <pre>{@code Sql.identifiers(List.of("a", "b")) // "a", "b"}</pre>
     *
     * @param names the raw names
     * @return the list
     */
    public static String identifiers(List<String> names) {
        StringJoiner j = new StringJoiner(", ");
        for (String n : names) {
            j.add(identifier(n));
        }
        return j.toString();
    }

    /**
     * A qualified name {@code "catalog"."schema"."name"}.
     *
     * <pre>{@code Sql.qualified("catalog", "main", "t") // "catalog"."main"."t"}</pre>
     *
     * @param parts the parts, outermost first
     * @return the quoted, dotted name
     */
    public static String qualified(String... parts) {
        StringJoiner j = new StringJoiner(".");
        for (String p : parts) {
            j.add(identifier(p));
        }
        return j.toString();
    }
}
