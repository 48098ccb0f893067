package dev.quarry;

import static dev.quarry.functions.Functions.*;
import static dev.quarry.testing.Maps.row;
import static dev.quarry.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quarry.internal.plan.Aggregate;
import dev.quarry.internal.plan.Limit;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Sink;
import dev.quarry.internal.plan.SqlRelation;
import dev.quarry.internal.plan.TableScan;
import dev.quarry.spi.CatalogEntry;
import dev.quarry.testing.FakeBackend;
import dev.quarry.testing.TestSessions;
import dev.quarry.types.Schema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Actions optimize the plan and hand it to the backend; their results and metrics. */
class ActionsTest {
    @TempDir
    Path dir;

    private FakeBackend backend;
    private Session session;
    private DataFrame people;

    @BeforeEach
    void setUp() {
        backend = new FakeBackend();
        backend.files.put("people.csv", Schema.of(field("id", LONG), field("name", STRING), field("bio", STRING)));
        session = TestSessions.session(backend, dir);
        people = session.read().csv("people.csv");
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    @Test
    void collect_sendsTheOptimizedPlanAndReturnsRowsAndMetrics() {
        Schema out = Schema.of(field("name", STRING));
        backend.answer = plan -> List.of(Row.of(out, "ada"));
        QueryResult r = people.filter(col("id").gt(1))
                .filter(col("id").lt(9))
                .select("name")
                .collect();
        assertThat(r.rows()).containsExactly(Row.of(out, "ada"));
        assertThat(r.metrics().outputRows()).isEqualTo(1);
        assertThat(r.metrics().queryId()).isEqualTo("q1");
        assertThat(r.metrics().languageModel()).isEqualTo(ModelUsage.NONE);
        String sent = backend.executed.get(0).toString();
        assertThat(sent).contains("((id > 1) AND (id < 9))");
        assertThat(backend.contexts.get(0).collectOperatorMetrics()).isFalse();
    }

    @Test
    void collect_disabledRule_isNotApplied() {
        try (Session s = Session.builder()
                .dataDir(dir.resolve("d2"))
                .backendFactory(backend.factory())
                .disableRule("MergeFilters")
                .build()) {
            DataFrame df = s.read()
                    .csv("people.csv")
                    .filter(col("id").gt(1))
                    .filter(col("id").lt(9));
            df.collect();
            LogicalPlan sent = backend.executed.get(backend.executed.size() - 1);
            assertThat(sent.children().get(0)).isInstanceOf(dev.quarry.internal.plan.Filter.class);
        }
    }

    @Test
    void count_sendsACountAggregate() {
        backend.answer = plan -> List.of(Row.of(plan.schema(), 42L));
        assertThat(people.count()).isEqualTo(42);
        Aggregate a = (Aggregate) backend.executed.get(0);
        assertThat(a.groupBy()).isEmpty();
        assertThat(a.outputs().get(0).toString()).isEqualTo("count(*) AS count");
    }

    @Test
    void showString_formatsLikeSparkAndTruncates() {
        backend.answer = plan -> {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                rows.add(Row.of(plan.schema(), (long) i, "n" + i, i == 0 ? null : "a very long biography indeed"));
            }
            return rows;
        };
        String table = people.showString(2, true);
        assertThat(table)
                .isEqualTo("+---+----+--------------------+\n"
                        + "| id|name|                 bio|\n"
                        + "+---+----+--------------------+\n"
                        + "|  0|  n0|                NULL|\n"
                        + "|  1|  n1|a very long biogr...|\n"
                        + "+---+----+--------------------+\n"
                        + "only showing top 2 rows\n");
        assertThat(((Limit) backend.executed.get(0)).limit()).isEqualTo(3);
    }

    @Test
    void showString_noTruncation_keepsFullCells() {
        backend.answer = plan -> List.of(Row.of(plan.schema(), 1L, "x", "a very long biography indeed"));
        assertThat(people.showString(5, false))
                .contains("|a very long biography indeed|")
                .doesNotContain("only");
    }

