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

    /** Releases the engine, connections and threads. */
    @Override
    void close();
}
