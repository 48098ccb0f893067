package dev.quarry.local.io;

import static dev.quarry.local.LocalFixtures.collect;
import static dev.quarry.local.LocalFixtures.field;
import static dev.quarry.local.LocalFixtures.schema;
import static dev.quarry.local.LocalFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.plan.FileFormat;
import dev.quarry.internal.plan.FileScan;
import dev.quarry.local.LocalBackend;
import dev.quarry.local.LocalFixtures;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB's readers behind the backend: options, globs and every kind of bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadersTest {
    LocalBackend backend;
    Path dir;

    @BeforeAll
    void open(@TempDir Path dir) {
        this.dir = dir;
        backend = LocalFixtures.backend(dir.resolve("data"));
    }

    @AfterAll
    void close() {
        backend.close();
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private List<List<Object>> read(FileFormat format, Path path, Map<String, String> options) {
        Schema s = backend.inferSchema(format, path.toString(), options);
        return collect(backend, new FileScan(format, path.toString(), options, s));
    }

    private static void assertCode(Throwable t, ErrorCode code) {
        assertThat(t).isInstanceOf(QuarryException.class);
        assertThat(((QuarryException) t).code()).isEqualTo(code);
    }

    @Test
    void csv_infersHeaderAndTypes() throws IOException {
        Path p = file("typed.csv", "id,name,day,score\n1,ann,2024-01-05,1.5\n2,bob,2024-02-06,\n");
        Schema s = backend.inferSchema(FileFormat.CSV, p.toString(), Map.of());
        assertThat(s)
                .isEqualTo(schema(
                        field("id", DataTypes.LONG),
                        field("name", DataTypes.STRING),
                        field("day", DataTypes.DATE),
                        field("score", DataTypes.DOUBLE)));
        assertThat(read(FileFormat.CSV, p, Map.of()))
                .containsExactly(
                        values(1L, "ann", LocalDate.of(2024, 1, 5), 1.5),
                        values(2L, "bob", LocalDate.of(2024, 2, 6), null));
    }

    @Test
    void csv_honoursDelimiterQuoteAndNullValue() throws IOException {
        Path p = file("semi.csv", "a;b\n'x;y';NA\n'it''s';z\n");
        Map<String, String> options = Map.of("sep", ";", "quote", "'", "escape", "'", "nullValue", "NA");
        assertThat(read(FileFormat.CSV, p, options)).containsExactly(values("x;y", null), values("it's", "z"));
    }

    @Test
    void csv_withoutHeaderNamesColumnsByPosition() throws IOException {
        Path p = file("nohead.csv", "1,x\n2,y\n");
        Schema s = backend.inferSchema(FileFormat.CSV, p.toString(), Map.of("header", "false"));
        assertThat(s.names()).containsExactly("column0", "column1");
        assertThat(read(FileFormat.CSV, p, Map.of("header", "false"))).hasSize(2);
    }

    @Test
    void csv_globReadsEveryMatchingFile() throws IOException {
        file("parts/p1.csv", "a\n1\n");
        file("parts/p2.csv", "a\n2\n");
        file("parts/other.txt", "a\n3\n");
        assertThat(read(FileFormat.CSV, dir.resolve("parts/*.csv"), Map.of()))
                .containsExactlyInAnyOrder(List.of(1L), List.of(2L));
    }

    @Test
    void csv_missingFileNamesThePath() {
        Path missing = dir.resolve("nope/missing.csv");
        assertThatThrownBy(() -> backend.inferSchema(FileFormat.CSV, missing.toString(), Map.of()))
                .satisfies(t -> assertCode(t, ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining(missing.toString());
    }

    @Test
    void csv_fileRemovedBeforeExecutionNamesThePath() throws IOException {
        Path p = file("gone.csv", "a\n1\n");
        Schema s = backend.inferSchema(FileFormat.CSV, p.toString(), Map.of());
        Files.delete(p);
        assertThatThrownBy(() -> collect(backend, new FileScan(FileFormat.CSV, p.toString(), Map.of(), s)))
                .satisfies(t -> assertCode(t, ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining("gone.csv");
    }

    @Test
    void csv_lineWithTooManyFieldsNamesFileAndLine() throws IOException {
        Path p = file("extra.csv", "a,b\n1,x\n2,y\n3,z,extra\n4,w\n");
        assertThatThrownBy(() -> read(FileFormat.CSV, p, Map.of()))
                .satisfies(t -> assertCode(t, ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("extra.csv")
                .hasMessageContaining("line 4")
                .hasMessageContaining("3,z,extra")
                .hasMessageContaining("PERMISSIVE");
    }

    @Test
    void csv_unterminatedQuoteNamesFileAndLine() throws IOException {
        Path p = file("quote.csv", "a,b\n1,x\n2,\"unterminated\n3,z\n");
        assertThatThrownBy(() -> read(FileFormat.CSV, p, Map.of()))
                .satisfies(t -> assertCode(t, ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("quote.csv")
                .hasMessageContaining("line 3");
    }

    @Test
    void csv_badValueBeyondTheSampleNamesFileLineAndValue() throws IOException {
        StringBuilder sb = new StringBuilder("n,s\n");
        for (int i = 0; i < 30_000; i++) {
            sb.append(i).append(",x\n");
        }
        sb.append("oops,y\n");
        Path p = file("late.csv", sb.toString());
        Map<String, String> options = Map.of();
        Schema s = backend.inferSchema(FileFormat.CSV, p.toString(), options);
        assertThat(s.field("n").type()).isEqualTo(DataTypes.LONG);
        assertThatThrownBy(() -> collect(backend, new FileScan(FileFormat.CSV, p.toString(), options, s)))
                .satisfies(t -> assertCode(t, ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("late.csv")
                .hasMessageContaining("line 30002")
                .hasMessageContaining("oops");
    }

    @Test
    void csv_permissiveNullsBadFieldsAndPadsShortLines() throws IOException {
        Path p = file("messy.csv", "a,b\n1,x\nzz,y\n3\n4,w,extra\n");
        Schema s = schema(field("a", DataTypes.LONG), field("b", DataTypes.STRING));
        List<List<Object>> rows =
                collect(backend, new FileScan(FileFormat.CSV, p.toString(), Map.of("mode", "PERMISSIVE"), s));
        assertThat(rows).containsExactly(values(1L, "x"), values(null, "y"), values(3L, null), values(4L, "w"));
    }

    @Test
    void csv_permissiveInfersSchemaOfAFileTheSnifferRejects() throws IOException {
        Path p = file("broken.csv", "a,b\n1,x\n2,y\n3,z,extra\n4,w\n");
        Schema s = backend.inferSchema(FileFormat.CSV, p.toString(), Map.of("mode", "PERMISSIVE"));
        assertThat(s.names()).containsExactly("a", "b");
        assertThat(collect(backend, new FileScan(FileFormat.CSV, p.toString(), Map.of("mode", "PERMISSIVE"), s)))
                .hasSize(4);
    }

    @Test
    void csv_lenientCastOfATextColumnGivesNullForBadValues() throws IOException {
        Path p = file("text.csv", "a\n1\nzz\n3\n");
        Schema s = schema(field("a", DataTypes.STRING));
        FileScan scan = new FileScan(FileFormat.CSV, p.toString(), Map.of(), s);
        var cast = new dev.quarry.internal.expr.Alias(
                new dev.quarry.internal.expr.Cast(LocalFixtures.col(scan, "a"), DataTypes.LONG, true), "a");
        assertThat(collect(backend, new dev.quarry.internal.plan.Project(scan, List.of(cast))))
                .containsExactly(List.of(1L), values((Object) null), List.of(3L));
    }

    @Test
    void csv_dropMalformedSkipsBadLines() throws IOException {
        Path p = file("drop.csv", "a,b\n1,x\n2,y,extra\n3,z\n");
        Schema s = schema(field("a", DataTypes.LONG), field("b", DataTypes.STRING));
        assertThat(collect(backend, new FileScan(FileFormat.CSV, p.toString(), Map.of("mode", "DROPMALFORMED"), s)))
                .containsExactly(values(1L, "x"), values(3L, "z"));
    }

    @Test
    void csv_emptyFileGivesNoRows() throws IOException {
        Path p = file("empty.csv", "");
        assertThat(read(FileFormat.CSV, p, Map.of())).isEmpty();
    }

    @Test
    void csv_headerOnlyFileGivesNoRowsWithItsColumns() throws IOException {
        Path p = file("header.csv", "a,b\n");
        assertThat(backend.inferSchema(FileFormat.CSV, p.toString(), Map.of()).names())
                .containsExactly("a", "b");
        assertThat(read(FileFormat.CSV, p, Map.of())).isEmpty();
    }

    @Test
    void csv_givenSchemaOnEmptyFileGivesNoRows() throws IOException {
        Path p = file("empty2.csv", "");
        Schema s = schema(field("a", DataTypes.LONG), field("b", DataTypes.DATE));
        assertThat(collect(backend, new FileScan(FileFormat.CSV, p.toString(), Map.of(), s)))
                .isEmpty();
    }

    @Test
    void csv_dateFormatOptionAcceptsJavaPatterns() throws IOException {
        Path p = file("dmy.csv", "d\n05/01/2024\n");
        Map<String, String> options = Map.of("dateFormat", "dd/MM/yyyy");
        assertThat(backend.inferSchema(FileFormat.CSV, p.toString(), options)
                        .field("d")
                        .type())
                .isEqualTo(DataTypes.DATE);
        assertThat(read(FileFormat.CSV, p, options)).containsExactly(List.of(LocalDate.of(2024, 1, 5)));
    }

    @Test
    void csv_detectedDateFormatIsUsedWhenReading() throws IOException {
        Path p = file("dmy2.csv", "d,n\n25/01/2024,1\n26/01/2024,2\n");
        assertThat(read(FileFormat.CSV, p, Map.of()))
                .containsExactly(List.of(LocalDate.of(2024, 1, 25), 1L), List.of(LocalDate.of(2024, 1, 26), 2L));
    }

    @Test
    void csv_quotedFieldsMayHoldDelimitersAndNewlines() throws IOException {
        Path p = file("quoted.csv", "a,b\n\"x,1\",\"line\nbreak\"\n");
        assertThat(read(FileFormat.CSV, p, Map.of())).containsExactly(List.of("x,1", "line\nbreak"));
    }

    @Test
    void csv_unknownOptionIsRejectedWithTheKnownOnes() throws IOException {
        Path p = file("opt.csv", "a\n1\n");
        assertThatThrownBy(() -> backend.inferSchema(FileFormat.CSV, p.toString(), Map.of("seperator", ";")))
                .satisfies(t -> assertCode(t, ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("seperator")
                .hasMessageContaining("delimiter");
    }

    @Test
    void json_readsNestedObjects() throws IOException {
        Path p = file(
                "events.ndjson",
                "{\"id\": 1, \"user\": {\"name\": \"ann\"}, \"tags\": [\"a\"]}\n{\"id\": 2, \"user\": null, \"tags\": []}\n");
        Schema s = backend.inferSchema(FileFormat.JSON, p.toString(), Map.of());
        assertThat(s.names()).containsExactly("id", "user", "tags");
        List<List<Object>> rows = read(FileFormat.JSON, p, Map.of());
        assertThat(rows.get(0).get(2)).isEqualTo(List.of("a"));
        assertThat(((dev.quarry.Row) rows.get(0).get(1)).getString("name")).isEqualTo("ann");
        assertThat(rows.get(1).get(1)).isNull();
    }

    @Test
    void json_malformedLineNamesFileAndLine() throws IOException {
        Path p = file("bad.ndjson", "{\"a\": 1}\n{\"a\": 2}\n{\"a\": \n");
        assertThatThrownBy(() -> read(FileFormat.JSON, p, Map.of()))
                .satisfies(t -> assertCode(t, ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("bad.ndjson")
                .hasMessageContaining("line");
    }

    @Test
    void json_permissiveReadsMalformedLinesAsNulls() throws IOException {
        Path p = file("skip.ndjson", "{\"a\": 1}\n{\"a\" 2}\n{\"a\": 3}\n");
        Schema s = schema(field("a", DataTypes.LONG));
        assertThat(collect(backend, new FileScan(FileFormat.JSON, p.toString(), Map.of("mode", "PERMISSIVE"), s)))
                .containsExactly(List.of(1L), values((Object) null), List.of(3L));
    }

    @Test
    void json_emptyFileGivesNoRows() throws IOException {
        Path p = file("empty.ndjson", "");
        Schema s = schema(field("a", DataTypes.LONG));
        assertThat(collect(backend, new FileScan(FileFormat.JSON, p.toString(), Map.of(), s)))
                .isEmpty();
    }

    @Test
    void parquet_notAParquetFileIsMalformedInput() throws IOException {
        Path p = file("bad.parquet", "this is not parquet");
        assertThatThrownBy(() -> backend.inferSchema(FileFormat.PARQUET, p.toString(), Map.of()))
                .satisfies(t -> assertCode(t, ErrorCode.MALFORMED_INPUT))
                .hasMessageContaining("bad.parquet");
    }

    @Test
    void parquet_schemaNamingAMissingColumnIsColumnNotFound() throws IOException {
        Path p = dir.resolve("ab.parquet");
        LocalFixtures.run(
                backend,
                new dev.quarry.internal.plan.Sink(
                        LocalFixtures.rows(schema(field("a", DataTypes.LONG)), values(1L)),
                        new dev.quarry.internal.plan.Sink.FileTarget(FileFormat.PARQUET, p.toString(), Map.of()),
                        dev.quarry.SaveMode.ERROR));
        Schema wrong = schema(field("a", DataTypes.LONG), field("zz", DataTypes.STRING));
        assertThatThrownBy(() -> collect(backend, new FileScan(FileFormat.PARQUET, p.toString(), Map.of(), wrong)))
                .satisfies(t -> assertCode(t, ErrorCode.COLUMN_NOT_FOUND))
                .hasMessageContaining("'zz'");
    }

    @Test
    void parquet_missingFileNamesThePath() {
        assertThatThrownBy(() -> backend.inferSchema(
                        FileFormat.PARQUET, dir.resolve("none.parquet").toString(), Map.of()))
                .satisfies(t -> assertCode(t, ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining("none.parquet");
    }

    @Test
    void relativePaths_resolveAgainstTheWorkingDirectory() {
        assertThat(FileSources.absolute("data/x.csv"))
                .isEqualTo(Path.of("").toAbsolutePath().resolve("data/x.csv").toString());
        assertThat(FileSources.absolute("s3://bucket/x.csv")).isEqualTo("s3://bucket/x.csv");
    }
}
