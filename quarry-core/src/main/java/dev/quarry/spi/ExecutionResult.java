package dev.quarry.spi;

import static java.util.Objects.requireNonNull;

import dev.quarry.ModelUsage;
import dev.quarry.OperatorMetrics;
import dev.quarry.Row;
import dev.quarry.types.Schema;
import java.util.List;

/**
 * What a backend returns for an executed plan.
 *
 * @param schema the result schema (the plan's)
 * @param rows the result rows; empty for a sink
 * @param rowCount the number of rows produced, or written for a sink
 * @param operators per-operator metrics, in plan order (may be empty)
 * @param languageModel total language-model usage
 * @param embeddingModel total embedding-model usage
 */
public record ExecutionResult(
        Schema schema,
        List<Row> rows,
        long rowCount,
        List<OperatorMetrics> operators,
        ModelUsage languageModel,
        ModelUsage embeddingModel) {
    /** Validates and copies. */
    public ExecutionResult {
        requireNonNull(schema, "schema is null");
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        operators = List.copyOf(requireNonNull(operators, "operators is null"));
        requireNonNull(languageModel, "languageModel is null");
        requireNonNull(embeddingModel, "embeddingModel is null");
    }
}
