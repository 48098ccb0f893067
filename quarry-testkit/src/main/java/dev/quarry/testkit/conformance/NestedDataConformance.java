package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.testkit.assertions.QuarryAssertions.array;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;

import dev.quarry.ErrorCode;
import dev.quarry.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * Structs and arrays: {@code explode}, {@code explodeOuter}, {@code unnest}, {@code getField},
 * {@code getItem} and dotted names. Ticket 1 has two tags, 2 an empty list, 3 a null list and a
 * null struct, 4 a list holding a null.
 */
public abstract class NestedDataConformance extends ConformanceSuite {

    @Test
    void createDataFrame_nestedRecord_roundTripsStructsAndArrays() {
        assertThat(tickets())
                .hasColumnType(
                        "info",
                        DataTypes.structOf(
                                DataTypes.field("product", DataTypes.STRING),
                                DataTypes.field("priority", DataTypes.INTEGER)))
                .hasColumnType("tags", DataTypes.arrayOf(DataTypes.STRING))
                .containsExactlyInAnyOrder(
                        row(1L, row("router", 2), array("wifi", "slow")),
                        row(2L, row("modem", null), array()),
                        row(3L, null, null),
                        row(4L, row("router", 1), array("dns", null)));
    }

    @Test
    void explode_array_givesOneRowPerElementInPlace() {
        assertThat(tickets().explode("tags"))
                .hasColumns("id", "info", "tags")
                .hasColumnType("tags", DataTypes.STRING)
                .containsExactlyInAnyOrder(
                        row(1L, row("router", 2), "wifi"),
                        row(1L, row("router", 2), "slow"),
                        row(4L, row("router", 1), "dns"),
                        row(4L, row("router", 1), null));
    }

    @Test
    void explode_nullAndEmptyArrays_dropTheRow() {
        assertThat(tickets().explode("tags").select("id"))
                .containsExactlyInAnyOrder(row(1L), row(1L), row(4L), row(4L));
    }

    @Test
    void explodeOuter_nullAndEmptyArrays_keepTheRowWithNull() {
        assertThat(tickets().explodeOuter("tags").select("id", "tags"))
                .containsExactlyInAnyOrder(
                        row(1L, "wifi"), row(1L, "slow"), row(2L, null), row(3L, null), row(4L, "dns"), row(4L, null));
    }

    @Test
    void explode_struct_failsWithTypeMismatchSuggestingUnnest() {
        assertQuarryError(ErrorCode.TYPE_MISMATCH, () -> tickets().explode("info"))
                .hasMessageContaining("unnest");
    }

    @Test
    void explode_unknownColumn_failsWithColumnNotFound() {
        assertQuarryError(ErrorCode.COLUMN_NOT_FOUND, () -> tickets().explode("tag"))
                .hasMessageContaining("tags");
    }

    @Test
    void unnest_struct_replacesItByItsFieldsInPlace() {
        assertThat(tickets().unnest("info").select("id", "product", "priority"))
                .containsExactlyInAnyOrder(
                        row(1L, "router", 2), row(2L, "modem", null), row(3L, null, null), row(4L, "router", 1));
    }

    @Test
    void unnest_struct_keepsTheColumnOrder() {
        assertThat(tickets().unnest("info")).hasColumns("id", "product", "priority", "tags");
    }

    @Test
    void unnest_fieldNameAlreadyAColumn_failsWithDuplicateColumn() {
        assertQuarryError(
                        ErrorCode.DUPLICATE_COLUMN,
                        () -> tickets().withColumn("product", lit("x")).unnest("info"))
                .hasMessageContaining("product");
    }

    @Test
    void unnest_array_failsWithTypeMismatchSuggestingExplode() {
        assertQuarryError(ErrorCode.TYPE_MISMATCH, () -> tickets().unnest("tags"))
                .hasMessageContaining("explode");
    }

    @Test
    void getField_readsTheFieldAndNullForANullStruct() {
        assertThat(tickets().select(col("id"), col("info").getField("product").as("p")))
                .containsExactlyInAnyOrder(row(1L, "router"), row(2L, "modem"), row(3L, null), row(4L, "router"));
    }

    @Test
    void dottedName_readsTheStructField() {
        assertThat(tickets().filter(col("info.priority").equalTo(1)).select("id"))
                .containsExactly(row(4L));
    }

    @Test
    void getField_unknownField_failsListingTheFields() {
        assertQuarryError(
                        ErrorCode.COLUMN_NOT_FOUND,
                        () -> tickets().select(col("info").getField("prodct")))
                .hasMessageContaining("product, priority");
    }

    @Test
    void getField_onNonStruct_failsWithTypeMismatch() {
        assertQuarryError(
                ErrorCode.TYPE_MISMATCH, () -> tickets().select(col("tags").getField("x")));
    }

    @Test
    void getItem_zeroBasedIndex_readsTheElementOrNull() {
        assertThat(tickets().select(col("id"), col("tags").getItem(0).as("t")))
                .containsExactlyInAnyOrder(row(1L, "wifi"), row(2L, null), row(3L, null), row(4L, "dns"));
    }

    @Test
    void getItem_indexOutOfRange_isNull() {
        assertThat(tickets()
                        .filter(col("id").equalTo(1L))
                        .select(col("tags").getItem(2).as("t")))
                .containsExactly(row((Object) null));
    }

    @Test
    void getItem_onNonArray_failsWithTypeMismatch() {
        assertQuarryError(
                ErrorCode.TYPE_MISMATCH, () -> tickets().select(col("id").getItem(0)));
    }
}
