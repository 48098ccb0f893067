package dev.quarry.testkit.assertions;

import static dev.quarry.testkit.assertions.QuarryAssertions.array;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThatRows;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.Row;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class DataFrameAssertTest {
    private static final Schema ID_NAME =
            Schema.of(new StructField("id", DataTypes.LONG, false), DataTypes.field("name", DataTypes.STRING));

    private static final Schema NESTED = Schema.of(
            DataTypes.field("id", DataTypes.LONG),
            DataTypes.field(
                    "info",
                    DataTypes.structOf(
                            DataTypes.field("product", DataTypes.STRING),
                            DataTypes.field("codes", DataTypes.arrayOf(DataTypes.STRING)))),
            DataTypes.field("embedding", DataTypes.embedding(2, "mini")));

    private static List<Row> idName(Object... pairs) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            rows.add(Row.of(ID_NAME, pairs[i], pairs[i + 1]));
        }
        return rows;
    }

    private static Row nested(long id, String product, List<String> codes, float[] embedding) {
        Schema info = ((dev.quarry.types.StructType) NESTED.field("info").type()).toSchema();
        return Row.of(NESTED, id, Row.of(info, product, codes), embedding);
    }

    @Test
    void containsExactlyInAnyOrder_sameRowsInOtherOrder_passes() {
        assertThatCode(() -> assertThatRows(ID_NAME, idName(2L, null, 1L, "a"))
                        .containsExactlyInAnyOrder(row(1L, "a"), row(2L, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void containsExactlyInAnyOrder_missingRow_failsShowingExpectedActualAndMissing() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(1L, "a", 3L, "c"))
                        .containsExactlyInAnyOrder(row(1L, "a"), row(2L, "b")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting exactly these 2 rows, in any order:")
                .hasMessageContaining("| id | name |")
                .hasMessageContaining("| 2L | \"b\"  |")
                .hasMessageContaining("missing (1):")
                .hasMessageContaining("unexpected (1):")
                .hasMessageContaining("| 3L | \"c\"  |");
    }

    @Test
    void containsExactlyInAnyOrder_duplicateCountDiffers_fails() {
        assertThatThrownBy(
                        () -> assertThatRows(ID_NAME, idName(1L, "a", 1L, "a")).containsExactlyInAnyOrder(row(1L, "a")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but found 2 rows")
                .hasMessageContaining("unexpected (1):");
    }

    @Test
    void containsExactlyInAnyOrder_nullExpectedButValueFound_fails() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(1L, "a")).containsExactlyInAnyOrder(row(1L, null)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("| 1L | null |");
    }

    @Test
    void containsExactlyInAnyOrder_stringsDifferInCase_fails() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(1L, "Ada")).containsExactlyInAnyOrder(row(1L, "ada")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void containsExactlyInAnyOrder_integerWhereLongReturned_failsWithTypeHint() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(1L, "a")).containsExactlyInAnyOrder(row(1, "a")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("column 'id': expected Integer 1 but was Long 1L");
    }

    @Test
    void ignoringIntegerWidth_integerWhereLongReturned_passes() {
        assertThatCode(() -> assertThatRows(ID_NAME, idName(1L, "a"))
                        .ignoringIntegerWidth()
                        .containsExactlyInAnyOrder(row(1, "a")))
                .doesNotThrowAnyException();
    }

    @Test
    void ignoringIntegerWidth_differentNumber_stillFails() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(1L, "a"))
                        .ignoringIntegerWidth()
                        .containsExactlyInAnyOrder(row(2, "a")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void containsExactlyInAnyOrder_failure_carriesSortedExpectedAndActualForDiffViews() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(2L, "b", 1L, "a"))
                        .containsExactlyInAnyOrder(row(2L, "b"), row(1L, "x")))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
                    assertThat(e.getExpected().getStringRepresentation()).isEqualTo("1L, \"x\"\n2L, \"b\"");
                    assertThat(e.getActual().getStringRepresentation()).isEqualTo("1L, \"a\"\n2L, \"b\"");
                });
    }

    @Test
    void containsExactly_sameOrder_passes() {
        assertThatCode(() ->
                        assertThatRows(ID_NAME, idName(1L, "a", 2L, "b")).containsExactly(row(1L, "a"), row(2L, "b")))
                .doesNotThrowAnyException();
    }

    @Test
    void containsExactly_otherOrder_failsSayingTheRowsAreAllThere() {
        assertThatThrownBy(() ->
                        assertThatRows(ID_NAME, idName(2L, "b", 1L, "a")).containsExactly(row(1L, "a"), row(2L, "b")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("first difference at row 1")
                .hasMessageContaining("the same rows are all there, in a different order")
                .hasMessageContaining("> | 2L | \"b\"  |");
    }

    @Test
    void containsExactly_differentValue_namesTheColumn() {
        assertThatThrownBy(() ->
                        assertThatRows(ID_NAME, idName(1L, "a", 2L, "b")).containsExactly(row(1L, "a"), row(2L, "c")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "first difference at row 2: column 'name' expected String \"c\" but was String \"b\"");
    }

    @Test
    void containsExactly_nullWhereValueExpected_saysNull() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(1L, null)).containsExactly(row(1L, "a")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("column 'name' expected String \"a\" but was null\n");
    }

    @Test
    void containsExactly_extraActualRow_fails() {
        assertThatThrownBy(
                        () -> assertThatRows(ID_NAME, idName(1L, "a", 2L, "b")).containsExactly(row(1L, "a")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("first difference at row 2: unexpected extra row (2L, \"b\")");
    }

    @Test
    void containsExactly_missingActualRow_fails() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(1L, "a")).containsExactly(row(1L, "a"), row(2L, "b")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but there are only 1 row");
    }

    @Test
    void containsExactly_expectedRowWithWrongArity_failsNamingTheColumns() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(1L, "a")).containsExactly(row(1L)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("has 1 values but the DataFrame has 2 columns: [id, name]");
    }

    @Test
    void contains_subsetPresent_passes() {
        assertThatCode(() -> assertThatRows(ID_NAME, idName(1L, "a", 2L, "b")).contains(row(2L, "b")))
                .doesNotThrowAnyException();
    }

    @Test
    void contains_rowAbsent_failsListingIt() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(1L, "a")).contains(row(2L, "b")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("missing (1):")
                .hasMessageContaining("| 2L | \"b\"  |");
    }

    @Test
    void nestedValues_equalStructListAndEmbedding_pass() {
        List<Row> rows = List.of(nested(1L, "router", Arrays.asList("E1", null), new float[] {0.5f, 1f}));
        assertThatCode(() -> assertThatRows(NESTED, rows)
                        .containsExactly(row(1L, row("router", array("E1", null)), new float[] {0.5f, 1f})))
                .doesNotThrowAnyException();
    }

    @Test
    void nestedValues_differentStructField_fails() {
        List<Row> rows = List.of(nested(1L, "router", List.of("E1"), new float[] {0.5f, 1f}));
        assertThatThrownBy(() -> assertThatRows(NESTED, rows)
                        .containsExactly(row(1L, row("modem", array("E1")), new float[] {0.5f, 1f})))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("column 'info' expected struct row(\"modem\", [\"E1\"]) but was struct "
                        + "row(\"router\", [\"E1\"])");
    }

    @Test
    void nestedValues_differentListElement_fails() {
        List<Row> rows = List.of(nested(1L, "router", List.of("E1", "E2"), new float[] {0.5f, 1f}));
        assertThatThrownBy(() -> assertThatRows(NESTED, rows)
                        .containsExactly(row(1L, row("router", array("E1")), new float[] {0.5f, 1f})))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void nestedValues_differentEmbedding_failsShowingTheVectors() {
        List<Row> rows = List.of(nested(1L, "router", List.of(), new float[] {0.5f, 1f}));
        assertThatThrownBy(() -> assertThatRows(NESTED, rows)
                        .containsExactly(row(1L, row("router", array()), new float[] {0.5f, 2f})))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("float[]{0.5f, 2.0f}")
                .hasMessageContaining("float[]{0.5f, 1.0f}");
    }

    @Test
    void doubles_tinyDifferenceWithoutTolerance_fails() {
        Schema s = Schema.of(DataTypes.field("x", DataTypes.DOUBLE));
        assertThatThrownBy(() ->
                        assertThatRows(s, List.of(Row.of(s, 0.1 + 0.2))).containsExactly(row(0.3)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void usingTolerance_doublesWithinEpsilon_pass() {
        Schema s = Schema.of(DataTypes.field("x", DataTypes.DOUBLE));
        assertThatCode(() -> assertThatRows(s, List.of(Row.of(s, 0.1 + 0.2)))
                        .usingTolerance(1e-12)
                        .containsExactly(row(0.3)))
                .doesNotThrowAnyException();
    }

    @Test
    void usingTolerance_doublesBeyondEpsilon_fail() {
        Schema s = Schema.of(DataTypes.field("x", DataTypes.DOUBLE));
        assertThatThrownBy(() -> assertThatRows(s, List.of(Row.of(s, 0.31)))
                        .usingTolerance(1e-3)
                        .containsExactly(row(0.3)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void usingTolerance_negativeEpsilon_isRejected() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, List.of()).usingTolerance(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1.0");
    }

    @Test
    void containsExactly_floatWhereDoubleReturned_failsWithTypeHint() {
        Schema s = Schema.of(DataTypes.field("x", DataTypes.DOUBLE));
        assertThatThrownBy(() -> assertThatRows(s, List.of(Row.of(s, 1.5))).containsExactly(row(1.5f)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("column 'x': expected Float 1.5f but was Double 1.5");
    }

    @Test
    void containsExactly_dates_compareByValue() {
        Schema s = Schema.of(DataTypes.field("d", DataTypes.DATE));
        assertThatCode(() -> assertThatRows(s, List.of(Row.of(s, LocalDate.of(2024, 2, 29))))
                        .containsExactly(row(LocalDate.of(2024, 2, 29))))
                .doesNotThrowAnyException();
    }

    @Test
    void hasColumns_sameNames_passes() {
        assertThatCode(() -> assertThatRows(ID_NAME, List.of()).hasColumns("id", "name"))
                .doesNotThrowAnyException();
    }

    @Test
    void hasColumns_otherOrder_failsListingBoth() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, List.of()).hasColumns("name", "id"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting columns [name, id] but found [id, name]");
    }

    @Test
    void hasColumns_otherCase_fails() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, List.of()).hasColumns("ID", "name"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void hasSchema_sameFields_passes() {
        Schema same = Schema.of(
                new StructField("id", DataTypes.LONG, false), new StructField("name", DataTypes.STRING, true));
        assertThatCode(() -> assertThatRows(ID_NAME, List.of()).hasSchema(same)).doesNotThrowAnyException();
    }

    @Test
    void hasSchema_otherNullability_failsShowingBothTrees() {
        Schema nullableId = Schema.of(DataTypes.field("id", DataTypes.LONG), DataTypes.field("name", DataTypes.STRING));
        assertThatThrownBy(() -> assertThatRows(ID_NAME, List.of()).hasSchema(nullableId))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(" |-- id: bigint\n")
                .hasMessageContaining(" |-- id: bigint not null\n");
    }

    @Test
    void hasColumnType_otherType_failsNamingBoth() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, List.of()).hasColumnType("id", DataTypes.INTEGER))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting column 'id' to be of type int but it is bigint");
    }

    @Test
    void hasColumnType_unknownColumn_fails() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, List.of()).hasColumnType("nmae", DataTypes.STRING))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no such column");
    }

    @Test
    void isEmpty_noRows_passes() {
        assertThatCode(() -> assertThatRows(ID_NAME, List.of()).isEmpty()).doesNotThrowAnyException();
    }

    @Test
    void isEmpty_withRows_failsShowingThem() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(7L, "x")).isEmpty())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting no rows but found 1 row")
                .hasMessageContaining("| 7L | \"x\"  |");
    }

    @Test
    void isNotEmpty_noRows_fails() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, List.of()).isNotEmpty())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("at least one row");
    }

    @Test
    void hasRowCount_otherCount_fails() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(1L, "a")).hasRowCount(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting 2 rows but found 1");
    }

    @Test
    void as_description_prefixesTheMessage() {
        assertThatThrownBy(
                        () -> assertThatRows(ID_NAME, List.of()).as("left join").hasRowCount(1))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[left join] Expecting 1 row");
    }

    @Test
    void rows_whoseNamesDifferFromTheSchema_fail() {
        Schema other = Schema.of(DataTypes.field("key", DataTypes.LONG), DataTypes.field("name", DataTypes.STRING));
        assertThatThrownBy(() ->
                        assertThatRows(ID_NAME, List.of(Row.of(other, 1L, "a"))).hasRowCount(1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Row 1 has columns [key, name] but the DataFrame's schema has [id, name]");
    }

    @Test
    void rows_collectedOnceForSeveralAssertions() {
        AtomicInteger runs = new AtomicInteger();
        DataFrameAssert a = new DataFrameAssert(() -> ID_NAME, () -> {
            runs.incrementAndGet();
            return idName(1L, "a");
        });

        a.hasRowCount(1).containsExactly(row(1L, "a")).isNotEmpty();

        assertThat(runs).hasValue(1);
    }

    @Test
    void schemaAssertions_doNotCollectRows() {
        DataFrameAssert a = new DataFrameAssert(() -> ID_NAME, () -> {
            throw new IllegalStateException("must not run");
        });

        assertThatCode(() -> a.hasColumns("id", "name").hasColumnType("name", DataTypes.STRING))
                .doesNotThrowAnyException();
    }

    @Test
    void failureMessage_escapesStringsSoWhitespaceIsVisible() {
        assertThatThrownBy(() -> assertThatRows(ID_NAME, idName(1L, "a\tb\n")).containsExactly(row(1L, "a b")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("\"a\\tb\\n\"");
    }
}
