package dev.quarry;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.expr.AggregateCall;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.Expression;
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

    @Override
    public String toString() {
        return "GroupedData[by " + keys + " of " + frame + "]";
    }
}
