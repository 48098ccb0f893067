package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;

import dev.quarry.DataFrame;
import dev.quarry.ErrorCode;
import dev.quarry.JoinType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every join type, with a condition and with using columns. People 2 and 4 have no orders; order
 * 13 has an unknown customer and order 14 none. A null key never matches anything, not even
 * another null.
 */
public abstract class JoinConformance extends ConformanceSuite {

    /**
     * A nullable key and a label.
     *
     * @param k the key, or null
     * @param v the label
     */
    public record Keyed(Long k, String v) {}

    private DataFrame keyed(Object... keysAndLabels) {
        List<Keyed> rows = new ArrayList<>();
        for (int i = 0; i < keysAndLabels.length; i += 2) {
            rows.add(new Keyed((Long) keysAndLabels[i], (String) keysAndLabels[i + 1]));
        }
        return session.createDataFrame(rows, Keyed.class);
    }

    private DataFrame byCustomer(JoinType type) {
        return people().join(orders(), col("id").equalTo(col("customerId")), type);
    }

    /** orders with its key renamed to {@code id}, for joins using columns. */
    private DataFrame ordersById() {
        return orders().withColumnRenamed("customerId", "id");
    }

    // ------------------------------------------------------------------ with a condition

    @Test
    void join_inner_keepsMatchingPairs() {
        assertThat(byCustomer(JoinType.INNER).select("name", "orderId"))
                .containsExactlyInAnyOrder(row("Ada", 10L), row("Ada", 11L), row("Linus", 12L));
    }

    @Test
    void join_inner_outputsLeftColumnsThenRightColumns() {
        assertThat(byCustomer(JoinType.INNER))
                .hasColumns("id", "name", "age", "city", "orderId", "customerId", "amount")
                .contains(row(3L, "Linus", 28, null, 12L, 3L, 2.0));
    }

    @Test
    void join_left_keepsUnmatchedLeftRowsWithNulls() {
        assertThat(byCustomer(JoinType.LEFT).select("name", "orderId", "amount"))
                .containsExactlyInAnyOrder(
                        row("Ada", 10L, 5.0),
                        row("Ada", 11L, 7.5),
                        row("Grace", null, null),
                        row("Linus", 12L, 2.0),
                        row("Edsger", null, null));
    }

    @Test
    void join_right_keepsUnmatchedRightRowsWithNulls() {
        assertThat(byCustomer(JoinType.RIGHT).select("name", "orderId"))
                .containsExactlyInAnyOrder(
                        row("Ada", 10L), row("Ada", 11L), row("Linus", 12L), row(null, 13L), row(null, 14L));
    }

    @Test
    void join_full_keepsUnmatchedRowsOfBothSides() {
        assertThat(byCustomer(JoinType.FULL).select("name", "orderId"))
                .containsExactlyInAnyOrder(
                        row("Ada", 10L),
                        row("Ada", 11L),
                        row("Grace", null),
                        row("Linus", 12L),
                        row("Edsger", null),
                        row(null, 13L),
                        row(null, 14L));
    }

    @Test
    void join_semi_keepsLeftRowsWithAMatchOnceWithLeftColumnsOnly() {
        assertThat(byCustomer(JoinType.SEMI))
                .hasColumns("id", "name", "age", "city")
                .containsExactlyInAnyOrder(row(1L, "Ada", 36, "London"), row(3L, "Linus", 28, null));
    }

    @Test
    void join_anti_keepsLeftRowsWithoutAMatch() {
        assertThat(byCustomer(JoinType.ANTI))
                .hasColumns("id", "name", "age", "city")
                .containsExactlyInAnyOrder(row(2L, "Grace", null, "New York"), row(4L, "Edsger", 72, "Rotterdam"));
    }

    @Test
    void crossJoin_pairsEveryRowWithEveryRow() {
        DataFrame df = people().crossJoin(orders());

        assertThat(df)
                .hasColumns("id", "name", "age", "city", "orderId", "customerId", "amount")
                .hasRowCount(20);
        assertThat(df.filter(col("id").equalTo(4L)).select("orderId"))
                .containsExactlyInAnyOrder(row(10L), row(11L), row(12L), row(13L), row(14L));
    }

    @Test
    void join_crossTypeWithCondition_failsWithInvalidArgument() {
        assertQuarryError(
                        ErrorCode.INVALID_ARGUMENT,
                        () -> people().join(orders(), col("id").equalTo(col("customerId")), JoinType.CROSS))
                .hasMessageContaining("crossJoin");
    }

