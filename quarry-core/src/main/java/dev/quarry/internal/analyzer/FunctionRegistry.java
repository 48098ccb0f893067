package dev.quarry.internal.analyzer;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.Cast;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.Literal;
import dev.quarry.internal.expr.ScalarFunction;
import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scalar functions every backend provides, by registry name. The registry checks the argument
 * types (inserting widening casts) and fixes the return type; a backend maps each name to its own
 * implementation and must return exactly the declared type.
 *
 * <table>
 * <caption>Functions</caption>
 * <tr><th>name</th><th>arguments</th><th>returns</th><th>meaning</th></tr>
 * <tr><td>upper, lower</td><td>text</td><td>string</td><td>case conversion</td></tr>
 * <tr><td>trim, ltrim, rtrim</td><td>text</td><td>string</td><td>removes spaces at both ends / the start / the end</td></tr>
 * <tr><td>length</td><td>text</td><td>bigint</td><td>number of characters</td></tr>
 * <tr><td>concat</td><td>1+ values (non-text cast to string)</td><td>string</td><td>concatenation; null when any argument is null</td></tr>
 * <tr><td>concat_ws</td><td>string separator, 1+ values</td><td>string</td><td>concatenation with a separator; null arguments skipped</td></tr>
 * <tr><td>substring</td><td>text, int position (1-based; negative counts from the end), optional int length</td><td>string</td><td>part of the text</td></tr>
 * <tr><td>replace</td><td>text, text search, text replacement</td><td>string</td><td>every occurrence of search replaced (literally)</td></tr>
 * <tr><td>regexp_replace</td><td>text, text regex, text replacement</td><td>string</td><td>every match of the regex replaced</td></tr>
 * <tr><td>split</td><td>text, text delimiter</td><td>array&lt;string&gt;</td><td>split on a literal delimiter</td></tr>
 * <tr><td>size</td><td>array</td><td>bigint</td><td>number of elements</td></tr>
 * <tr><td>array_contains</td><td>array, value of the element type</td><td>boolean</td><td>whether the array holds the value</td></tr>
 * <tr><td>abs</td><td>numeric</td><td>same type</td><td>absolute value</td></tr>
 * <tr><td>round</td><td>numeric, optional int scale (default 0)</td><td>same type</td><td>rounded half away from zero</td></tr>
 * <tr><td>floor, ceil</td><td>numeric</td><td>same type</td><td>rounded down / up to a whole number</td></tr>
 * <tr><td>sqrt</td><td>numeric</td><td>double</td><td>square root</td></tr>
 * <tr><td>year, month, day</td><td>date or timestamp</td><td>bigint</td><td>calendar parts</td></tr>
 * <tr><td>count_tokens</td><td>text</td><td>bigint</td><td>tokens under the o200k_base encoding</td></tr>
 * </table>
 *
 * <p>Every function returns null for a null input unless said otherwise.
 */
public final class FunctionRegistry {

    /** Checks and types a call; returns the resolved call. */
    @FunctionalInterface
    interface Typer {
        ScalarFunction type(String name, List<Expression> args);
    }

    /**
     * A registered function.
     *
     * @param name the registry name
     * @param minArgs the least argument count
     * @param maxArgs the most argument count
     * @param signature a readable signature for messages
     */
    record Definition(String name, int minArgs, int maxArgs, String signature, Typer typer) {}

    private static final FunctionRegistry STANDARD = new FunctionRegistry(standardDefinitions());

    private final Map<String, Definition> definitions;

    private FunctionRegistry(Map<String, Definition> definitions) {
        this.definitions = Collections.unmodifiableMap(new TreeMap<>(definitions));
    }

    /**
     * The registry of the standard functions.
     *
     * <pre>{@code FunctionRegistry.standard().names()}</pre>
     *
     * @return the registry
     */
    public static FunctionRegistry standard() {
        return STANDARD;
    }

    /**
     * The registered names, sorted.
     *
     * <pre>{@code FunctionRegistry.standard().names().contains("upper") // true}</pre>
     *
     * @return the names
     */
    public List<String> names() {
        return new ArrayList<>(definitions.keySet());
    }

