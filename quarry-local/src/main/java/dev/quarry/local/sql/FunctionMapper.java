package dev.quarry.local.sql;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.Literal;
import dev.quarry.internal.expr.ScalarFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps the core function registry's names to DuckDB SQL. Where DuckDB's built-in differs from the
 * registry's (Spark's) meaning, the mapping bridges the gap: {@code concat} is null when any
 * argument is null ({@code ||}), {@code regexp_replace} replaces every match and takes Java-style
 * {@code $1} group references, {@code substring} treats position 0 as 1 and a negative length as
 * empty. Java functions registered as DuckDB UDFs (such as {@code count_tokens}) are called by
 * name. Every result is cast to the type the registry declared.
 *
 * <p>Two SQL macros back {@code substring}; {@link #MACROS} holds their definitions, which the
 * backend creates on each connection.
 */
public final class FunctionMapper {

    /** The SQL macros the mappings call; run once per connection. */
    public static final List<String> MACROS = List.of(
            "CREATE OR REPLACE TEMP MACRO quarry_substring(s, pos, len) AS (CASE WHEN s IS NULL OR pos IS NULL"
                    + " OR len IS NULL THEN NULL ELSE (CASE WHEN greatest(CASE WHEN pos > 0 THEN pos - 1"
                    + " WHEN pos < 0 THEN length(s) + pos ELSE 0 END, 0) >= (CASE WHEN pos > 0 THEN pos - 1"
                    + " WHEN pos < 0 THEN length(s) + pos ELSE 0 END) + len THEN ''"
                    + " ELSE substring(s, greatest(CASE WHEN pos > 0 THEN pos - 1 WHEN pos < 0"
                    + " THEN length(s) + pos ELSE 0 END, 0) + 1, (CASE WHEN pos > 0 THEN pos - 1"
                    + " WHEN pos < 0 THEN length(s) + pos ELSE 0 END) + len - greatest(CASE WHEN pos > 0"
                    + " THEN pos - 1 WHEN pos < 0 THEN length(s) + pos ELSE 0 END, 0)) END) END)",
            "CREATE OR REPLACE TEMP MACRO quarry_substring_from(s, pos) AS (CASE WHEN s IS NULL OR pos IS NULL"
                    + " THEN NULL ELSE substring(s, greatest(CASE WHEN pos > 0 THEN pos - 1 WHEN pos < 0"
                    + " THEN length(s) + pos ELSE 0 END, 0) + 1) END)");

    @FunctionalInterface
    private interface Mapping {
        String sql(ScalarFunction call, List<String> args);
    }

    private final Map<String, Mapping> mappings;

    /**
     * A mapper for the built-in functions plus Java functions registered in DuckDB under their
     * registry names.
     *
     * <pre>{@code new FunctionMapper(Set.of("count_tokens"))}</pre>
     *
     * @param javaFunctions registry names of the registered Java functions
     */
    public FunctionMapper(Set<String> javaFunctions) {
        requireNonNull(javaFunctions, "javaFunctions is null");
        Map<String, Mapping> m = new TreeMap<>();
        for (String name : List.of(
                "upper", "lower", "trim", "ltrim", "rtrim", "abs", "floor", "ceil", "year", "month", "day",
                "replace")) {
            m.put(name, (call, args) -> name + "(" + String.join(", ", args) + ")");
        }
        m.put("length", (call, args) -> "length(" + args.get(0) + ")");
        m.put("concat", (call, args) -> args.size() == 1 ? args.get(0) : "(" + String.join(" || ", args) + ")");
        m.put("concat_ws", (call, args) -> "concat_ws(" + String.join(", ", args) + ")");
        m.put(
                "substring",
                (call, args) -> args.size() == 2
                        ? "quarry_substring_from(" + args.get(0) + ", CAST(" + args.get(1) + " AS BIGINT))"
                        : "quarry_substring(" + args.get(0) + ", CAST(" + args.get(1) + " AS BIGINT), CAST("
                                + args.get(2) + " AS BIGINT))");
        m.put(
                "regexp_replace",
                (call, args) -> "regexp_replace(" + args.get(0) + ", " + args.get(1) + ", "
                        + replacement(call.args().get(2), args.get(2)) + ", 'g')");
        m.put("split", (call, args) -> "string_split(" + args.get(0) + ", " + args.get(1) + ")");
        m.put("size", (call, args) -> "len(" + args.get(0) + ")");
        m.put("array_contains", (call, args) -> "list_contains(" + args.get(0) + ", " + args.get(1) + ")");
        m.put("round", (call, args) -> "round(" + String.join(", ", args) + ")");
        m.put("sqrt", (call, args) -> "sqrt(CAST(" + args.get(0) + " AS DOUBLE))");
        for (String name : javaFunctions) {
            m.put(name, (call, args) -> Sql.identifier(name) + "(" + String.join(", ", args) + ")");
        }
        this.mappings = Collections.unmodifiableMap(m);
    }

    /**
     * The names this mapper knows, sorted.
     *
     * <pre>{@code mapper.names().contains("upper") // true}</pre>
     *
     * @return the names
     */
    public Set<String> names() {
        return new TreeSet<>(mappings.keySet());
    }

    /**
     * The SQL for a call whose arguments are already rendered, cast to the declared return type.
     *
     * <pre>{@code mapper.sql(call, List.of("\"name\"")) // CAST(upper("name") AS VARCHAR)}</pre>
     *
     * @param call the call
     * @param args its arguments as SQL, in order
     * @return SQL text
     * @throws QuarryException INTERNAL_ERROR when the name has no mapping
     */
    public String sql(ScalarFunction call, List<String> args) {
        Mapping mapping = mappings.get(call.name());
        if (mapping == null) {
            throw new QuarryException(
                    ErrorCode.INTERNAL_ERROR,
                    "The local backend has no implementation of function '" + call.name() + "'. Supported: "
                            + String.join(", ", names()) + ". Please report this: the function registry and the"
                            + " local backend disagree.");
        }
        return "CAST(" + mapping.sql(call, new ArrayList<>(args)) + " AS " + DuckTypes.toSql(call.returnType()) + ")";
    }

    /** A Java-style replacement ({@code $1}, {@code \$}) as RE2's ({@code \1}, {@code $}). */
    private static String replacement(Expression arg, String rendered) {
        if (!(arg instanceof Literal lit) || lit.value() == null) {
            return rendered;
        }
        return Sql.string(javaReplacementToRe2(lit.value().toString()));
    }

    /**
     * Translates a {@link java.util.regex.Matcher#replaceAll(String)} replacement into RE2 syntax.
     *
     * <pre>{@code FunctionMapper.javaReplacementToRe2("<$1>") // <\1>}</pre>
     *
     * @param java the Java-style replacement
     * @return the RE2-style replacement
     */
    public static String javaReplacementToRe2(String java) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < java.length(); i++) {
            char c = java.charAt(i);
            if (c == '\\' && i + 1 < java.length()) {
                char next = java.charAt(++i);
                out.append(next == '\\' ? "\\\\" : String.valueOf(next));
            } else if (c == '$' && i + 1 < java.length() && Character.isDigit(java.charAt(i + 1))) {
                out.append('\\').append(java.charAt(++i));
            } else if (c == '\\') {
                out.append("\\\\");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
