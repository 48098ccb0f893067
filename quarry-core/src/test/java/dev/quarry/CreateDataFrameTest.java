package dev.quarry;

import static dev.quarry.testing.Maps.row;
import static dev.quarry.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.testing.FakeBackend;
import dev.quarry.testing.TestSessions;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateDataFrameTest {
    @TempDir
    Path dir;

    private Session session;

    @BeforeEach
    void setUp() {
        session = TestSessions.session(new FakeBackend(), dir);
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    enum Priority {
        LOW,
        HIGH
    }

    record Address(String city, int zip) {}

    record Customer(
            String name,
            int age,
            Long points,
            boolean active,
            Address address,
            List<String> tags,
            Priority priority,
            Optional<Double> score,
            LocalDate since) {}

    private static List<List<Object>> rows(DataFrame df) {
        return ((LocalRelation) df.logicalPlan()).rows();
    }

    // ------------------------------------------------------------------ maps

    @Test
    void fromMaps_columnsInFirstSeenOrderAndTypesInferred() {
        DataFrame df = session.createDataFrame(List.of(row("id", 1, "name", "ada", "score", 2.5, "ok", true)));
        assertThat(df.schema())
                .isEqualTo(Schema.of(
                        field("id", INTEGER), field("name", STRING), field("score", DOUBLE), field("ok", BOOLEAN)));
    }

    @Test
    void fromMaps_intAndLongInOneColumn_widenToBigint() {
        DataFrame df = session.createDataFrame(List.of(row("n", 1), row("n", 2L)));
        assertThat(df.schema().field("n").type()).isEqualTo(LONG);
        assertThat(rows(df)).containsExactly(List.of(1L), List.of(2L));
    }

    @Test
    void fromMaps_allNullColumn_isString() {
        DataFrame df = session.createDataFrame(List.of(row("a", 1, "b", null), row("a", 2, "b", null)));
        assertThat(df.schema().field("b").type()).isEqualTo(STRING);
    }

    @Test
    void fromMaps_keyMissingInARow_isNullThere() {
        DataFrame df = session.createDataFrame(List.of(row("a", 1), row("a", 2, "b", "x")));
        assertThat(df.columns()).containsExactly("a", "b");
        List<Object> first = rows(df).get(0);
        assertThat(first.get(1)).isNull();
    }

    @Test
    void fromMaps_conflictingTypes_namesColumnAndBothTypes() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> session.createDataFrame(List.of(row("a", 1), row("a", "x"))));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("Column 'a'").contains("int and string");
    }

    @Test
    void fromMaps_nestedMapsAndLists_becomeStructsAndArrays() {
        DataFrame df = session.createDataFrame(
                List.of(row("info", row("city", "Paris", "zip", 75001), "tags", List.of("a", "b"))));
        assertThat(df.schema().field("info").type()).isEqualTo(structOf(field("city", STRING), field("zip", INTEGER)));
        assertThat(df.schema().field("tags").type()).isEqualTo(arrayOf(STRING));
        Row info = (Row) rows(df).get(0).get(0);
        assertThat(info.getString("city")).isEqualTo("Paris");
    }

    @Test
    void fromMaps_instant_becomesUtcTimestamp() {
        DataFrame df = session.createDataFrame(List.of(row("t", Instant.parse("2024-05-01T10:00:00Z"))));
        assertThat(df.schema().field("t").type()).isEqualTo(TIMESTAMP);
        assertThat(rows(df).get(0).get(0)).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 0));
    }

    @Test
    void fromMaps_namesDifferingOnlyInCase_areRefused() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> session.createDataFrame(List.of(row("a", 1), row("A", 2))));
        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_COLUMN);
    }

    @Test
    void fromMaps_emptyList_asksForASchema() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> session.createDataFrame(new ArrayList<Map<String, Object>>()));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("Schema").contains("record type");
    }

    @Test
    void fromMapsWithSchema_valuesConvertedToColumnTypes() {
        Schema schema = Schema.of(field("id", LONG), field("score", DOUBLE));
        DataFrame df = session.createDataFrame(List.of(row("id", 1, "score", 3)), schema);
        assertThat(df.schema()).isEqualTo(schema);
        assertThat(rows(df).get(0)).containsExactly(1L, 3.0);
    }

    @Test
    void fromMapsWithSchema_valueOfWrongType_namesRowAndColumn() {
        Schema schema = Schema.of(field("id", LONG));
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> session.createDataFrame(List.of(row("id", 1L), row("id", "x")), schema));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("row 1, column 'id'").contains("bigint");
    }

    @Test
    void fromMapsWithSchema_unknownKey_isColumnNotFound() {
        Schema schema = Schema.of(field("id", LONG));
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> session.createDataFrame(List.of(row("idd", 1L)), schema));
        assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(e.getMessage()).contains("Did you mean 'id'?");
    }

    @Test
    void fromMapsWithSchema_emptyList_givesZeroRows() {
        Schema schema = Schema.of(field("id", LONG));
        DataFrame df = session.createDataFrame(new ArrayList<Map<String, Object>>(), schema);
        assertThat(df.schema()).isEqualTo(schema);
        assertThat(rows(df)).isEmpty();
    }

    // ------------------------------------------------------------------ records

    @Test
    void fromRecords_schemaFollowsTheComponents() {
        DataFrame df = session.createDataFrame(List.<Customer>of(), Customer.class);
        assertThat(df.schema().fields())
                .containsExactly(
                        new StructField("name", STRING, true),
                        new StructField("age", INTEGER, false),
                        new StructField("points", LONG, true),
                        new StructField("active", BOOLEAN, false),
                        new StructField(
                                "address",
                                structOf(new StructField("city", STRING, true), new StructField("zip", INTEGER, false)),
                                true),
                        new StructField("tags", arrayOf(STRING), true),
                        new StructField("priority", STRING, true),
                        new StructField("score", DOUBLE, true),
                        new StructField("since", DATE, true));
        assertThat(rows(df)).isEmpty();
    }

    @Test
    void fromRecords_valuesConverted() {
        Customer c = new Customer(
                "ada",
                36,
                null,
                true,
                new Address("London", 1),
                List.of("vip"),
                Priority.HIGH,
                Optional.empty(),
                LocalDate.of(2020, 1, 2));
        DataFrame df = session.createDataFrame(List.of(c), Customer.class);
        List<Object> values = rows(df).get(0);
        assertThat(values.get(0)).isEqualTo("ada");
        assertThat(values.get(1)).isEqualTo(36);
        assertThat(values.get(2)).isNull();
        assertThat(((Row) values.get(4)).getString("city")).isEqualTo("London");
        assertThat(values.get(5)).isEqualTo(List.of("vip"));
        assertThat(values.get(6)).isEqualTo("HIGH");
        assertThat(values.get(7)).isNull();
        assertThat(values.get(8)).isEqualTo(LocalDate.of(2020, 1, 2));
    }

    record WithMap(Map<String, String> attributes) {}

    @Test
    void fromRecords_unsupportedComponentType_namesTheComponent() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> session.createDataFrame(List.<WithMap>of(), WithMap.class));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("WithMap.attributes").contains("java.util.Map");
    }

    record Nested(Address home, List<Address> previous) {}

    @Test
    void fromRecords_listOfRecords_isArrayOfStructs() {
        DataFrame df = session.createDataFrame(
                List.of(new Nested(new Address("A", 1), List.of(new Address("B", 2)))), Nested.class);
        assertThat(df.schema().field("previous").type())
                .isEqualTo(arrayOf(
                        structOf(new StructField("city", STRING, true), new StructField("zip", INTEGER, false))));
        @SuppressWarnings("unchecked")
        List<Row> previous = (List<Row>) rows(df).get(0).get(1);
        assertThat(previous.get(0).getString("city")).isEqualTo("B");
    }
}
