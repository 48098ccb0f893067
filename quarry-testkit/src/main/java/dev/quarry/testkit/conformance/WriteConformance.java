package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.DataFrame;
import dev.quarry.DataFrameWriter;
import dev.quarry.ErrorCode;
import dev.quarry.QueryMetrics;
import dev.quarry.SaveMode;
import dev.quarry.Session;
import dev.quarry.testkit.assertions.DataFrameAssert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writers for Parquet, CSV and newline-delimited JSON, with every save mode, checked by reading
 * the file back. Each writer produces one file at the given path; ERROR (the default) and IGNORE
 * leave an existing file byte for byte as it was.
 */
public abstract class WriteConformance extends ConformanceSuite {

    /** The file formats, each with its writer and reader call. */
    protected enum Format {
        PARQUET {
            @Override
            QueryMetrics write(DataFrameWriter writer, String path) {
                return writer.parquet(path);
            }

            @Override
            DataFrame read(Session session, String path) {
                return session.read().parquet(path);
            }
        },
        CSV {
            @Override
            QueryMetrics write(DataFrameWriter writer, String path) {
                return writer.csv(path);
            }

            @Override
            DataFrame read(Session session, String path) {
                return session.read().csv(path);
            }
        },
        JSON {
            @Override
            QueryMetrics write(DataFrameWriter writer, String path) {
                return writer.json(path);
            }

            @Override
            DataFrame read(Session session, String path) {
                return session.read().json(path);
            }
        };

        abstract QueryMetrics write(DataFrameWriter writer, String path);

        abstract DataFrame read(Session session, String path);
    }

    private String path(Format format) {
        return file("out." + format.name().toLowerCase(java.util.Locale.ROOT)).toString();
    }

    private DataFrame person(long id) {
        return people().filter(col("id").equalTo(id)).select("id", "name");
    }

    /** Reads a written file back; integer widths of text formats are engine-defined. */
    private DataFrameAssert assertReadBack(Format format, String path) {
        return assertReadBack(format, format.read(session, path).select("id", "name"));
    }

    private static DataFrameAssert assertReadBack(Format format, DataFrame readBack) {
        DataFrameAssert a = assertThat(readBack);
        return format == Format.PARQUET ? a : a.ignoringIntegerWidth();
    }

    private static byte[] bytes(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_newPath_writesEveryRowAndNull(Format format) {
        String path = path(format);

        format.write(people().write(), path);

        assertReadBack(
                        format,
                        format.read(session, path)
                                .select("id", "name", "city")
                                .filter(col("id").geq(3L)))
                .containsExactlyInAnyOrder(row(3L, "Linus", null), row(4L, "Edsger", "Rotterdam"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_newPath_reportsTheRowsWritten(Format format) {
        QueryMetrics metrics = format.write(people().write(), path(format));

        assertThat(metrics.outputRows()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_existingPathInDefaultMode_failsAndLeavesTheFile(Format format) {
        String path = path(format);
        format.write(person(1).write(), path);
        byte[] before = bytes(path);

        assertQuarryError(
                        ErrorCode.PATH_ALREADY_EXISTS,
                        () -> format.write(person(2).write(), path))
                .hasMessageContaining(Path.of(path).getFileName().toString());
        assertThat(bytes(path)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_existingPathInErrorMode_failsAndLeavesTheFile(Format format) {
        String path = path(format);
        format.write(person(1).write(), path);
        byte[] before = bytes(path);

        assertQuarryError(
                ErrorCode.PATH_ALREADY_EXISTS,
                () -> format.write(person(2).write().mode(SaveMode.ERROR), path));
        assertThat(bytes(path)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_existingPathInOverwriteMode_replacesTheRows(Format format) {
        String path = path(format);
        format.write(person(1).write(), path);

        format.write(person(2).write().mode(SaveMode.OVERWRITE), path);

        assertReadBack(format, path).containsExactly(row(2L, "Grace"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_existingPathInAppendMode_keepsOldRowsAndAddsNewOnes(Format format) {
        String path = path(format);
        format.write(person(1).write(), path);

        format.write(person(2).write().mode(SaveMode.APPEND), path);

        assertReadBack(format, path).containsExactlyInAnyOrder(row(1L, "Ada"), row(2L, "Grace"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_newPathInAppendMode_writesTheRows(Format format) {
        String path = path(format);

        format.write(person(2).write().mode(SaveMode.APPEND), path);

        assertReadBack(format, path).containsExactly(row(2L, "Grace"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_existingPathInIgnoreMode_succeedsAndLeavesTheFile(Format format) {
        String path = path(format);
        format.write(person(1).write(), path);
        byte[] before = bytes(path);

        format.write(person(2).write().mode(SaveMode.IGNORE), path);

        assertThat(bytes(path)).isEqualTo(before);
        assertReadBack(format, path).containsExactly(row(1L, "Ada"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_newPathInIgnoreMode_writesTheRows(Format format) {
        String path = path(format);

        format.write(person(2).write().mode(SaveMode.IGNORE), path);

        assertReadBack(format, path).containsExactly(row(2L, "Grace"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void write_pathInMissingDirectory_createsTheDirectory(Format format) {
        String path = file("new/sub/dir/out").toString() + "." + format.name().toLowerCase(java.util.Locale.ROOT);

        format.write(person(1).write(), path);

        assertReadBack(format, path).containsExactly(row(1L, "Ada"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Format.class,
            names = {"PARQUET", "CSV"})
    void write_emptyFrame_writesAFileWithTheColumnsAndNoRows(Format format) {
        String path = path(format);

        format.write(people().filter(col("id").lt(0L)).write(), path);

        assertThat(format.read(session, path))
                .hasColumns("id", "name", "age", "city")
                .isEmpty();
    }
}
