package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.testkit.assertions.QuarryAssertions.array;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;

import dev.quarry.DataFrame;
import dev.quarry.ErrorCode;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where DataFrames come from: in-memory maps and records, CSV, Parquet and newline-delimited JSON
 * files (one file or a glob), catalog tables, and SQL with {@code {name}} placeholders.
 *
 * <p>The integer width of columns a backend infers from CSV or JSON text is engine-defined, so
 * those tests compare integers with {@code ignoringIntegerWidth()}; Parquet keeps exact types.
 */
public abstract class SourceConformance extends ConformanceSuite {

    /** A level, stored as its name. */
    public enum Level {
        /** Low. */
        LOW,
        /** High. */
        HIGH
    }

    /**
     * A record with an enum, an optional, a float and temporal values.
     *
     * @param level an enum, stored as a string
     * @param note an optional text, null when empty
     * @param ratio a float
     * @param day a date
     * @param at a timestamp
     */
    public record Event(Level level, Optional<String> note, float ratio, LocalDate day, LocalDateTime at) {}

    /**
     * A struct holding a timestamp.
     *
     * @param at the timestamp
     */
    public record Stamp(LocalDateTime at) {}

    /**
     * Timestamps nested in a struct and an array.
     *
     * @param stamp a struct
     * @param times an array
     */
    public record Stamped(Stamp stamp, List<LocalDateTime> times) {}

    // ------------------------------------------------------------------ maps

    @Test
    void createDataFrame_maps_infersTypesInFirstSeenKeyOrder() {
        DataFrame df = session.createDataFrame(List.of(
                map("id", 1L, "name", "a", "score", 1.5, "ok", true, "n", 7, "day", LocalDate.of(2024, 1, 2)),
                map("id", 2L, "name", "b", "score", 2.5, "ok", false, "n", 8, "day", LocalDate.of(2024, 1, 3))));

        assertThat(df)
                .hasColumns("id", "name", "score", "ok", "n", "day")
                .hasColumnType("id", DataTypes.LONG)
                .hasColumnType("name", DataTypes.STRING)
                .hasColumnType("score", DataTypes.DOUBLE)
                .hasColumnType("ok", DataTypes.BOOLEAN)
                .hasColumnType("n", DataTypes.INTEGER)
                .hasColumnType("day", DataTypes.DATE)
                .containsExactlyInAnyOrder(
                        row(1L, "a", 1.5, true, 7, LocalDate.of(2024, 1, 2)),
                        row(2L, "b", 2.5, false, 8, LocalDate.of(2024, 1, 3)));
    }

    @Test
    void createDataFrame_mapsMixingIntAndLong_widensToBigint() {
        DataFrame df = session.createDataFrame(List.of(map("n", 1), map("n", 3_000_000_000L)));

        assertThat(df).hasColumnType("n", DataTypes.LONG).containsExactlyInAnyOrder(row(1L), row(3_000_000_000L));
    }

    @Test
    void createDataFrame_mapsWithMissingKeys_fillsNulls() {
        DataFrame df = session.createDataFrame(List.of(map("id", 1L, "name", "a"), map("id", 2L, "city", "x")));

        assertThat(df)
                .hasColumns("id", "name", "city")
                .containsExactlyInAnyOrder(row(1L, "a", null), row(2L, null, "x"));
    }

    @Test
    void createDataFrame_mapsWithNullFirst_takesTheTypeOfLaterValues() {
        DataFrame df = session.createDataFrame(List.of(map("n", null), map("n", 5L)));

        assertThat(df).hasColumnType("n", DataTypes.LONG).containsExactlyInAnyOrder(row((Object) null), row(5L));
    }

    @Test
    void createDataFrame_mapsWithList_givesArray() {
        DataFrame df = session.createDataFrame(List.of(map("tags", List.of("a", "b")), map("tags", List.of())));

        assertThat(df)
                .hasColumnType("tags", DataTypes.arrayOf(DataTypes.STRING))
                .containsExactlyInAnyOrder(row(array("a", "b")), row(array()));
    }

    @Test
    void createDataFrame_mapsWithConflictingTypes_failsWithTypeMismatch() {
        assertQuarryError(
                        ErrorCode.TYPE_MISMATCH, () -> session.createDataFrame(List.of(map("x", 1L), map("x", "one"))))
                .hasMessageContaining("x");
    }