    @Test
    void join_conditionWithExtraPredicate_appliesItWhileMatching() {
        DataFrame df = people().join(
                        orders(),
                        col("id").equalTo(col("customerId")).and(col("amount").gt(6.0)),
                        JoinType.LEFT);

        assertThat(df.select("name", "orderId"))
                .containsExactlyInAnyOrder(
                        row("Ada", 11L), row("Grace", null), row("Linus", null), row("Edsger", null));
    }

    @Test
    void join_nonEquiCondition_pairsRowsWhereItHolds() {
        DataFrame df = people().join(orders(), col("amount").gt(col("age").divide(10)), JoinType.INNER);

        assertThat(df.filter(col("id").equalTo(1L)).select("orderId")).containsExactlyInAnyOrder(row(10L), row(11L));
    }

    @Test
    void filter_afterLeftJoinOnRightColumnNull_findsUnmatchedLeftRows() {
        assertThat(byCustomer(JoinType.LEFT).filter(col("orderId").isNull()).select("name"))
                .containsExactlyInAnyOrder(row("Grace"), row("Edsger"));
    }

    @Test
    void join_keysOfIntAndBigint_matchNumerically() {
        DataFrame ages = people().select(col("age").as("a"), col("name"));
        DataFrame wanted = keyed(36L, "x", 28L, "y");

        assertThat(ages.join(wanted, col("a").equalTo(col("k")), JoinType.INNER).select("name", "v"))
                .containsExactlyInAnyOrder(row("Ada", "x"), row("Linus", "y"));
    }

    @Test
    void join_keyStringAgainstNumber_failsWithTypeMismatch() {
        assertQuarryError(
                ErrorCode.TYPE_MISMATCH,
                () -> people().join(orders(), col("name").equalTo(col("customerId")), JoinType.INNER));
    }

    @Test
    void join_nonBooleanCondition_failsWithTypeMismatch() {
        assertQuarryError(ErrorCode.TYPE_MISMATCH, () -> people().join(orders(), col("amount"), JoinType.INNER));
    }

    // ------------------------------------------------------------------ null keys

    @Test
    void join_innerOnNullKeys_neverMatches() {
        DataFrame left = keyed(1L, "a", null, "b");
        DataFrame right = keyed(1L, "c", null, "d").select(col("k").as("k2"), col("v").as("v2"));

        assertThat(left.join(right, col("k").equalTo(col("k2")), JoinType.INNER))
                .containsExactly(row(1L, "a", 1L, "c"));
    }

    @Test
    void join_fullOnNullKeys_keepsBothNullRowsUnpaired() {
        DataFrame left = keyed(null, "b");
        DataFrame right = keyed(null, "d").select(col("k").as("k2"), col("v").as("v2"));

        assertThat(left.join(right, col("k").equalTo(col("k2")), JoinType.FULL))
                .containsExactlyInAnyOrder(row(null, "b", null, null), row(null, null, null, "d"));
    }

    @Test
    void join_antiWithNullKeyOnLeft_keepsThatRow() {
        DataFrame left = keyed(1L, "a", null, "b");
        DataFrame right = keyed(1L, "c", null, "d").select(col("k").as("k2"));

        assertThat(left.join(right, col("k").equalTo(col("k2")), JoinType.ANTI)).containsExactly(row(null, "b"));
    }

    @Test
    void join_semiOnNullKeys_keepsNothing() {
        DataFrame left = keyed(null, "b");
        DataFrame right = keyed(null, "d").select(col("k").as("k2"));

        assertThat(left.join(right, col("k").equalTo(col("k2")), JoinType.SEMI)).isEmpty();
    }

    @Test
    void join_usingColumnsWithNullKeys_neverMatches() {
        DataFrame left = keyed(1L, "a", null, "b");
        DataFrame right = keyed(1L, "c", null, "d").withColumnRenamed("v", "w");

        assertThat(left.join(right, "k")).containsExactly(row(1L, "a", "c"));
    }

    // ------------------------------------------------------------------ using columns

    @Test
    void join_usingColumn_outputsTheKeyOnceThenTheOtherColumns() {
        assertThat(people().join(ordersById(), "id"))
                .hasColumns("id", "name", "age", "city", "orderId", "amount")
                .containsExactlyInAnyOrder(
                        row(1L, "Ada", 36, "London", 10L, 5.0),
                        row(1L, "Ada", 36, "London", 11L, 7.5),
                        row(3L, "Linus", 28, null, 12L, 2.0));
    }