    /**
     * Checks a call with resolved arguments and returns it typed.
     *
     * @param name the registry name
     * @param args the resolved arguments
     * @return the typed call
     * @throws QuarryException INVALID_ARGUMENT for an unknown function or a wrong argument count,
     *     TYPE_MISMATCH for wrong argument types
     */
    public ScalarFunction resolve(String name, List<Expression> args) {
        Definition d = definitions.get(name.toLowerCase(Locale.ROOT));
        if (d == null) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Unknown function '" + name + "'. Known functions: " + String.join(", ", names()) + "."
                            + Suggestions.didYouMean(name, names()));
        }
        if (args.size() < d.minArgs() || args.size() > d.maxArgs()) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Function " + d.name() + " takes " + arity(d) + ", got " + args.size() + ": " + d.signature());
        }
        return d.typer().type(d.name(), args);
    }

    private static String arity(Definition d) {
        if (d.maxArgs() == Integer.MAX_VALUE) {
            return "at least " + d.minArgs() + " argument" + (d.minArgs() == 1 ? "" : "s");
        }
        if (d.minArgs() == d.maxArgs()) {
            return d.minArgs() + " argument" + (d.minArgs() == 1 ? "" : "s");
        }
        return d.minArgs() + " to " + d.maxArgs() + " arguments";
    }

    // ------------------------------------------------------------------ definitions

    private static Map<String, Definition> standardDefinitions() {
        Map<String, Definition> defs = new TreeMap<>();
        for (String n : List.of("upper", "lower", "trim", "ltrim", "rtrim")) {
            add(defs, n, 1, 1, n + "(text) -> string", (name, args) -> {
                requireText(name, args, 0);
                return call(name, args, ScalarType.STRING);
            });
        }
        add(defs, "length", 1, 1, "length(text) -> bigint", (name, args) -> {
            requireText(name, args, 0);
            return call(name, args, ScalarType.LONG);
        });
        add(defs, "count_tokens", 1, 1, "count_tokens(text) -> bigint", (name, args) -> {
            requireText(name, args, 0);
            return call(name, args, ScalarType.LONG);
        });
        add(defs, "concat", 1, Integer.MAX_VALUE, "concat(value, ...) -> string", (name, args) -> {
            List<Expression> cast = new ArrayList<>();
            for (Expression a : args) {
                cast.add(toText(name, a));
            }
            return call(name, cast, ScalarType.STRING);
        });
        add(defs, "concat_ws", 2, Integer.MAX_VALUE, "concat_ws(separator, value, ...) -> string", (name, args) -> {
            requireText(name, args, 0);
            List<Expression> cast = new ArrayList<>();
            cast.add(args.get(0));
            for (Expression a : args.subList(1, args.size())) {
                cast.add(toText(name, a));
            }
            return new ScalarFunction(name, cast, ScalarType.STRING, args.get(0).nullable());
        });
        add(defs, "substring", 2, 3, "substring(text, position, [length]) -> string", (name, args) -> {
            requireText(name, args, 0);
            for (int i = 1; i < args.size(); i++) {
                requireIntegral(name, args, i);
            }
            return call(name, args, ScalarType.STRING);
        });
        add(defs, "replace", 3, 3, "replace(text, search, replacement) -> string", (name, args) -> {
            for (int i = 0; i < 3; i++) {
                requireText(name, args, i);
            }
            return call(name, args, ScalarType.STRING);
        });
        add(defs, "regexp_replace", 3, 3, "regexp_replace(text, regex, replacement) -> string", (name, args) -> {
            for (int i = 0; i < 3; i++) {
                requireText(name, args, i);
            }
            return call(name, args, ScalarType.STRING);
        });
        add(defs, "split", 2, 2, "split(text, delimiter) -> array<string>", (name, args) -> {
            requireText(name, args, 0);
            requireText(name, args, 1);
            return call(name, args, new ArrayType(ScalarType.STRING));
        });
        add(defs, "size", 1, 1, "size(array) -> bigint", (name, args) -> {
            requireArray(name, args, 0);
            return call(name, args, ScalarType.LONG);
        });
        add(defs, "array_contains", 2, 2, "array_contains(array, value) -> boolean", (name, args) -> {
            ArrayType array = requireArray(name, args, 0);
            Expression value = Coercion.coerceTo(
                    args.get(1),
                    array.elementType(),
                    () -> Errors.typeMismatch(
                            "array_contains(" + args.get(0) + ", " + args.get(1) + "): the array holds "
                                    + array.elementType().simpleString() + " but the value is "
                                    + args.get(1).type().simpleString()));
            return call(name, List.of(args.get(0), value), ScalarType.BOOLEAN);
        });
        for (String n : List.of("abs", "floor", "ceil")) {
            add(defs, n, 1, 1, n + "(numeric) -> same type", (name, args) -> {
                requireNumeric(name, args, 0);
                return call(name, args, args.get(0).type());
            });
        }
        add(defs, "round", 1, 2, "round(numeric, [scale]) -> same type", (name, args) -> {
            requireNumeric(name, args, 0);
            if (args.size() == 2) {
                requireIntegral(name, args, 1);
            }
            return call(name, args, args.get(0).type());
        });
        add(defs, "sqrt", 1, 1, "sqrt(numeric) -> double", (name, args) -> {
            requireNumeric(name, args, 0);
            return call(name, args, ScalarType.DOUBLE);
        });
        for (String n : List.of("year", "month", "day")) {
            add(defs, n, 1, 1, n + "(date or timestamp) -> bigint", (name, args) -> {
                DataType t = args.get(0).type();
                if (t != ScalarType.DATE && t != ScalarType.TIMESTAMP && !Literals.isNullLiteral(args.get(0))) {
                    throw mismatch(name, args, 0, "a date or timestamp");
                }
                List<Expression> a =
                        Literals.isNullLiteral(args.get(0)) ? List.of(Literals.nullOf(ScalarType.DATE)) : args;
                return call(name, a, ScalarType.LONG);
            });
        }
        return defs;
    }

    private static void add(Map<String, Definition> defs, String name, int min, int max, String sig, Typer typer) {
        defs.put(name, new Definition(name, min, max, sig, typer));
    }

    private static ScalarFunction call(String name, List<Expression> args, DataType type) {
        boolean nullable = false;
        for (Expression a : args) {
            nullable |= a.nullable();
        }
        return new ScalarFunction(name, args, type, nullable);
    }

    private static Expression toText(String name, Expression a) {
        if (a.type().isTextual()) {
            return a;
        }
        if (a.type() instanceof ScalarType) {
            return new Cast(a, ScalarType.STRING, false);
        }
        throw Errors.typeMismatch(name + "(...) cannot take " + Errors.typed(a)
                + ": only text and scalar values can be concatenated; convert it first");
    }

    private static void requireText(String name, List<Expression> args, int i) {
        Expression a = args.get(i);
        if (!a.type().isTextual() && !Literals.isNullLiteral(a)) {
            throw mismatch(name, args, i, "text");
        }
    }

    private static void requireNumeric(String name, List<Expression> args, int i) {
        if (!args.get(i).type().isNumeric()) {
            throw mismatch(name, args, i, "a number");
        }
    }

    private static void requireIntegral(String name, List<Expression> args, int i) {
        DataType t = args.get(i).type();
        if (t != ScalarType.INTEGER && t != ScalarType.LONG) {
            throw mismatch(name, args, i, "an int or bigint");
        }
    }

    private static ArrayType requireArray(String name, List<Expression> args, int i) {
        if (args.get(i).type() instanceof ArrayType a) {
            return a;
        }
        throw mismatch(name, args, i, "an array");
    }

    private static QuarryException mismatch(String name, List<Expression> args, int i, String wanted) {
        Expression a = args.get(i);
        String what = a instanceof Literal ? "the literal " + a : a.toString();
        return Errors.typeMismatch("Argument " + (i + 1) + " of " + name + " must be " + wanted + ", but " + what
                + " is " + a.type().simpleString() + ". Cast it with .cast(...) first");
    }
}