    @Test
    void createDataFrame_mapsWithKeysDifferingOnlyInCase_failsWithDuplicateColumn() {
        assertQuarryError(ErrorCode.DUPLICATE_COLUMN, () -> session.createDataFrame(List.of(map("id", 1L, "ID", 2L))));
    }

    @Test
    void createDataFrame_mapsWithSchema_usesIt() {
        Schema schema =
                Schema.of(new StructField("id", DataTypes.LONG, false), DataTypes.field("name", DataTypes.STRING));

        DataFrame df = session.createDataFrame(List.of(map("id", 1L, "name", "a")), schema);

        assertThat(df).hasSchema(schema).containsExactly(row(1L, "a"));
    }

    @Test
    void createDataFrame_emptyMapsWithSchema_givesNoRowsWithTheSchema() {
        Schema schema = Schema.of(DataTypes.field("id", DataTypes.LONG));

        assertThat(session.createDataFrame(List.<Map<String, Object>>of(), schema))
                .hasSchema(schema)
                .isEmpty();
    }

    // ------------------------------------------------------------------ records

    @Test
    void createDataFrame_records_schemaFollowsTheComponents() {
        assertThat(people())
                .hasSchema(Schema.of(
                        new StructField("id", DataTypes.LONG, false),
                        DataTypes.field("name", DataTypes.STRING),
                        DataTypes.field("age", DataTypes.INTEGER),
                        DataTypes.field("city", DataTypes.STRING)));
    }

    @Test
    void createDataFrame_records_rowsRoundTripWithNulls() {
        assertThat(people())
                .containsExactlyInAnyOrder(
                        row(1L, "Ada", 36, "London"),
                        row(2L, "Grace", null, "New York"),
                        row(3L, "Linus", 28, null),
                        row(4L, "Edsger", 72, "Rotterdam"));
    }

    @Test
    void createDataFrame_emptyRecordList_givesNoRowsWithTheRecordSchema() {
        assertThat(noPeople()).hasColumns("id", "name", "age", "city").isEmpty();
    }

    @Test
    void createDataFrame_recordWithEnumOptionalAndTemporalValues_roundTrips() {
        DataFrame df = session.createDataFrame(
                List.of(
                        new Event(
                                Level.HIGH,
                                Optional.of("x"),
                                1.5f,
                                LocalDate.of(2024, 2, 29),
                                LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000)),
                        new Event(
                                Level.LOW,
                                Optional.empty(),
                                -0.25f,
                                LocalDate.of(1999, 12, 31),
                                LocalDateTime.of(1999, 12, 31, 23, 59, 59))),
                Event.class);

