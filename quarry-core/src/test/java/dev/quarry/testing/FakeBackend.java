package dev.quarry.testing;

import dev.quarry.ErrorCode;
import dev.quarry.ModelUsage;
import dev.quarry.OperatorMetrics;
import dev.quarry.QuarryException;
import dev.quarry.Row;
import dev.quarry.internal.plan.FileFormat;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Sink;
import dev.quarry.spi.Backend;
import dev.quarry.spi.BackendFactory;
import dev.quarry.spi.CatalogEntry;
import dev.quarry.spi.ExecutionContext;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.spi.InferenceEstimate;
import dev.quarry.spi.SessionConfig;
import dev.quarry.types.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A backend for core tests: files and SQL queries have fixed schemas, the catalog is a map, and
 * {@code execute} records the plan it got and answers with rows from a function of that plan
 * (by default: the rows of a bare in-memory relation, else none), reporting {@link #operators}.
 */
public final class FakeBackend implements Backend {
    public final Map<String, Schema> files = new LinkedHashMap<>();
    public final Map<String, CatalogEntry> tables = new LinkedHashMap<>();
    public Schema sqlSchema;
    public final List<LogicalPlan> executed = new ArrayList<>();
    public final List<ExecutionContext> contexts = new ArrayList<>();
    public Function<LogicalPlan, List<Row>> answer = FakeBackend::defaultAnswer;
    public List<OperatorMetrics> operators = List.of();
    public SessionConfig config;
    public boolean closed;
    /** Answers {@link #estimateInference}; records the plans it was asked about in {@link #estimated}. */
    public Function<LogicalPlan, List<InferenceEstimate>> estimator = plan -> List.of();

    public final List<LogicalPlan> estimated = new ArrayList<>();

    /** A factory handing out this backend. */
    public BackendFactory factory() {
        FakeBackend self = this;
        return new BackendFactory() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public Backend create(SessionConfig config) {
                self.config = config;
                return self;
            }
        };
    }

    private static List<Row> defaultAnswer(LogicalPlan plan) {
        if (plan instanceof LocalRelation l) {
            List<Row> rows = new ArrayList<>();
            for (List<Object> values : l.rows()) {
                rows.add(Row.of(l.schema(), values));
            }
            return rows;
        }
        return List.of();
    }

    @Override
    public Schema inferSchema(FileFormat format, String path, Map<String, String> options) {
        Schema s = files.get(path);
        if (s == null) {
            throw new QuarryException(ErrorCode.FILE_NOT_FOUND, "No such file: '" + path + "'");
        }
        return s;
    }

    @Override
    public Schema describeSql(String sql, Map<String, LogicalPlan> frames) {
        if (sqlSchema == null) {
            throw new QuarryException(ErrorCode.SQL_ERROR, "fake backend has no schema for " + sql);
        }
        return sqlSchema;
    }

    @Override
    public Optional<CatalogEntry> lookup(String name) {
        for (CatalogEntry e : tables.values()) {
            if (e.name().equalsIgnoreCase(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<CatalogEntry> listTables() {
        return new ArrayList<>(tables.values());
    }

    @Override
    public boolean drop(String name) {
        return tables.keySet().removeIf(n -> n.equalsIgnoreCase(name));
    }

    @Override
    public ExecutionResult execute(LogicalPlan plan, ExecutionContext context) {
        executed.add(plan);
        contexts.add(context);
        if (plan instanceof Sink) {
            return new ExecutionResult(plan.schema(), List.of(), 0, List.of(), ModelUsage.NONE, ModelUsage.NONE);
        }
        List<Row> rows = answer.apply(plan);
        return new ExecutionResult(plan.schema(), rows, rows.size(), operators, ModelUsage.NONE, ModelUsage.NONE);
    }

    @Override
    public List<InferenceEstimate> estimateInference(LogicalPlan plan) {
        estimated.add(plan);
        return estimator.apply(plan);
    }

    @Override
    public void close() {
        closed = true;
    }
}