    @Test
    void join_usingColumnLeft_keepsUnmatchedLeftKeys() {
        assertThat(people().join(ordersById(), List.of("id"), JoinType.LEFT).select("id", "orderId"))
                .containsExactlyInAnyOrder(row(1L, 10L), row(1L, 11L), row(2L, null), row(3L, 12L), row(4L, null));
    }

    @Test
    void join_usingColumnRight_takesTheKeyFromTheRight() {
        assertThat(people().join(ordersById(), List.of("id"), JoinType.RIGHT).select("id", "name", "orderId"))
                .containsExactlyInAnyOrder(
                        row(1L, "Ada", 10L),
                        row(1L, "Ada", 11L),
                        row(3L, "Linus", 12L),
                        row(9L, null, 13L),
                        row(null, null, 14L));
    }

    @Test
    void join_usingColumnFull_takesTheNonNullKeyOfEitherSide() {
        assertThat(people().join(ordersById(), List.of("id"), JoinType.FULL).select("id", "name", "orderId"))
                .containsExactlyInAnyOrder(
                        row(1L, "Ada", 10L),
                        row(1L, "Ada", 11L),
                        row(2L, "Grace", null),
                        row(3L, "Linus", 12L),
                        row(4L, "Edsger", null),
                        row(9L, null, 13L),
                        row(null, null, 14L));
    }

    @Test
    void join_usingColumnSemi_keepsLeftRowsWithAMatch() {
        assertThat(people().join(ordersById(), List.of("id"), JoinType.SEMI).select("name"))
                .containsExactlyInAnyOrder(row("Ada"), row("Linus"));
    }

    @Test
    void join_usingColumnAnti_keepsLeftRowsWithoutAMatch() {
        assertThat(people().join(ordersById(), List.of("id"), JoinType.ANTI).select("name"))
                .containsExactlyInAnyOrder(row("Grace"), row("Edsger"));
    }

    @Test
    void join_usingTwoColumns_matchesOnBoth() {
        DataFrame left = keyed(1L, "a", 1L, "b", 2L, "a");
        DataFrame right = keyed(1L, "a", 2L, "b").withColumn("hit", lit(true));

        assertThat(left.join(right, "k", "v")).hasColumns("k", "v", "hit").containsExactly(row(1L, "a", true));
    }

    @Test
    void join_usingUnknownColumn_failsWithColumnNotFound() {
        assertQuarryError(ErrorCode.COLUMN_NOT_FOUND, () -> people().join(orders(), "idd"))
                .hasMessageContaining("idd");
    }

    // ------------------------------------------------------------------ duplicate names and self joins

    @Test
    void join_bothSidesHaveANonKeyName_failsWithDuplicateColumnSuggestingUsingColumns() {
        DataFrame a = people().select("id", "name");
        DataFrame b = people().select("id", "age");

        assertQuarryError(
                        ErrorCode.DUPLICATE_COLUMN, () -> a.join(b, a.col("id").equalTo(b.col("id")), JoinType.INNER))
                .hasMessageContaining("'id'")
                .hasMessageContaining("join(other, \"id\")");
    }

    @Test
    void join_selfSemiWithFrameBoundColumns_resolvesEachSide() {
        DataFrame a = people();
        DataFrame b = people().filter(col("age").gt(30));

        assertThat(a.join(b, a.col("id").equalTo(b.col("id")), JoinType.SEMI).select("name"))
                .containsExactlyInAnyOrder(row("Ada"), row("Edsger"));
    }

    @Test
    void join_selfUsingColumnAfterRenaming_works() {
        DataFrame a = people().select("id", "name");
        DataFrame b = people().select(col("id"), col("name").as("other_name"));

        assertThat(a.join(b, "id").filter(col("id").equalTo(2L))).containsExactly(row(2L, "Grace", "Grace"));
    }

    // ------------------------------------------------------------------ empty sides

    @Test
    void join_leftWithEmptyRight_keepsLeftRowsWithNulls() {
        DataFrame noOrders = orders().filter(lit(false));

        assertThat(people().join(noOrders, col("id").equalTo(col("customerId")), JoinType.LEFT)
                        .select("name", "orderId"))
                .containsExactlyInAnyOrder(
                        row("Ada", null), row("Grace", null), row("Linus", null), row("Edsger", null));
    }

    @Test
    void join_innerWithEmptyLeft_givesNoRowsWithTheJoinedSchema() {
        assertThat(noPeople().join(orders(), col("id").equalTo(col("customerId")), JoinType.INNER))
                .hasColumns("id", "name", "age", "city", "orderId", "customerId", "amount")
                .isEmpty();
    }
}