        assertThat(df)
                .hasSchema(Schema.of(
                        DataTypes.field("level", DataTypes.STRING),
                        DataTypes.field("note", DataTypes.STRING),
                        new StructField("ratio", DataTypes.FLOAT, false),
                        DataTypes.field("day", DataTypes.DATE),
                        DataTypes.field("at", DataTypes.TIMESTAMP)))
                .containsExactlyInAnyOrder(
                        row(
                                "HIGH",
                                "x",
                                1.5f,
                                LocalDate.of(2024, 2, 29),
                                LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000)),
                        row(
                                "LOW",
                                null,
                                -0.25f,
                                LocalDate.of(1999, 12, 31),
                                LocalDateTime.of(1999, 12, 31, 23, 59, 59)));
    }

    @Test
    void createDataFrame_timestampsInsideStructsAndArrays_roundTrip() {
        LocalDateTime t = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 10_000);
        DataFrame df =
                session.createDataFrame(List.of(new Stamped(new Stamp(t), List.of(t, t.plusDays(1)))), Stamped.class);

        assertThat(df).containsExactly(row(row(t), array(t, t.plusDays(1))));
    }

    // ------------------------------------------------------------------ CSV

    @Test
    void csv_withHeader_readsColumnsAndRows() {
        String path = writeText("people.csv", "id,name,city", "1,Ada,London", "2,Grace,");

        assertThat(session.read().csv(path))
                .hasColumns("id", "name", "city")
                .ignoringIntegerWidth()
                .containsExactlyInAnyOrder(row(1L, "Ada", "London"), row(2L, "Grace", null));
    }

    @Test
    void csv_quotedFieldWithDelimiter_isOneValue() {
        String path = writeText("quoted.csv", "id,text", "1,\"a, b\"", "2,\"say \"\"hi\"\"\"");

        assertThat(session.read().csv(path).select("text")).containsExactlyInAnyOrder(row("a, b"), row("say \"hi\""));
    }

    @Test
    void csv_glob_readsEveryMatchingFile() {
        writeText("part-1.csv", "id,name", "1,a");
        writeText("part-2.csv", "id,name", "2,b", "3,c");
        writeText("other.csv", "id,name", "9,z");

        assertThat(session.read().csv(file("part-*.csv").toString()))
                .ignoringIntegerWidth()
                .containsExactlyInAnyOrder(row(1L, "a"), row(2L, "b"), row(3L, "c"));
    }

    @Test
    void csv_headerOnly_givesNoRowsWithTheColumns() {
        String path = writeText("empty.csv", "id,name");

        assertThat(session.read().csv(path)).hasColumns("id", "name").isEmpty();
    }

    @Test
    void csv_withSchema_usesItsTypes() {
        String path = writeText("typed.csv", "id,name", "1,a");
        Schema schema = Schema.of(DataTypes.field("id", DataTypes.LONG), DataTypes.field("name", DataTypes.STRING));

        assertThat(session.read().schema(schema).csv(path)).hasSchema(schema).containsExactly(row(1L, "a"));
    }

    @Test
    void csv_lineWithTooManyFields_failsNamingFileAndLine() {
        String path = writeText("ragged.csv", "id,name", "1,a", "2,b,extra", "3,c");

        assertQuarryError(
                        ErrorCode.MALFORMED_INPUT,
                        () -> session.read().csv(path).collectAsList())
                .hasMessageContaining("ragged.csv")
                .hasMessageContaining("line 3");
    }

    @Test
    void csv_valueNotOfTheSchemaType_failsNamingFileAndLine() {
        String path = writeText("typed.csv", "id,name", "1,a", "x,b");
        Schema schema = Schema.of(DataTypes.field("id", DataTypes.LONG), DataTypes.field("name", DataTypes.STRING));

        assertQuarryError(
                        ErrorCode.MALFORMED_INPUT,
                        () -> session.read().schema(schema).csv(path).collectAsList())
                .hasMessageContaining("typed.csv")
                .hasMessageContaining("line 3");
    }

    @Test
    void csv_permissiveMode_nullsBadFields() {
        String path = writeText("typed.csv", "id,name", "1,a", "x,b");
        Schema schema = Schema.of(DataTypes.field("id", DataTypes.LONG), DataTypes.field("name", DataTypes.STRING));

        assertThat(session.read().schema(schema).option("mode", "PERMISSIVE").csv(path))
                .containsExactlyInAnyOrder(row(1L, "a"), row(null, "b"));
    }

    @Test
    void csv_missingFile_failsNamingThePath() {
        String path = file("missing.csv").toString();

        assertQuarryError(ErrorCode.FILE_NOT_FOUND, () -> session.read().csv(path))
                .hasMessageContaining(path);
    }

    // ------------------------------------------------------------------ JSON

    @Test
    void json_newlineDelimited_readsColumnsAndRows() {
        String path = writeText("people.ndjson", "{\"id\": 1, \"name\": \"Ada\"}", "{\"id\": 2, \"name\": null}");

        assertThat(session.read().json(path))
                .hasColumns("id", "name")
                .ignoringIntegerWidth()
                .containsExactlyInAnyOrder(row(1L, "Ada"), row(2L, null));
    }

    @Test
    void json_glob_readsEveryMatchingFile() {
        writeText("a-1.json", "{\"id\": 1}");
        writeText("a-2.json", "{\"id\": 2}", "{\"id\": 3}");

        assertThat(session.read().json(file("a-*.json").toString()))
                .ignoringIntegerWidth()
                .containsExactlyInAnyOrder(row(1L), row(2L), row(3L));
    }

    @Test
    void json_missingFile_failsNamingThePath() {
        String path = file("missing.ndjson").toString();

        assertQuarryError(ErrorCode.FILE_NOT_FOUND, () -> session.read().json(path))
                .hasMessageContaining(path);
    }

    // ------------------------------------------------------------------ Parquet

    @Test
    void parquet_writtenThenRead_keepsExactTypesAndNulls() {
        String path = file("people.parquet").toString();
        people().write().parquet(path);

        assertThat(session.read().parquet(path))
                .hasColumnType("id", DataTypes.LONG)
                .hasColumnType("age", DataTypes.INTEGER)
                .containsExactlyInAnyOrder(
                        row(1L, "Ada", 36, "London"),
                        row(2L, "Grace", null, "New York"),
                        row(3L, "Linus", 28, null),
                        row(4L, "Edsger", 72, "Rotterdam"));
    }

    @Test
    void parquet_nestedTypes_roundTrip() {
        String path = file("tickets.parquet").toString();
        tickets().write().parquet(path);

        assertThat(session.read().parquet(path).filter(col("id").equalTo(4L)))
                .containsExactly(row(4L, row("router", 1), array("dns", null)));
    }

    @Test
    void parquet_glob_readsEveryMatchingFile() {
        people().filter(col("id").leq(2L)).write().parquet(file("p-1.parquet").toString());
        people().filter(col("id").gt(2L)).write().parquet(file("p-2.parquet").toString());

        assertThat(session.read().parquet(file("p-*.parquet").toString()).select("id"))
                .containsExactlyInAnyOrder(row(1L), row(2L), row(3L), row(4L));
    }

    @Test
    void parquet_missingFile_failsNamingThePath() {
        String path = file("missing.parquet").toString();

        assertQuarryError(ErrorCode.FILE_NOT_FOUND, () -> session.read().parquet(path))
                .hasMessageContaining(path);
    }

    // ------------------------------------------------------------------ catalog and SQL

    @Test
    void table_savedTable_readsItsRows() {
        people().write().saveAsTable("people");

        assertThat(session.table("people").select("name"))
                .containsExactlyInAnyOrder(row("Ada"), row("Grace"), row("Linus"), row("Edsger"));
    }

    @Test
    void table_nameInOtherCase_findsTheTable() {
        people().write().saveAsTable("People");

        assertThat(session.table("PEOPLE")).hasRowCount(4);
    }

    @Test
    void table_unknownName_failsWithTableNotFound() {
        assertQuarryError(ErrorCode.TABLE_NOT_FOUND, () -> session.table("nope"))
                .hasMessageContaining("nope");
    }

    @Test
    void sql_withPlaceholder_readsTheFrame() {
        DataFrame df = session.sql("SELECT name FROM {people} WHERE age > 30", Map.of("people", people()));

        assertThat(df).hasColumns("name").containsExactlyInAnyOrder(row("Ada"), row("Edsger"));
    }

    @Test
    void sql_twoPlaceholders_joinsTheFrames() {
        DataFrame df = session.sql(
                "SELECT p.name, o.orderId FROM {people} p JOIN {orders} o ON p.id = o.customerId",
                Map.of("people", people(), "orders", orders()));

        assertThat(df).containsExactlyInAnyOrder(row("Ada", 10L), row("Ada", 11L), row("Linus", 12L));
    }

    @Test
    void sql_result_canBeTransformedFurther() {
        DataFrame df = session.sql("SELECT id, name FROM {people}", Map.of("people", people()));

        assertThat(df.filter(col("id").equalTo(2L)).select("name")).containsExactly(row("Grace"));
    }

    @Test
    void sql_catalogTable_isReadableByName() {
        people().write().saveAsTable("people_t");

        assertThat(session.sql("SELECT count(*) AS n FROM people_t")).containsExactly(row(4L));
    }

    @Test
    void sql_placeholderWithoutFrame_failsWithInvalidArgument() {
        assertQuarryError(
                        ErrorCode.INVALID_ARGUMENT,
                        () -> session.sql("SELECT * FROM {peple}", Map.of("people", people())))
                .hasMessageContaining("peple");
    }

    @Test
    void sql_invalidQuery_failsWithSqlError() {
        assertQuarryError(ErrorCode.SQL_ERROR, () -> session.sql("SELEC 1", Map.of()));
    }
}
