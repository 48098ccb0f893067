package dev.quarry.functions;

import static java.util.Objects.requireNonNull;

import dev.quarry.Column;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.analyzer.Literals;
import dev.quarry.internal.expr.AggregateCall;
import dev.quarry.internal.expr.CaseWhen;
import dev.quarry.internal.expr.Coalesce;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.ScalarFunction;
import dev.quarry.internal.expr.UnaryOp;
import dev.quarry.internal.expr.UnresolvedColumn;
import dev.quarry.types.ScalarType;
import java.util.ArrayList;
import java.util.List;

/**
 * The column functions: references, literals, conditionals, aggregates and scalar functions.
 * Import them statically:
 *
 * <pre>{@code
 * import static dev.quarry.functions.Functions.*;
 *
 * df.groupBy(col("team")).agg(count(col("id")).as("tickets"), avg(col("score")).as("avg_score"));
 * }</pre>
 */
public final class Functions {
    private Functions() {}

    static Expression expr(Object value) {
        return value instanceof Column c ? c.expression() : Literals.of(value);
    }

    private static Column call(String name, Object... args) {
        List<Expression> exprs = new ArrayList<>(args.length);
        for (Object a : args) {
            exprs.add(expr(a));
        }
        // The type is provisional: the analyzer's function registry checks the arguments and fixes it.
        return Column.of(new ScalarFunction(name, exprs, ScalarType.STRING, true));
    }

    private static Column aggregate(AggregateCall.Function f, Column column, boolean distinct) {
        requireNonNull(column, "column is null");
        return Column.of(new AggregateCall(f, List.of(column.expression()), distinct));
    }

    // ------------------------------------------------------------------ references and literals

