package dev.quarry;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What one operator of a query did: its time, its output rows and its model usage.
 *
 * <pre>{@code
 * for (OperatorMetrics op : result.metrics().operators()) {
 *     System.out.println(op.operator() + " " + op.time().toMillis() + " ms " + op.outputRows() + " rows");
 * }
 * }</pre>
 *
 * @param operator the operator name as shown by {@code explain()}, e.g. {@code Filter}
 * @param details the operator's arguments, e.g. the condition
 * @param time wall time spent in the operator (for fused relational stages, in the whole stage)
 * @param outputRows rows the operator produced, or -1 when the engine does not report it
 * @param languageModel language-model usage of the operator
 * @param embeddingModel embedding-model usage of the operator
 */
public record OperatorMetrics(
        String operator,
        String details,
        Duration time,
        long outputRows,
        ModelUsage languageModel,
        ModelUsage embeddingModel) {
    /** Validates. */
    public OperatorMetrics {
        requireNonNull(operator, "operator is null");
        requireNonNull(details, "details is null");
        requireNonNull(time, "time is null");
        requireNonNull(languageModel, "languageModel is null");
        requireNonNull(embeddingModel, "embeddingModel is null");
    }

    /**
     * Metrics of an operator that used no model.
     *
     * <pre>{@code OperatorMetrics m = OperatorMetrics.relational("Filter", "(a > 1)", Duration.ofMillis(3), 10);}</pre>
     *
     * @param operator the operator name
     * @param details the operator's arguments
     * @param time the wall time
     * @param outputRows the output row count
     * @return the metrics
     */
    public static OperatorMetrics relational(String operator, String details, Duration time, long outputRows) {
        return new OperatorMetrics(operator, details, time, outputRows, ModelUsage.NONE, ModelUsage.NONE);
    }
}
