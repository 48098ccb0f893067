package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;

import dev.quarry.DataFrame;
import dev.quarry.ErrorCode;
import dev.quarry.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code union} (by position, keeping duplicates), {@code unionByName}, {@code distinct}, {@code dropDuplicates}. */
public abstract class SetOperationConformance extends ConformanceSuite {

    /**
     * A row with possible duplicates.
     *
     * @param k a key
     * @param v a value, or null
     */
    public record Pair(long k, String v) {}

    /**
     * A row whose key may be null.
     *
     * @param k a key, or null
     * @param v a value
     */
    public record MaybeKeyed(Long k, String v) {}

    private DataFrame pairs(Object... keysAndValues) {
        List<Pair> rows = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            rows.add(new Pair((Long) keysAndValues[i], (String) keysAndValues[i + 1]));
        }
        return session.createDataFrame(rows, Pair.class);
    }

    @Test
    void union_keepsEveryRowOfBothIncludingDuplicates() {
        DataFrame a = pairs(1L, "a", 2L, "b");
        DataFrame b = pairs(2L, "b", 3L, null);

        assertThat(a.union(b)).containsExactlyInAnyOrder(row(1L, "a"), row(2L, "b"), row(2L, "b"), row(3L, null));
    }

    @Test
    void union_matchesByPositionAndKeepsTheFirstNames() {
        DataFrame a = people().select("id", "name");
        DataFrame b = orders().select(
                        col("orderId"), col("amount").cast(DataTypes.STRING).as("label"));

        assertThat(a.union(b).filter(col("id").geq(10L)))
                .hasColumns("id", "name")
                .containsExactlyInAnyOrder(
                        row(10L, "5.0"), row(11L, "7.5"), row(12L, "2.0"), row(13L, "1.0"), row(14L, "3.0"));
    }

    @Test
    void union_intWithBigint_widensToBigint() {
        DataFrame ages = people().select(col("age").as("n"));
        DataFrame ids = people().select(col("id").as("n"));

        assertThat(ages.union(ids).filter(col("n").leq(2L)))
                .hasColumnType("n", DataTypes.LONG)
                .containsExactlyInAnyOrder(row(1L), row(2L));
    }

    @Test
    void union_chained_appendsAllInputs() {
        DataFrame one = pairs(1L, "a");

        assertThat(one.union(one).union(one)).containsExactly(row(1L, "a"), row(1L, "a"), row(1L, "a"));
    }

    @Test
    void union_differentColumnCounts_failsWithInvalidArgument() {
        assertQuarryError(ErrorCode.INVALID_ARGUMENT, () -> people().union(orders()))
                .hasMessageContaining("unionByName");
    }

    @Test
    void union_typesWithoutCommonType_failsWithTypeMismatch() {
        DataFrame a = people().select("id");
        DataFrame b = people().select("name");

        assertQuarryError(ErrorCode.TYPE_MISMATCH, () -> a.union(b)).hasMessageContaining("bigint");
    }

    @Test
    void unionByName_otherOrder_matchesColumnsByName() {
        DataFrame a = pairs(1L, "a");
        DataFrame b = pairs(2L, "b").select("v", "k");

        assertThat(a.unionByName(b)).hasColumns("k", "v").containsExactlyInAnyOrder(row(1L, "a"), row(2L, "b"));
    }

    @Test
    void unionByName_missingColumns_failsWithoutPermission() {
        DataFrame a = pairs(1L, "a");
        DataFrame b = pairs(2L, "b").select("k");

        assertQuarryError(ErrorCode.INVALID_ARGUMENT, () -> a.unionByName(b)).hasMessageContaining("v");
    }

    @Test
    void unionByName_allowingMissingColumns_fillsThemWithNulls() {
        DataFrame a = pairs(1L, "a");
        DataFrame b = pairs(2L, "b").select(col("k"), lit(true).as("flag"));

        assertThat(a.unionByName(b, true))
                .hasColumns("k", "v", "flag")
                .containsExactlyInAnyOrder(row(1L, "a", null), row(2L, null, true));
    }

    @Test
    void distinct_removesDuplicateRowsTreatingNullsAsEqual() {
        DataFrame df = pairs(1L, "a", 1L, "a", 2L, null, 2L, null, 2L, "b");

        assertThat(df.distinct()).containsExactlyInAnyOrder(row(1L, "a"), row(2L, null), row(2L, "b"));
    }

    @Test
    void dropDuplicates_keyColumn_keepsOneRowPerKey() {
        DataFrame df = pairs(1L, "a", 1L, "b", 2L, null, 3L, "c", 3L, "c");

        DataFrame deduped = df.dropDuplicates("k");

        assertThat(deduped).hasColumns("k", "v").hasRowCount(3);
        assertThat(deduped.select("k")).containsExactlyInAnyOrder(row(1L), row(2L), row(3L));
        assertThat(deduped.filter(col("k").equalTo(1L)).filter(col("v").isin("a", "b")))
                .hasRowCount(1);
    }

    @Test
    void dropDuplicates_noColumns_actsLikeDistinct() {
        DataFrame df = pairs(1L, "a", 1L, "a", 1L, "b");

        assertThat(df.dropDuplicates()).containsExactlyInAnyOrder(row(1L, "a"), row(1L, "b"));
    }

    @Test
    void dropDuplicates_nullKeys_formOneKey() {
        DataFrame df = session.createDataFrame(
                List.of(new MaybeKeyed(null, "a"), new MaybeKeyed(null, "b"), new MaybeKeyed(1L, "c")),
                MaybeKeyed.class);

        assertThat(df.dropDuplicates("k").select("k")).containsExactlyInAnyOrder(row((Object) null), row(1L));
    }

    @Test
    void dropDuplicates_unknownColumn_failsWithColumnNotFound() {
        assertQuarryError(ErrorCode.COLUMN_NOT_FOUND, () -> people().dropDuplicates("nmae"))
                .hasMessageContaining("nmae");
    }
}