    /**
     * The column of that name in the DataFrame the expression is used on; a dotted name reaches
     * into a struct ({@code col("info.product")}); {@code col("*")} in {@code select} is every column.
     *
     * <pre>{@code df.select(col("id"), col("info.product"))}</pre>
     *
     * @param name the column name
     * @return the column
     */
    public static Column col(String name) {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "col(...) needs a column name, got a blank string");
        }
        return Column.of(new UnresolvedColumn(name));
    }

    /**
     * A constant: evaluates to the value in every row; {@code lit(null)} is a null that takes the type its
     * context needs.
     *
     * <pre>{@code df.withColumn("source", lit("crm"))}</pre>
     *
     * @param value a String, number, Boolean, LocalDate, LocalDateTime, enum constant, null, or a Column (returned as is)
     * @return the column
     */
    public static Column lit(Object value) {
        return value instanceof Column c ? c : Column.of(Literals.of(value));
    }

    // ------------------------------------------------------------------ conditionals

    /**
     * Starts a conditional column: evaluates to {@code value} where {@code condition} is true; add
     * branches with {@link Column#when} and a default with {@link Column#otherwise} (else null).
     *
     * <pre>{@code when(col("score").gt(0.8), "high").when(col("score").gt(0.4), "medium").otherwise("low")}</pre>
     *
     * @param condition a boolean column
     * @param value a Column or Java value
     * @return the conditional column
     */
    public static Column when(Column condition, Object value) {
        requireNonNull(condition, "condition is null");
        return Column.of(new CaseWhen(List.of(new CaseWhen.Branch(condition.expression(), expr(value))), null));
    }

    /**
     * Evaluates to the first non-null of the columns (all of one type, widened where needed).
     *
     * <pre>{@code coalesce(col("nickname"), col("name"), lit("anonymous"))}</pre>
     *
     * @param columns Columns or Java values, at least one
     * @return the column
     */
    public static Column coalesce(Object... columns) {
        if (columns.length == 0) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "coalesce needs at least one column");
        }
        List<Expression> args = new ArrayList<>();
        for (Object c : columns) {
            args.add(expr(c));
        }
        return Column.of(new Coalesce(args));
    }

    /**
     * Evaluates to the negation of a boolean column.
     *
     * <pre>{@code df.filter(not(col("archived")))}</pre>
     *
     * @param column a boolean column
     * @return the column
     */
    public static Column not(Column column) {
        return Column.of(new UnaryOp(UnaryOp.Operator.NOT, column.expression()));
    }

    // ------------------------------------------------------------------ aggregates

    /**
     * Aggregate: the number of non-null values of the column in each group; {@code count(col("*"))}
     * counts rows.
     *
     * <pre>{@code df.groupBy(col("team")).agg(count(col("id")).as("tickets"))}</pre>
     *
     * @param column the counted column, or {@code col("*")}
     * @return a bigint aggregate column
     */
    public static Column count(Column column) {
        requireNonNull(column, "column is null");
        if (column.expression() instanceof UnresolvedColumn u && u.name().equals("*")) {
            return Column.of(new AggregateCall(AggregateCall.Function.COUNT, List.of(), false));
        }
        return aggregate(AggregateCall.Function.COUNT, column, false);
    }

    /**
     * Aggregate: the number of non-null values of the named column; {@code count("*")} counts rows.
     *
     * <pre>{@code df.agg(count("*").as("rows"))}</pre>
     *
     * @param column the column name, or {@code "*"}
     * @return a bigint aggregate column
     */
    public static Column count(String column) {
        return count(col(column));
    }

    /**
     * Aggregate: the number of distinct non-null values of the column.
     *
     * <pre>{@code df.agg(countDistinct(col("customer_id")).as("customers"))}</pre>
     *
     * @param column the column
     * @return a bigint aggregate column
     */
    public static Column countDistinct(Column column) {
        return aggregate(AggregateCall.Function.COUNT, column, true);
    }

    /**
     * Aggregate: the sum of the numeric column (bigint for integral input, double otherwise; null
     * when every value is null).
     *
     * <pre>{@code df.groupBy(col("customer")).agg(sum(col("amount")).as("total"))}</pre>
     *
     * @param column a numeric column
     * @return the aggregate column
     */
    public static Column sum(Column column) {
        return aggregate(AggregateCall.Function.SUM, column, false);
    }

    /**
     * Aggregate: the mean of the numeric column, as a double.
     *
     * <pre>{@code df.agg(avg(col("score")).as("avg_score"))}</pre>
     *
     * @param column a numeric column
     * @return the aggregate column
     */
    public static Column avg(Column column) {
        return aggregate(AggregateCall.Function.AVG, column, false);
    }

    /**
     * Aggregate: the smallest value of the column.
     *
     * <pre>{@code df.agg(min(col("created_at")).as("first_seen"))}</pre>
     *
     * @param column an orderable column
     * @return the aggregate column, of the column's type
     */
    public static Column min(Column column) {
        return aggregate(AggregateCall.Function.MIN, column, false);
    }

    /**
     * Aggregate: the largest value of the column.
     *
     * <pre>{@code df.agg(max(col("created_at")).as("last_seen"))}</pre>
     *
     * @param column an orderable column
     * @return the aggregate column, of the column's type
     */
    public static Column max(Column column) {
        return aggregate(AggregateCall.Function.MAX, column, false);
    }

    /**
     * Aggregate: a value of the column from the group's first row (any row unless the input is ordered).
     *
     * <pre>{@code df.groupBy(col("team")).agg(first(col("manager")).as("manager"))}</pre>
     *
     * @param column the column
     * @return the aggregate column, of the column's type
     */
    public static Column first(Column column) {
        return aggregate(AggregateCall.Function.FIRST, column, false);
    }

    /**
     * Aggregate: the group's non-null values of the column as an array.
     *
     * <pre>{@code df.groupBy(col("team")).agg(collectList(col("id")).as("ids"))}</pre>
     *
     * @param column the column
     * @return an array aggregate column
     */
    public static Column collectList(Column column) {
        return aggregate(AggregateCall.Function.COLLECT_LIST, column, false);
    }

    /**
     * Aggregate: the sample standard deviation of the numeric column, as a double.
     *
     * <pre>{@code df.agg(stddev(col("latency_ms")).as("jitter"))}</pre>
     *
     * @param column a numeric column
     * @return the aggregate column
     */
    public static Column stddev(Column column) {
        return aggregate(AggregateCall.Function.STDDEV, column, false);
    }

    // ------------------------------------------------------------------ text

    /**
     * Evaluates to the text in upper case.
     *
     * <pre>{@code upper(col("code"))}</pre>
     *
     * @param column a text column
     * @return a string column
     */
    public static Column upper(Column column) {
        return call("upper", column);
    }

    /**
     * Evaluates to the text in lower case.
     *
     * <pre>{@code lower(col("email"))}</pre>
     *
     * @param column a text column
     * @return a string column
     */
    public static Column lower(Column column) {
        return call("lower", column);
    }

    /**
     * Evaluates to the number of characters of the text, as a bigint.
     *
     * <pre>{@code df.filter(length(col("body")).gt(20))}</pre>
     *
     * @param column a text column
     * @return a bigint column
     */
    public static Column length(Column column) {
        return call("length", column);
    }

    /**
     * Evaluates to the text without leading and trailing spaces.
     *
     * <pre>{@code trim(col("name"))}</pre>
     *
     * @param column a text column
     * @return a string column
     */
    public static Column trim(Column column) {
        return call("trim", column);
    }

    /**
     * Evaluates to the text without leading spaces.
     *
     * <pre>{@code ltrim(col("name"))}</pre>
     *
     * @param column a text column
     * @return a string column
     */
    public static Column ltrim(Column column) {
        return call("ltrim", column);
    }

    /**
     * Evaluates to the text without trailing spaces.
     *
     * <pre>{@code rtrim(col("name"))}</pre>
     *
     * @param column a text column
     * @return a string column
     */
    public static Column rtrim(Column column) {
        return call("rtrim", column);
    }

    /**
     * Evaluates to the values joined into one string (non-text values are converted); null when
     * any value is null.
     *
     * <pre>{@code concat(col("first"), lit(" "), col("last"))}</pre>
     *
     * @param columns Columns or Java values, at least one
     * @return a string column
     */
    public static Column concat(Object... columns) {
        if (columns.length == 0) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "concat needs at least one column");
        }
        return call("concat", columns);
    }

    /**
     * Evaluates to the values joined with a separator, skipping nulls.
     *
     * <pre>{@code concatWs(", ", col("city"), col("country"))}</pre>
     *
     * @param separator the separator
     * @param columns Columns or Java values, at least one
     * @return a string column
     */
    public static Column concatWs(String separator, Object... columns) {
        if (columns.length == 0) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "concatWs needs at least one column");
        }
        Object[] args = new Object[columns.length + 1];
        args[0] = requireNonNull(separator, "separator is null");
        System.arraycopy(columns, 0, args, 1, columns.length);
        return call("concat_ws", args);
    }

    /**
     * Evaluates to the part of the text starting at a 1-based position, of at most {@code length} characters.
     *
     * <pre>{@code substring(col("code"), 1, 3) // "ERR" for "ERR-42"}</pre>
     *
     * @param column a text column
     * @param position the 1-based start (negative counts from the end)
     * @param length the most characters to keep
     * @return a string column
     */
    public static Column substring(Column column, int position, int length) {
        return call("substring", column, position, length);
    }

    /**
     * Evaluates to the text from a 1-based position to its end.
     *
     * <pre>{@code substring(col("code"), 5) // "42" for "ERR-42"}</pre>
     *
     * @param column a text column
     * @param position the 1-based start (negative counts from the end)
     * @return a string column
     */
    public static Column substring(Column column, int position) {
        return call("substring", column, position);
    }

    /**
     * Evaluates to the text with every occurrence of {@code search} replaced, literally.
     *
     * <pre>{@code replace(col("phone"), "-", "")}</pre>
     *
     * @param column a text column
     * @param search the text to find
     * @param replacement its replacement
     * @return a string column
     */
    public static Column replace(Column column, String search, String replacement) {
        return call("replace", column, search, replacement);
    }

    /**
     * Evaluates to the text with every match of the regular expression replaced.
     *
     * <pre>{@code regexpReplace(col("body"), "[0-9]{16}", "<card>")}</pre>
     *
     * @param column a text column
     * @param regex the regular expression
     * @param replacement its replacement
     * @return a string column
     */
    public static Column regexpReplace(Column column, String regex, String replacement) {
        return call("regexp_replace", column, regex, replacement);
    }

    /**
     * Evaluates to the text split on a literal delimiter, as an array of strings.
     *
     * <pre>{@code split(col("tags"), ",")}</pre>
     *
     * @param column a text column
     * @param delimiter the delimiter
     * @return an array&lt;string&gt; column
     */
    public static Column split(Column column, String delimiter) {
        return call("split", column, delimiter);
    }

    // ------------------------------------------------------------------ arrays

    /**
     * Evaluates to the number of elements of the array, as a bigint.
     *
     * <pre>{@code size(col("error_codes"))}</pre>
     *
     * @param column an array column
     * @return a bigint column
     */
    public static Column size(Column column) {
        return call("size", column);
    }

    /**
     * Evaluates to true where the array holds the value.
     *
     * <pre>{@code arrayContains(col("tags"), "urgent")}</pre>
     *
     * @param column an array column
     * @param value a Column or Java value of the element type
     * @return a boolean column
     */
    public static Column arrayContains(Column column, Object value) {
        return call("array_contains", column, value);
    }

    // ------------------------------------------------------------------ math

    /**
     * Evaluates to the absolute value.
     *
     * <pre>{@code abs(col("delta"))}</pre>
     *
     * @param column a numeric column
     * @return a column of the same type
     */
    public static Column abs(Column column) {
        return call("abs", column);
    }

    /**
     * Evaluates to the number rounded half away from zero to a whole number.
     *
     * <pre>{@code round(col("score"))}</pre>
     *
     * @param column a numeric column
     * @return a column of the same type
     */
    public static Column round(Column column) {
        return call("round", column);
    }

    /**
     * Evaluates to the number rounded half away from zero to {@code scale} decimals.
     *
     * <pre>{@code round(col("price"), 2)}</pre>
     *
     * @param column a numeric column
     * @param scale the decimals to keep
     * @return a column of the same type
     */
    public static Column round(Column column, int scale) {
        return call("round", column, scale);
    }

    /**
     * Evaluates to the largest whole number not above the value.
     *
     * <pre>{@code floor(col("rating"))}</pre>
     *
     * @param column a numeric column
     * @return a column of the same type
     */
    public static Column floor(Column column) {
        return call("floor", column);
    }

    /**
     * Evaluates to the smallest whole number not below the value.
     *
     * <pre>{@code ceil(col("rating"))}</pre>
     *
     * @param column a numeric column
     * @return a column of the same type
     */
    public static Column ceil(Column column) {
        return call("ceil", column);
    }

    /**
     * Evaluates to the square root, as a double.
     *
     * <pre>{@code sqrt(col("variance"))}</pre>
     *
     * @param column a numeric column
     * @return a double column
     */
    public static Column sqrt(Column column) {
        return call("sqrt", column);
    }

    // ------------------------------------------------------------------ dates

    /**
     * Evaluates to the year of a date or timestamp, as a bigint.
     *
     * <pre>{@code year(col("created_at"))}</pre>
     *
     * @param column a date or timestamp column
     * @return a bigint column
     */
    public static Column year(Column column) {
        return call("year", column);
    }

    /**
     * Evaluates to the month (1-12) of a date or timestamp, as a bigint.
     *
     * <pre>{@code month(col("created_at"))}</pre>
     *
     * @param column a date or timestamp column
     * @return a bigint column
     */
    public static Column month(Column column) {
        return call("month", column);
    }

    /**
     * Evaluates to the day of the month (1-31) of a date or timestamp, as a bigint.
     *
     * <pre>{@code day(col("created_at"))}</pre>
     *
     * @param column a date or timestamp column
     * @return a bigint column
     */
    public static Column day(Column column) {
        return call("day", column);
    }
}
