package dev.quarry.local.exec;

import dev.quarry.OperatorMetrics;
import dev.quarry.internal.plan.Cache;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.local.io.RowLoader;
import dev.quarry.local.sql.PlanCompiler;
import dev.quarry.local.sql.Sql;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The session's temporary tables: in-memory rows loaded once per {@link LocalRelation}, and the
 * result of each {@link Cache}d sub-plan computed once, both keyed by the (immutable, comparable)
 * plan. They live on the session's connection and disappear when it closes.
 *
 * <p>Used as the {@link PlanCompiler.Relations} of query compilation: asking for a relation loads or
 * computes it on first use. Work done on the way is recorded as operator metrics.
 */
public final class Materializations {
    private final DuckDatabase db;
    private final Map<LogicalPlan, String> tables = new HashMap<>();
    private int counter;

    /**
     * Materializations over a database.
     *
     * <pre>{@code new Materializations(db)}</pre>
     *
     * @param db the database
     */
    public Materializations(DuckDatabase db) {
        this.db = db;
    }

    /**
     * Relations for one compilation: loads in-memory rows and materializes caches on first use,
     * recording what it did in {@code metrics}.
     *
     * <pre>{@code PlanCompiler.Relations r = materializations.relations(compilerFactory, metrics);}</pre>
     *
     * @param compiler makes a compiler for a cached sub-plan (with these same relations)
     * @param metrics receives one entry per table built
     * @return the relations
     */
    public PlanCompiler.Relations relations(
            Function<PlanCompiler.Relations, PlanCompiler> compiler, List<OperatorMetrics> metrics) {
        return new PlanCompiler.Relations() {
            @Override
            public String relationFor(LogicalPlan plan) {
                String existing = tables.get(plan);
                if (existing != null) {
                    return Sql.identifier(existing);
                }
                if (plan instanceof LocalRelation local) {
                    return Sql.identifier(load(local, metrics));
                }
                if (plan instanceof Cache cache) {
                    String sql = compiler.apply(this).compile(cache.child());
                    return Sql.identifier(materialize(cache, sql, metrics));
                }
                return null;
            }
        };
    }

    private String load(LocalRelation local, List<OperatorMetrics> metrics) {
        String name = "quarry_rows_" + (++counter);
        long start = System.nanoTime();
        try {
            RowLoader.load(db.connection(), "temp", "main", name, true, local.schema(), local.rows());
        } catch (RuntimeException e) {
            dropQuietly(name);
            throw e;
        }
        tables.put(local, name);
        metrics.add(OperatorMetrics.relational(
                "LocalRelation",
                "loaded into " + name,
                Duration.ofNanos(System.nanoTime() - start),
                local.rows().size()));
        return name;
    }

    private String materialize(Cache cache, String sql, List<OperatorMetrics> metrics) {
        String name = "quarry_cache_" + (++counter);
        long start = System.nanoTime();
        long rows;
        try (Statement st = db.connection().createStatement()) {
            st.execute("CREATE TEMP TABLE " + Sql.identifier(name) + " AS " + sql);
            rows = Math.max(st.getLargeUpdateCount(), -1);
        } catch (SQLException e) {
            dropQuietly(name);
            throw DuckErrors.translate(e, "computing a cached DataFrame", Queries.hasUserSql(cache));
        }
        tables.put(cache, name);
        metrics.add(OperatorMetrics.relational(
                "Cache", "materialized into " + name, Duration.ofNanos(System.nanoTime() - start), rows));
        return name;
    }

    private void dropQuietly(String name) {
        try (Statement st = db.connection().createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + Sql.identifier(name));
        } catch (SQLException ignored) {
            // nothing was created
        }
    }

    /**
     * Whether a sub-plan already has a table (a loaded {@link LocalRelation} or a computed
     * {@link Cache}), so nothing under it needs computing again.
     *
     * <pre>{@code if (materializations.isMaterialized(cache)) { ... }}</pre>
     *
     * @param plan the sub-plan
     * @return true when a table holds its rows
     */
    public boolean isMaterialized(LogicalPlan plan) {
        return tables.containsKey(plan);
    }

    /**
     * How many temporary tables exist (for tests and diagnostics).
     *
     * <pre>{@code materializations.size()}</pre>
     *
     * @return the count
     */
    public int size() {
        return tables.size();
    }

    /**
     * The names of the temporary tables, in no order.
     *
     * <pre>{@code materializations.tableNames()}</pre>
     *
     * @return the names
     */
    public List<String> tableNames() {
        return new ArrayList<>(tables.values());
    }
}
