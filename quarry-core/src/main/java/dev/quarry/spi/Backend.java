package dev.quarry.spi;

import dev.quarry.internal.plan.FileFormat;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.types.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An execution engine for logical plans: the embedded DuckDB backend ({@code quarry-local}) and the
 * Spark backend implement it. A backend owns its catalog. Every user-facing failure is a
 * {@link dev.quarry.QuarryException} with a helpful message (missing file: the path; malformed CSV:
 * file and line; existing target under SaveMode.ERROR: the target, nothing touched).
 */
public interface Backend extends AutoCloseable {

    /**
     * The schema of files, read by the engine's own reader: column names and types of a CSV,
     * Parquet or newline-delimited JSON file or glob.
     */
    Schema inferSchema(FileFormat format, String path, Map<String, String> options);

    /**
     * The output schema of a SQL query in the backend's dialect, where {@code {name}} placeholders
     * stand for the given frames.
     */
    Schema describeSql(String sql, Map<String, LogicalPlan> frames);

    /** A table or view of the catalog, by name (case-insensitive), if it exists. */
    Optional<CatalogEntry> lookup(String name);

    /** Every table and view of the catalog, by name. */
    List<CatalogEntry> listTables();

    /**
     * Drops a table or view.
     *
     * @return true when something was dropped, false when nothing had that name
     */
    boolean drop(String name);

    /**
     * Runs an optimized plan. A plan whose root is a {@link dev.quarry.internal.plan.Sink} writes
     * and returns no rows; any other plan returns its rows.
     */
    ExecutionResult execute(LogicalPlan plan, ExecutionContext context);

    /**
     * What running an optimized plan would cost in model calls, per semantic operator, computed
     * without sending any request (row counts, token counts of the rendered prompts or a sample of
     * them, and the models' prices). {@code explain()} prints it. The default knows nothing and
     * returns no estimate.
     *
     * <pre>{@code
     * for (InferenceEstimate e : backend.estimateInference(optimizedPlan)) {
     *     System.out.println(e.operator() + " " + e.requests() + " requests, $" + e.costUsd());
     * }
     * }</pre>
     *
     * @param plan an optimized plan
     * @return one estimate per semantic operator that calls a model, in plan order (top first); empty
     *     when the backend cannot estimate
     */
    default List<InferenceEstimate> estimateInference(LogicalPlan plan) {
        return List.of();
    }

    /** Releases the engine, connections and threads. */
    @Override
    void close();
}