    @Test
    void explainString_showsLogicalOptimizedAndRules() {
        String text = people.filter(col("id").gt(1))
                .filter(col("id").lt(9))
                .select("name")
                .explainString();
        assertThat(text)
                .contains("== Logical Plan ==")
                .contains("== Optimized Plan ==")
                .contains("== Optimizer (")
                .containsPattern("MergeFilters +fired 1 time +[0-9.]+ ms")
                .contains("Filter ((id > 1) AND (id < 9)) => [id, name]");
        assertThat(backend.executed).isEmpty();
    }

    @Test
    void explainString_simple_showsOnlyTheOptimizedPlan() {
        String text = people.select("name").explainString(ExplainMode.SIMPLE);
        assertThat(text).startsWith("== Optimized Plan ==\n").doesNotContain("Logical");
    }

    @Test
    void explainString_analyze_runsTheQueryAndShowsOperatorMetrics() {
        backend.operators = List.of(OperatorMetrics.relational("Filter", "(id > 1)", Duration.ofMillis(3), 7));
        String text = people.filter(col("id").gt(1)).explainString(ExplainMode.ANALYZE);
        assertThat(text).contains("== Execution (query q1) ==").contains("Filter (id > 1): 3.000 ms, 7 rows");
        assertThat(backend.contexts.get(0).collectOperatorMetrics()).isTrue();
    }

    @Test
    void queryMetrics_toString_isReadable() {
        QueryMetrics m = new QueryMetrics(
                "q7",
                Duration.ofMillis(1),
                Duration.ofMillis(10),
                5,
                ModelUsage.NONE,
                ModelUsage.NONE,
                List.of(OperatorMetrics.relational("Project", "[a]", Duration.ofMillis(2), 5)));
        assertThat(m.toString())
                .isEqualTo("Query q7: 5 rows in 11.000 ms (planning 1.000 ms, execution 10.000 ms)\n"
                        + "  Project [a]: 2.000 ms, 5 rows");
    }

