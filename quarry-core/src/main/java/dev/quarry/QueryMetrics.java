package dev.quarry;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What running a query cost: planning and execution time, rows, model usage, and the same per
 * operator.
 *
 * <pre>{@code
 * QueryMetrics m = df.collect().metrics();
 * System.out.println(m.executionTime().toMillis() + " ms, " + m.outputRows() + " rows");
 * System.out.println(m); // readable summary, one line per operator
 * }</pre>
 *
 * @param queryId the query's id in its session
 * @param planningTime time spent optimizing the plan
 * @param executionTime time spent running it in the backend
 * @param outputRows rows returned (or written, for a write)
 * @param languageModel language-model usage of the whole query
 * @param embeddingModel embedding-model usage of the whole query
 * @param operators per-operator metrics as the backend reports them, in plan order
 */
public record QueryMetrics(
        String queryId,
        Duration planningTime,
        Duration executionTime,
        long outputRows,
        ModelUsage languageModel,
        ModelUsage embeddingModel,
        List<OperatorMetrics> operators) {
    /** Validates and copies. */
    public QueryMetrics {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(planningTime, "planningTime is null");
        requireNonNull(executionTime, "executionTime is null");
        requireNonNull(languageModel, "languageModel is null");
        requireNonNull(embeddingModel, "embeddingModel is null");
        operators = List.copyOf(requireNonNull(operators, "operators is null"));
    }

    /**
     * Planning plus execution time.
     *
     * <pre>{@code long ms = metrics.totalTime().toMillis();}</pre>
     *
     * @return the total time
     */
    public Duration totalTime() {
        return planningTime.plus(executionTime);
    }

    /**
     * A readable summary: times, rows, model usage, then one line per operator.
     *
     * <pre>{@code System.out.println(result.metrics());}</pre>
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "Query %s: %d rows in %s (planning %s, execution %s)%n",
                queryId,
                outputRows,
                millis(totalTime()),
                millis(planningTime),
                millis(executionTime)));
        if (!languageModel.equals(ModelUsage.NONE)) {
            sb.append("  language model: ").append(languageModel).append('\n');
        }
        if (!embeddingModel.equals(ModelUsage.NONE)) {
            sb.append("  embedding model: ").append(embeddingModel).append('\n');
        }
        for (OperatorMetrics op : operators) {
            sb.append("  ").append(op.operator());
            if (!op.details().isEmpty()) {
                sb.append(' ').append(op.details());
            }
            sb.append(": ").append(millis(op.time()));
            if (op.outputRows() >= 0) {
                sb.append(", ").append(op.outputRows()).append(" rows");
            }
            if (!op.languageModel().equals(ModelUsage.NONE)) {
                sb.append(", language model: ").append(op.languageModel());
            }
            if (!op.embeddingModel().equals(ModelUsage.NONE)) {
                sb.append(", embedding model: ").append(op.embeddingModel());
            }
            sb.append('\n');
        }
        return sb.toString().stripTrailing();
    }

    static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.3f ms", d.toNanos() / 1_000_000.0);
    }
}
