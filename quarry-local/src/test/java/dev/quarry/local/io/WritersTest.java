package dev.quarry.local.io;

import static dev.quarry.local.LocalFixtures.collect;
import static dev.quarry.local.LocalFixtures.field;
import static dev.quarry.local.LocalFixtures.rows;
import static dev.quarry.local.LocalFixtures.run;
import static dev.quarry.local.LocalFixtures.schema;
import static dev.quarry.local.LocalFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.SaveMode;
import dev.quarry.internal.plan.FileFormat;
import dev.quarry.internal.plan.FileScan;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Sink;
import dev.quarry.local.LocalBackend;
import dev.quarry.local.LocalFixtures;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** COPY-based writers and every save mode. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WritersTest {
    LocalBackend backend;
    Path dir;

    final Schema ab = schema(field("a", DataTypes.LONG), field("b", DataTypes.STRING));
    final LocalRelation first = rows(ab, values(1L, "x"), values(2L, null));
    final LocalRelation second = rows(ab, values(3L, "z"));

    @BeforeAll
    void open(@TempDir Path dir) {
        this.dir = dir;
        backend = LocalFixtures.backend(dir.resolve("data"));
    }

    @AfterAll
    void close() {
        backend.close();
    }

    private ExecutionResult write(
            LogicalPlan plan, FileFormat format, Path path, SaveMode mode, Map<String, String> options) {
        return run(backend, new Sink(plan, new Sink.FileTarget(format, path.toString(), options), mode));
    }

    private List<List<Object>> readBack(FileFormat format, Path path) {
        return collect(
                backend,
                new FileScan(
                        format, path.toString(), Map.of(), backend.inferSchema(format, path.toString(), Map.of())));
    }

    private List<String> hiddenFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("."))
                    .toList();
        }
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void write_createsAFileThatReadsBack(FileFormat format) throws IOException {
        Path out = dir.resolve("new/out." + format.name().toLowerCase());
        ExecutionResult result = write(first, format, out, SaveMode.ERROR, Map.of());
        assertThat(result.rowCount()).isEqualTo(2);
        assertThat(result.rows()).isEmpty();
        assertThat(readBack(format, out)).containsExactly(values(1L, "x"), values(2L, null));
        assertThat(hiddenFiles(out.getParent())).isEmpty();
    }

    @Test
    void csv_writesHeaderAndDelimiter() throws IOException {
        Path out = dir.resolve("semi.csv");
        write(first, FileFormat.CSV, out, SaveMode.ERROR, Map.of("delimiter", ";"));
        assertThat(Files.readString(out)).isEqualTo("a;b\n1;x\n2;\n");
    }

    @Test
    void csv_headerCanBeSwitchedOff() throws IOException {
        Path out = dir.resolve("nohead.csv");
        write(first, FileFormat.CSV, out, SaveMode.ERROR, Map.of("header", "false"));
        assertThat(Files.readString(out)).isEqualTo("1,x\n2,\n");
    }

    @Test
    void error_existingPathIsRefusedAndUntouched() throws IOException {
        Path out = dir.resolve("exists.csv");
        Files.writeString(out, "precious");
        assertThatThrownBy(() -> write(first, FileFormat.CSV, out, SaveMode.ERROR, Map.of()))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PATH_ALREADY_EXISTS))
                .hasMessageContaining(out.toString())
                .hasMessageContaining("OVERWRITE");
        assertThat(Files.readString(out)).isEqualTo("precious");
        assertThat(hiddenFiles(dir)).isEmpty();
    }

    @Test
    void overwrite_replacesTheFile() {
        Path out = dir.resolve("over.parquet");
        write(first, FileFormat.PARQUET, out, SaveMode.ERROR, Map.of());
        write(second, FileFormat.PARQUET, out, SaveMode.OVERWRITE, Map.of());
        assertThat(readBack(FileFormat.PARQUET, out)).containsExactly(values(3L, "z"));
    }

    @Test
    void overwrite_failedWriteLeavesTheTargetAsItWas() throws IOException {
        Path out = dir.resolve("keep.csv");
        Files.writeString(out, "a,b\n9,old\n");
        Path missing = dir.resolve("missing.parquet");
        LogicalPlan broken = new FileScan(FileFormat.PARQUET, missing.toString(), Map.of(), ab);
        assertThatThrownBy(() -> write(broken, FileFormat.CSV, out, SaveMode.OVERWRITE, Map.of()))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
        assertThat(Files.readString(out)).isEqualTo("a,b\n9,old\n");
        assertThat(hiddenFiles(dir)).isEmpty();
    }

    @Test
    void overwrite_canReadTheFileItReplaces() {
        Path out = dir.resolve("self.parquet");
        write(first, FileFormat.PARQUET, out, SaveMode.ERROR, Map.of());
        LogicalPlan self = new FileScan(FileFormat.PARQUET, out.toString(), Map.of(), ab);
        write(new dev.quarry.internal.plan.Limit(self, 1), FileFormat.PARQUET, out, SaveMode.OVERWRITE, Map.of());
        assertThat(readBack(FileFormat.PARQUET, out)).containsExactly(values(1L, "x"));
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void append_addsRowsAfterTheExistingOnes(FileFormat format) {
        Path out = dir.resolve("append." + format.name().toLowerCase());
        write(first, format, out, SaveMode.ERROR, Map.of());
        ExecutionResult result = write(second, format, out, SaveMode.APPEND, Map.of());
        assertThat(result.rowCount()).isEqualTo(1);
        assertThat(readBack(format, out)).containsExactly(values(1L, "x"), values(2L, null), values(3L, "z"));
    }

    @Test
    void append_matchesColumnsByName() {
        Path out = dir.resolve("byname.parquet");
        write(first, FileFormat.PARQUET, out, SaveMode.ERROR, Map.of());
        LocalRelation swapped = rows(schema(field("b", DataTypes.STRING), field("a", DataTypes.LONG)), values("q", 7L));
        write(swapped, FileFormat.PARQUET, out, SaveMode.APPEND, Map.of());
        assertThat(collect(backend, new FileScan(FileFormat.PARQUET, out.toString(), Map.of(), swapped.schema())))
                .containsExactly(values("x", 1L), values(null, 2L), values("q", 7L));
    }

    @Test
    void append_toAFileWithOtherColumnsIsRefused() {
        Path out = dir.resolve("other.parquet");
        write(first, FileFormat.PARQUET, out, SaveMode.ERROR, Map.of());
        LocalRelation other = rows(schema(field("c", DataTypes.LONG)), values(1L));
        assertThatThrownBy(() -> write(other, FileFormat.PARQUET, out, SaveMode.APPEND, Map.of()))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA))
                .hasMessageContaining("[a, b]")
                .hasMessageContaining("[c]");
        assertThat(readBack(FileFormat.PARQUET, out)).hasSize(2);
    }

    @Test
    void append_toAMissingFileCreatesIt() {
        Path out = dir.resolve("fresh.csv");
        write(first, FileFormat.CSV, out, SaveMode.APPEND, Map.of());
        assertThat(readBack(FileFormat.CSV, out)).hasSize(2);
    }

    @Test
    void ignore_leavesAnExistingFileAlone() throws IOException {
        Path out = dir.resolve("ignored.csv");
        Files.writeString(out, "untouched");
        assertThat(write(first, FileFormat.CSV, out, SaveMode.IGNORE, Map.of()).rowCount())
                .isZero();
        assertThat(Files.readString(out)).isEqualTo("untouched");
    }

    @Test
    void ignore_writesWhenThePathIsFree() {
        Path out = dir.resolve("free.json");
        assertThat(write(first, FileFormat.JSON, out, SaveMode.IGNORE, Map.of()).rowCount())
                .isEqualTo(2);
    }

    @Test
    void write_toADirectoryIsRefused() throws IOException {
        Path out = Files.createDirectories(dir.resolve("adir"));
        assertThatThrownBy(() -> write(first, FileFormat.CSV, out, SaveMode.OVERWRITE, Map.of()))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("directory");
    }

    @Test
    void write_emptyResultGivesAReadableFileWithItsColumns() {
        Path out = dir.resolve("empty.parquet");
        write(new dev.quarry.internal.plan.Limit(first, 0), FileFormat.PARQUET, out, SaveMode.ERROR, Map.of());
        assertThat(backend.inferSchema(FileFormat.PARQUET, out.toString(), Map.of()))
                .isEqualTo(ab);
        assertThat(readBack(FileFormat.PARQUET, out)).isEmpty();
    }

    @Test
    void write_parquetCompressionOption() throws IOException {
        Path out = dir.resolve("zstd.parquet");
        write(first, FileFormat.PARQUET, out, SaveMode.ERROR, Map.of("compression", "zstd"));
        assertThat(readBack(FileFormat.PARQUET, out)).hasSize(2);
        assertThatThrownBy(() -> write(
                        first,
                        FileFormat.PARQUET,
                        dir.resolve("bad.parquet"),
                        SaveMode.ERROR,
                        Map.of("compression", "x'y")))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void write_unknownOptionIsRejected() {
        assertThatThrownBy(() ->
                        write(first, FileFormat.JSON, dir.resolve("x.json"), SaveMode.ERROR, Map.of("header", "true")))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("header");
    }

    @Test
    void write_pathWithQuotesIsJustAPath() {
        Path out = dir.resolve("it's \"quoted\"; DROP TABLE x.csv");
        write(first, FileFormat.CSV, out, SaveMode.ERROR, Map.of());
        assertThat(readBack(FileFormat.CSV, out)).hasSize(2);
    }
}
