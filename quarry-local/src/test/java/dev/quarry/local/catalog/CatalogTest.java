package dev.quarry.local.catalog;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.SaveMode;
import dev.quarry.internal.expr.BinaryOp.Operator;
import dev.quarry.internal.plan.Cache;
import dev.quarry.internal.plan.FileFormat;
import dev.quarry.internal.plan.FileScan;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Sink;
import dev.quarry.internal.plan.TableScan;
import dev.quarry.local.LocalBackend;
import dev.quarry.local.LocalFixtures;
import dev.quarry.local.exec.DuckDatabase;
import dev.quarry.spi.CatalogEntry;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables and views in the catalog file, across sessions. */
class CatalogTest {
    @TempDir
    Path dir;

    final Schema ab = schema(field("a", DataTypes.LONG), field("b", DataTypes.STRING));
    final LocalRelation first = rows(ab, values(1L, "x"), values(2L, "y"));
    final LocalRelation second = rows(ab, values(3L, "z"));

    private void save(LocalBackend backend, LogicalPlan plan, Sink.Target target, SaveMode mode) {
        run(backend, new Sink(plan, target, mode));
    }

    private static Sink.TableTarget table(String name) {
        return new Sink.TableTarget(name);
    }

    private static Sink.ViewTarget view(String name) {
        return new Sink.ViewTarget(name);
    }

    private List<List<Object>> scan(LocalBackend backend, String name) {
        CatalogEntry entry = backend.lookup(name).orElseThrow();
        return collect(backend, new TableScan(entry.name(), entry.schema()));
    }

    private static void assertCode(Throwable t, ErrorCode code) {
        assertThat(t).isInstanceOf(QuarryException.class);
        assertThat(((QuarryException) t).code()).isEqualTo(code);
    }

    @Test
    void open_createsTheDataDirectoryWithCatalogAndTemp() {
        Path dataDir = dir.resolve("deep/new/dir");
        try (LocalBackend backend = LocalFixtures.backend(dataDir)) {
            assertThat(backend.listTables()).isEmpty();
        }
        assertThat(dataDir.resolve(DuckDatabase.CATALOG_FILE)).exists();
        assertThat(dataDir.resolve("tmp")).isDirectory();
    }

