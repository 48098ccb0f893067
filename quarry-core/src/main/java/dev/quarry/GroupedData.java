package dev.quarry;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.analyzer.Errors;
import dev.quarry.internal.expr.AggregateCall;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.UnresolvedColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows grouped by keys, waiting for aggregates ({@link DataFrame#groupBy(Column...)}).
 *
 * <pre>{@code
 * df.groupBy(col("team"))
 *   .agg(count(col("id")).as("tickets"), avg(col("score")).as("avg_score"))
 *   .orderBy(col("tickets").desc());
 * }</pre>
 */
public final class GroupedData {
    private final DataFrame frame;
    private final List<Expression> keys;

    GroupedData(DataFrame frame, List<Expression> keys) {
        this.frame = frame;
        this.keys = List.copyOf(keys);
    }

    /**
     * One row per group: the grouping columns, then the aggregates. Every column an aggregate
     * expression reads outside an aggregate function must be a grouping column.
     *
     * <pre>{@code df.groupBy(col("team")).agg(count(col("id")).as("tickets"), max(col("created_at")).as("latest"))}</pre>
     *
     * @param aggregates aggregate columns
     * @return the aggregated DataFrame
     */
    public DataFrame agg(Column... aggregates) {
        requireNonNull(aggregates, "aggregates is null");
        List<Expression> exprs = new ArrayList<>();
        for (Column c : aggregates) {
            exprs.add(requireNonNull(c, "an aggregate is null").expression());
        }
        return frame.aggregate(keys, exprs);
    }

    /**
     * One row per group: the grouping columns and the group's row count as {@code count}.
     *
     * <pre>{@code df.groupBy("team").count()}</pre>
     *
     * @return the aggregated DataFrame
     */
    public DataFrame count() {
        return frame.aggregate(
                keys, List.of(new Alias(new AggregateCall(AggregateCall.Function.COUNT, List.of(), false), "count")));
    }

    /**
     * One row per group: the grouping columns and the sum of each named numeric column, named
     * {@code sum(column)}.
     *
     * <pre>{@code df.groupBy("customer").sum("amount", "quantity")}</pre>
     *
     * @param columns numeric column names, at least one
     * @return the aggregated DataFrame
     */
    public DataFrame sum(String... columns) {
        return simple(AggregateCall.Function.SUM, "sum", columns);
    }

    /**
     * One row per group: the grouping columns and the mean of each named numeric column, named
     * {@code avg(column)}.
     *
     * <pre>{@code df.groupBy("team").avg("score")}</pre>
     *
     * @param columns numeric column names, at least one
     * @return the aggregated DataFrame
     */
    public DataFrame avg(String... columns) {
        return simple(AggregateCall.Function.AVG, "avg", columns);
    }

    /**
     * One row per group: the grouping columns and the smallest value of each named column, named
     * {@code min(column)}.
     *
     * <pre>{@code df.groupBy("team").min("created_at")}</pre>
     *
     * @param columns column names, at least one
     * @return the aggregated DataFrame
     */
    public DataFrame min(String... columns) {
        return simple(AggregateCall.Function.MIN, "min", columns);
    }

    /**
     * One row per group: the grouping columns and the largest value of each named column, named
     * {@code max(column)}.
     *
     * <pre>{@code df.groupBy("team").max("created_at")}</pre>
     *
     * @param columns column names, at least one
     * @return the aggregated DataFrame
     */
    public DataFrame max(String... columns) {
        return simple(AggregateCall.Function.MAX, "max", columns);
    }

    private DataFrame simple(AggregateCall.Function function, String method, String... columns) {
        requireNonNull(columns, "columns is null");
        if (columns.length == 0) {
            throw Errors.invalidArgument(method + "(...) needs at least one column name");
        }
        List<Expression> exprs = new ArrayList<>();
        for (String c : columns) {
            exprs.add(new AggregateCall(
                    function, List.of(new UnresolvedColumn(requireNonNull(c, "a column name is null"))), false));
        }
        return frame.aggregate(keys, exprs);
    }

    @Override
    public String toString() {
        return "GroupedData[by " + keys + " of " + frame + "]";
    }
}
