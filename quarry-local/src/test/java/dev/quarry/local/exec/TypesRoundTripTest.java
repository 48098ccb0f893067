package dev.quarry.local.exec;

import static dev.quarry.local.LocalFixtures.collect;
import static dev.quarry.local.LocalFixtures.field;
import static dev.quarry.local.LocalFixtures.run;
import static dev.quarry.local.LocalFixtures.schema;
import static dev.quarry.local.LocalFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Row;
import dev.quarry.SaveMode;
import dev.quarry.internal.plan.FileFormat;
import dev.quarry.internal.plan.FileScan;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.Sink;
import dev.quarry.internal.plan.SqlRelation;
import dev.quarry.local.LocalBackend;
import dev.quarry.local.LocalFixtures;
import dev.quarry.types.DataType;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every Quarry type goes into DuckDB and comes back as the same Java value. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypesRoundTripTest {
    LocalBackend backend;
    Path dir;

    static final DataType INNER = DataTypes.structOf(
            DataTypes.field("when", DataTypes.TIMESTAMP),
            DataTypes.field("scores", DataTypes.arrayOf(DataTypes.DOUBLE)));
    static final DataType OUTER = DataTypes.structOf(
            DataTypes.field("name", DataTypes.STRING),
            DataTypes.field("inner", INNER),
            DataTypes.field("items", DataTypes.arrayOf(INNER)));

    static final Schema ALL = schema(
            field("s", DataTypes.STRING),
            field("i", DataTypes.INTEGER),
            field("l", DataTypes.LONG),
            field("f", DataTypes.FLOAT),
            field("d", DataTypes.DOUBLE),
            field("b", DataTypes.BOOLEAN),
            field("date", DataTypes.DATE),
            field("ts", DataTypes.TIMESTAMP),
            field("md", DataTypes.MARKDOWN),
            field("j", DataTypes.JSON),
            field("tags", DataTypes.arrayOf(DataTypes.STRING)),
            field("nested", DataTypes.arrayOf(DataTypes.arrayOf(DataTypes.INTEGER))),
            field("e", DataTypes.embedding(3, "mini")),
            field("st", OUTER));

    static final LocalDateTime DST_GAP = LocalDateTime.of(2024, 3, 10, 2, 30, 0, 123_456_000);

    Row inner(LocalDateTime when, List<Double> scores) {
        return Row.of(((dev.quarry.types.StructType) INNER).toSchema(), when, scores);
    }

    List<List<Object>> data() {
        Row st = Row.of(
                ((dev.quarry.types.StructType) OUTER).toSchema(),
                "x\"y",
                inner(DST_GAP, Arrays.asList(1.5, null)),
                Arrays.asList(inner(LocalDateTime.of(2020, 1, 1, 0, 0), List.of()), null));
        return List.of(
                values(
                        "héllo 'quoted' \"x\"",
                        1,
                        1L << 40,
                        1.25f,
                        -0.5,
                        true,
                        LocalDate.of(2024, 2, 29),
                        DST_GAP,
                        "# title",
                        "{\"a\": [1, 2]}",
                        Arrays.asList("a", null),
                        List.of(List.of(1, 2), List.of()),
                        new float[] {0.5f, -1f, 3.25f},
                        st),
                values(null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    }

    @BeforeAll
    void open(@TempDir Path dir) {
        this.dir = dir;
        backend = LocalFixtures.backend(dir.resolve("data"));
    }

    @AfterAll
    void close() {
        backend.close();
    }

    private static void assertSameRows(List<List<Object>> actual, List<List<Object>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < expected.get(r).size(); c++) {
                Object want = expected.get(r).get(c);
                Object got = actual.get(r).get(c);
                if (want instanceof float[] f) {
                    assertThat((float[]) got).as("row %d column %d", r, c).containsExactly(f);
                } else {
                    assertThat(got).as("row %d column %d", r, c).isEqualTo(want);
                }
            }
        }
    }

    @Test
    void localRelation_roundTripsEveryType() {
        LocalRelation rel = new LocalRelation(ALL, data());
        assertSameRows(collect(backend, rel), data());
    }

    @Test
    void nestedTimestamp_inDaylightSavingGapSurvivesAnyJvmTimeZone() {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try {
            LocalRelation rel = new LocalRelation(ALL, data());
            List<List<Object>> back = collect(backend, rel);
            assertThat(back.get(0).get(7)).isEqualTo(DST_GAP);
            Row st = (Row) back.get(0).get(13);
            assertThat(st.getStruct("inner").getTimestamp("when")).isEqualTo(DST_GAP);
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void parquet_roundTripsEveryType() {
        Path file = dir.resolve("all.parquet");
        run(
                backend,
                new Sink(
                        new LocalRelation(ALL, data()),
                        new Sink.FileTarget(FileFormat.PARQUET, file.toString(), Map.of()),
                        SaveMode.ERROR));
        Schema read = backend.inferSchema(FileFormat.PARQUET, file.toString(), Map.of());
        assertThat(read.names()).isEqualTo(ALL.names());
        assertThat(read.field("e").type()).isEqualTo(DataTypes.embedding(3, "mini"));
        assertThat(read.field("md").type()).isEqualTo(DataTypes.MARKDOWN);
        assertThat(read.field("st").type()).isEqualTo(OUTER);
        assertThat(read.field("j").type()).isEqualTo(DataTypes.JSON);
        assertSameRows(collect(backend, new FileScan(FileFormat.PARQUET, file.toString(), Map.of(), ALL)), data());
    }

    @Test
    void json_roundTripsNestedTypes() {
        Path file = dir.resolve("all.ndjson");
        run(
                backend,
                new Sink(
                        new LocalRelation(ALL, data()),
                        new Sink.FileTarget(FileFormat.JSON, file.toString(), Map.of()),
                        SaveMode.ERROR));
        List<List<Object>> expected = new java.util.ArrayList<>(data());
        List<Object> first = new java.util.ArrayList<>(expected.get(0));
        first.set(9, "{\"a\":[1,2]}"); // JSON text comes back normalized
        expected.set(0, first);
        assertSameRows(collect(backend, new FileScan(FileFormat.JSON, file.toString(), Map.of(), ALL)), expected);
    }

    @Test
    void sql_mapsDuckDbOnlyTypes() {
        SqlRelation sql = new SqlRelation(
                "SELECT 1.25::DECIMAL(10,2) AS dec, 12345678901::HUGEINT AS huge, 3::TINYINT AS tiny,"
                        + " TIMESTAMPTZ '2024-01-01 10:00:00+02' AS tz, INTERVAL 1 DAY AS iv, uuid() IS NOT NULL AS u,"
                        + " MAP {'a': 1} AS m",
                Map.of(),
                Schema.EMPTY);
        Schema described = backend.describeSql(sql.sql(), Map.of());
        assertThat(described.fields().stream().map(f -> f.type()).toList())
                .containsExactly(
                        DataTypes.DOUBLE,
                        DataTypes.LONG,
                        DataTypes.INTEGER,
                        DataTypes.TIMESTAMP,
                        DataTypes.STRING,
                        DataTypes.BOOLEAN,
                        DataTypes.STRING);
        List<Object> row = collect(backend, new SqlRelation(sql.sql(), Map.of(), described))
                .get(0);
        assertThat(row.subList(0, 4)).containsExactly(1.25, 12345678901L, 3, LocalDateTime.of(2024, 1, 1, 8, 0));
        assertThat(row.get(4)).isEqualTo("1 day");
        assertThat(row.get(6)).isEqualTo("{a=1}");
    }
}
