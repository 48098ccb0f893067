package dev.quarry.local.exec;

import static dev.quarry.local.LocalFixtures.col;
import static dev.quarry.local.LocalFixtures.collect;
import static dev.quarry.local.LocalFixtures.field;
import static dev.quarry.local.LocalFixtures.lit;
import static dev.quarry.local.LocalFixtures.op;
import static dev.quarry.local.LocalFixtures.rows;
import static dev.quarry.local.LocalFixtures.run;
import static dev.quarry.local.LocalFixtures.schema;
import static dev.quarry.local.LocalFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.OperatorMetrics;
import dev.quarry.SaveMode;
import dev.quarry.internal.expr.AggregateCall;
import dev.quarry.internal.expr.BinaryOp.Operator;
import dev.quarry.internal.plan.Aggregate;
import dev.quarry.internal.plan.Cache;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Sink;
import dev.quarry.internal.plan.TableScan;
import dev.quarry.local.LocalBackend;
import dev.quarry.local.LocalFixtures;
import dev.quarry.spi.ExecutionContext;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheAndMetricsTest {
    @TempDir
    Path dir;

    final Schema ab = schema(field("a", DataTypes.LONG), field("b", DataTypes.STRING));
    final LocalRelation data = rows(ab, values(1L, "x"), values(2L, "y"));

    @Test
    void cache_isComputedOnceAndReused() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            run(backend, new Sink(data, new Sink.TableTarget("t"), SaveMode.ERROR));
            TableScan scan = new TableScan("t", ab);
            Cache cached = new Cache(new Filter(scan, op(Operator.GT, col(scan, "a"), lit(0L, DataTypes.LONG))));
            ExecutionResult firstRun = run(backend, cached);
            assertThat(firstRun.operators())
                    .extracting(OperatorMetrics::operator)
                    .contains("Cache");
            run(backend, new Sink(rows(ab, values(3L, "z")), new Sink.TableTarget("t"), SaveMode.APPEND));
            int tables = backend.temporaryTables();
            ExecutionResult second =
                    run(backend, new Filter(cached, op(Operator.EQ, col(cached, "b"), lit("y", DataTypes.STRING))));

            assertThat(second.operators()).extracting(OperatorMetrics::operator).doesNotContain("Cache");
            assertThat(backend.temporaryTables()).isEqualTo(tables);
            assertThat(collect(backend, cached)).hasSize(2);
        }
    }

    @Test
    void cache_equalPlansShareOneTable() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            LogicalPlan a = new Cache(new Filter(data, lit(true, DataTypes.BOOLEAN)));
            LogicalPlan b =
                    new Cache(new Filter(rows(ab, values(1L, "x"), values(2L, "y")), lit(true, DataTypes.BOOLEAN)));
            run(backend, a);
            int after = backend.temporaryTables();
            run(backend, b);
            assertThat(backend.temporaryTables()).isEqualTo(after);
        }
    }

    @Test
    void localRelation_isLoadedOncePerSession() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            run(backend, data);
            run(backend, new Filter(data, lit(true, DataTypes.BOOLEAN)));
            assertThat(backend.temporaryTables()).isEqualTo(1);
        }
    }

    @Test
    void metrics_reportStatementTimeAndRows() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            ExecutionResult result =
                    run(backend, new Filter(data, op(Operator.GT, col(data, "a"), lit(1L, DataTypes.LONG))));
            List<OperatorMetrics> ops = result.operators();
            assertThat(ops).extracting(OperatorMetrics::operator).containsExactly("LocalRelation", "DuckDB");
            OperatorMetrics statement = ops.get(1);
            assertThat(statement.outputRows()).isEqualTo(1);
            assertThat(statement.details()).contains("Filter").contains("LocalRelation");
            assertThat(statement.time()).isPositive();
            assertThat(ops.get(0).outputRows()).isEqualTo(2);
        }
    }

    @Test
    void metrics_withOperatorMetricsAddDuckDbsProfile() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            Aggregate agg = new Aggregate(
                    data,
                    List.of(col(data, "b")),
                    List.of(
                            col(data, "b"),
                            LocalFixtures.as(new AggregateCall(AggregateCall.Function.COUNT, List.of(), false), "n")));
            ExecutionResult result = backend.execute(agg, new ExecutionContext("q", true));
            assertThat(result.operators())
                    .extracting(OperatorMetrics::operator)
                    .contains("DuckDB", "DuckDB TABLE_SCAN");
            OperatorMetrics groupBy = result.operators().stream()
                    .filter(m -> m.operator().endsWith("GROUP_BY"))
                    .findFirst()
                    .orElseThrow();
            assertThat(groupBy.outputRows()).isEqualTo(2);
            assertThat(run(backend, agg).operators())
                    .extracting(OperatorMetrics::operator)
                    .containsExactly("DuckDB");
        }
    }

    @Test
    void metrics_ofASinkCountWrittenRows() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            ExecutionResult result = run(backend, new Sink(data, new Sink.TableTarget("t"), SaveMode.ERROR));
            assertThat(result.operators()).last().satisfies(m -> {
                assertThat(m.operator()).isEqualTo("Sink");
                assertThat(m.outputRows()).isEqualTo(2);
            });
        }
    }
}