    @Test
    void table_persistsAcrossSessions() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            save(backend, first, table("Results"), SaveMode.ERROR);
        }
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            CatalogEntry entry = backend.lookup("results").orElseThrow();
            assertThat(entry.name()).isEqualTo("Results");
            assertThat(entry.kind()).isEqualTo(CatalogEntry.Kind.TABLE);
            assertThat(entry.schema().names()).containsExactly("a", "b");
            assertThat(scan(backend, "RESULTS")).containsExactly(values(1L, "x"), values(2L, "y"));
        }
    }

    @Test
    void table_errorModeRefusesAnExistingName() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            save(backend, first, table("t"), SaveMode.ERROR);
            assertThatThrownBy(() -> save(backend, second, table("T"), SaveMode.ERROR))
                    .satisfies(t -> assertCode(t, ErrorCode.TABLE_ALREADY_EXISTS))
                    .hasMessageContaining("'t'");
            assertThat(scan(backend, "t")).hasSize(2);
        }
    }

    @Test
    void table_overwriteAppendIgnore() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            save(backend, first, table("t"), SaveMode.ERROR);
            save(backend, second, table("t"), SaveMode.APPEND);
            assertThat(scan(backend, "t")).containsExactly(values(1L, "x"), values(2L, "y"), values(3L, "z"));
            save(backend, second, table("t"), SaveMode.OVERWRITE);
            assertThat(scan(backend, "t")).containsExactly(values(3L, "z"));
            save(backend, first, table("t"), SaveMode.IGNORE);
            assertThat(scan(backend, "t")).containsExactly(values(3L, "z"));
        }
    }

    @Test
    void table_appendReportsTheAddedRows() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            assertThat(run(backend, new Sink(first, table("t"), SaveMode.ERROR)).rowCount())
                    .isEqualTo(2);
            assertThat(run(backend, new Sink(second, table("t"), SaveMode.APPEND))
                            .rowCount())
                    .isEqualTo(1);
        }
    }

    @Test
    void table_appendWithOtherColumnsIsRefused() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            save(backend, first, table("t"), SaveMode.ERROR);
            LocalRelation other = rows(schema(field("c", DataTypes.LONG)), values(1L));
            assertThatThrownBy(() -> save(backend, other, table("t"), SaveMode.APPEND))
                    .satisfies(t -> assertCode(t, ErrorCode.INVALID_SCHEMA));
        }
    }

    @Test
    void table_overwriteMayReadItself() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            save(backend, first, table("t"), SaveMode.ERROR);
            TableScan self = new TableScan("t", ab);
            save(
                    backend,
                    new Filter(self, op(Operator.GT, col(self, "a"), lit(1L, DataTypes.LONG))),
                    table("t"),
                    SaveMode.OVERWRITE);
            assertThat(scan(backend, "t")).containsExactly(values(2L, "y"));
        }
    }

    @Test
    void view_overInMemoryRowsWorksInALaterSession() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            save(
                    backend,
                    new Filter(first, op(Operator.GT, col(first, "a"), lit(1L, DataTypes.LONG))),
                    view("big"),
                    SaveMode.ERROR);
            assertThat(scan(backend, "big")).containsExactly(values(2L, "y"));
        }
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            assertThat(backend.lookup("big").orElseThrow().kind()).isEqualTo(CatalogEntry.Kind.VIEW);
            assertThat(scan(backend, "big")).containsExactly(values(2L, "y"));
        }
    }

    @Test
    void view_storesTheQueryNotTheData() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            save(backend, first, table("t"), SaveMode.ERROR);
            save(backend, new TableScan("t", ab), view("v"), SaveMode.ERROR);
            save(backend, second, table("t"), SaveMode.APPEND);
            assertThat(scan(backend, "v")).hasSize(3);
        }
    }

    @Test
    void view_overACacheReadsTheQuery() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            save(backend, new Cache(first), view("cached"), SaveMode.ERROR);
        }
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            assertThat(scan(backend, "cached")).hasSize(2);
        }
    }

    @Test
    void view_overwriteReplacesAndDropCleansItsData() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            save(backend, first, view("v"), SaveMode.ERROR);
            save(backend, second, view("v"), SaveMode.OVERWRITE);
            assertThat(scan(backend, "v")).containsExactly(values(3L, "z"));
            assertThat(dataTables(backend)).hasSize(1);
            assertThat(backend.drop("V")).isTrue();
            assertThat(dataTables(backend)).isEmpty();
            assertThat(backend.lookup("v")).isEmpty();
        }
    }

    private List<List<Object>> dataTables(LocalBackend backend) {
        var sql = new dev.quarry.internal.plan.SqlRelation(
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'quarry_data'",
                Map.of(),
                schema(field("table_name", DataTypes.STRING)));
        return collect(backend, sql);
    }

    @Test
    void view_appendIsRefused() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            assertThatThrownBy(() -> save(backend, first, view("v"), SaveMode.APPEND))
                    .satisfies(t -> assertCode(t, ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("OVERWRITE");
        }
    }

    @Test
    void view_errorModeRefusesAnExistingTable() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            save(backend, first, table("t"), SaveMode.ERROR);
            assertThatThrownBy(() -> save(backend, second, view("t"), SaveMode.ERROR))
                    .satisfies(t -> assertCode(t, ErrorCode.TABLE_ALREADY_EXISTS));
            save(backend, second, view("t"), SaveMode.OVERWRITE);
            assertThat(backend.lookup("t").orElseThrow().kind()).isEqualTo(CatalogEntry.Kind.VIEW);
        }
    }

    @Test
    void view_overADeletedFileFailsNamingTheFile() throws IOException {
        Path csv = dir.resolve("src.csv");
        Files.writeString(csv, "a,b\n1,x\n");
        try (LocalBackend backend = LocalFixtures.backend(dir.resolve("data"))) {
            Schema s = backend.inferSchema(FileFormat.CSV, csv.toString(), Map.of());
            save(backend, new FileScan(FileFormat.CSV, csv.toString(), Map.of(), s), view("from_file"), SaveMode.ERROR);
            Files.delete(csv);
            assertThatThrownBy(() -> collect(backend, new TableScan("from_file", s)))
                    .satisfies(t -> assertCode(t, ErrorCode.FILE_NOT_FOUND))
                    .hasMessageContaining("src.csv");
            assertThatThrownBy(() -> backend.lookup("from_file"))
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("can no longer be read");
            assertThat(backend.listTables()).extracting(CatalogEntry::name).containsExactly("from_file");
        }
    }

    @Test
    void listTables_sortedWithKinds() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            save(backend, first, table("zeta"), SaveMode.ERROR);
            save(backend, first, view("alpha"), SaveMode.ERROR);
            assertThat(backend.listTables())
                    .extracting(CatalogEntry::name, CatalogEntry::kind)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("alpha", CatalogEntry.Kind.VIEW),
                            org.assertj.core.groups.Tuple.tuple("zeta", CatalogEntry.Kind.TABLE));
        }
    }

    @Test
    void drop_unknownNameReturnsFalse() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            assertThat(backend.drop("nothing")).isFalse();
        }
    }

    @Test
    void tableScan_ofAMissingTableIsTableNotFound() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            assertThatThrownBy(() -> collect(backend, new TableScan("ghost", ab)))
                    .satisfies(t -> assertCode(t, ErrorCode.TABLE_NOT_FOUND))
                    .hasMessageContaining("ghost");
        }
    }

    @Test
    void hostileNames_areJustNames() {
        String name = "t\"; DROP TABLE other; --";
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            save(backend, first, table("other"), SaveMode.ERROR);
            save(backend, first, table(name), SaveMode.ERROR);
            assertThat(backend.lookup("other")).isPresent();
            assertThat(scan(backend, name)).hasSize(2);
            assertThat(backend.drop(name)).isTrue();
            assertThat(backend.lookup("other")).isPresent();
        }
    }
}