    @Test
    void backendRuntimeFailure_isWrappedAsInternalError() {
        backend.answer = plan -> {
            throw new IllegalStateException("boom");
        };
        QuarryException e = catchThrowableOfType(QuarryException.class, people::collect);
        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.getMessage()).contains("'fake' backend").contains("boom");
    }

    // ------------------------------------------------------------------ reader

    @Test
    void read_missingFile_isTheBackendsFileNotFound() {
        QuarryException e =
                catchThrowableOfType(QuarryException.class, () -> session.read().csv("nope.csv"));
        assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND);
        assertThat(e.getMessage()).contains("nope.csv");
    }

    @Test
    void read_givenSchema_skipsInference() {
        Schema s = Schema.of(field("a", STRING));
        DataFrame df = session.read().schema(s).option("header", false).csv("not-inferred.csv");
        assertThat(df.schema()).isEqualTo(s);
        assertThat(df.logicalPlan().toString()).contains("header=false");
    }

    // ------------------------------------------------------------------ writer

    @Test
    void write_parquet_sendsASinkWithMode() {
        people.write().mode("Overwrite").option("compression", "zstd").parquet("out.parquet");
        Sink sink = (Sink) backend.executed.get(0);
        assertThat(sink.mode()).isEqualTo(SaveMode.OVERWRITE);
        assertThat(sink.target())
                .isEqualTo(new Sink.FileTarget(
                        dev.quarry.internal.plan.FileFormat.PARQUET, "out.parquet", Map.of("compression", "zstd")));
    }

    @Test
    void write_defaultMode_isError() {
        people.write().saveAsTable("people");
        assertThat(((Sink) backend.executed.get(0)).mode()).isEqualTo(SaveMode.ERROR);
        assertThat(((Sink) backend.executed.get(0)).target()).isEqualTo(new Sink.TableTarget("people"));
    }

    @Test
    void write_unknownModeName_listsModes() {
        QuarryException e =
                catchThrowableOfType(QuarryException.class, () -> people.write().mode("replace"));
        assertThat(e.getMessage()).contains("error, overwrite, append, ignore");
    }

    @Test
    void saveAsView_sendsAViewSink() {
        people.select("name").write().saveAsView("names");
        assertThat(((Sink) backend.executed.get(0)).target()).isEqualTo(new Sink.ViewTarget("names"));
    }

    // ------------------------------------------------------------------ catalog, table, sql

    @Test
    void table_knownName_scansIt() {
        backend.tables.put("people", new CatalogEntry("people", CatalogEntry.Kind.TABLE, people.schema()));
        DataFrame df = session.table("PEOPLE");
        assertThat(df.logicalPlan()).isEqualTo(new TableScan("people", people.schema()));
    }

    @Test
    void table_unknownName_listsTablesAndSuggests() {
        backend.tables.put("people", new CatalogEntry("people", CatalogEntry.Kind.TABLE, people.schema()));
        QuarryException e = catchThrowableOfType(QuarryException.class, () -> session.table("peple"));
        assertThat(e.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
        assertThat(e.getMessage()).contains("Tables: people.").contains("Did you mean 'people'?");
    }

    @Test
    void catalog_listsDescribesAndDrops() {
        backend.tables.put("b", new CatalogEntry("b", CatalogEntry.Kind.VIEW, people.schema()));
        backend.tables.put("a", new CatalogEntry("a", CatalogEntry.Kind.TABLE, people.schema()));
        Catalog catalog = session.catalog();
        assertThat(catalog.listTables())
                .containsExactly(new TableInfo("a", false, people.schema()), new TableInfo("b", true, people.schema()));
        assertThat(catalog.describe("A")).isEqualTo(people.schema());
        assertThat(catalog.tableExists("b")).isTrue();
        QuarryException e = catchThrowableOfType(QuarryException.class, () -> catalog.dropTable("b"));
        assertThat(e.getMessage()).contains("'b' is a view; drop it with dropView(\"b\")");
        assertThat(catalog.dropView("b")).isTrue();
        assertThat(catalog.dropTable("missing")).isFalse();
        assertThat(catalog.tableExists("b")).isFalse();
    }

    @Test
    void sql_placeholders_becomeFrames() {
        backend.sqlSchema = Schema.of(field("n", LONG));
        DataFrame df =
                session.sql("SELECT count(*) AS n FROM {p} JOIN {p} USING (id)", Map.of("p", people, "unused", people));
        SqlRelation rel = (SqlRelation) df.logicalPlan();
        assertThat(rel.frames()).containsOnlyKeys("p");
        assertThat(df.schema()).isEqualTo(backend.sqlSchema);
    }

    @Test
    void sql_unknownPlaceholder_listsTheFrames() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> session.sql("SELECT * FROM {peple}", Map.of("people", people)));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage())
                .contains("{peple}")
                .contains("Frames: people.")
                .contains("Did you mean 'people'?");
    }

    @Test
    void createDataFrame_collect_roundTripsThroughTheBackend() {
        DataFrame df = session.createDataFrame(List.of(row("a", 1L, "b", "x")));
        assertThat(df.collectAsList()).hasSize(1);
        assertThat(df.collectAsList().get(0).getString("b")).isEqualTo("x");
    }

    @Test
    void take_sendsALimit() {
        backend.answer = plan -> List.of(Row.of(plan.schema(), 1L, "a", "b"));
        assertThat(people.take(1)).hasSize(1);
        assertThat(((Limit) backend.executed.get(0)).limit()).isEqualTo(1);
        backend.answer = plan -> List.of();
        assertThat(people.isEmpty()).isTrue();
    }

    @Test
    void groupedSum_namesColumnsLikeSpark() {
        DataFrame df = people.groupBy("name").max("id", "bio");
        assertThat(df.columns()).containsExactly("name", "max(id)", "max(bio)");
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> people.groupBy("name").sum("bio"));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }
}
