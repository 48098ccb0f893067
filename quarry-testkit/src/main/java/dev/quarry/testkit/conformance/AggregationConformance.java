package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.avg;
import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.collectList;
import static dev.quarry.functions.Functions.count;
import static dev.quarry.functions.Functions.countDistinct;
import static dev.quarry.functions.Functions.first;
import static dev.quarry.functions.Functions.max;
import static dev.quarry.functions.Functions.min;
import static dev.quarry.functions.Functions.stddev;
import static dev.quarry.functions.Functions.sum;
import static dev.quarry.testkit.assertions.QuarryAssertions.array;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.DataFrame;
import dev.quarry.ErrorCode;
import dev.quarry.Row;
import dev.quarry.types.DataTypes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code groupBy(...).agg(...)} and global {@code agg(...)} with every aggregate. Sales: north has
 * a null qty, south a null price, and one sale has a null region, which forms a group of its own.
 */
public abstract class AggregationConformance extends ConformanceSuite {

    private DataFrame byRegion(dev.quarry.Column aggregate) {
        return sales().groupBy(col("region")).agg(aggregate.as("r"));
    }

    @Test
    void groupBy_outputsKeysThenAggregates() {
        assertThat(sales().groupBy(col("region"), col("product")).agg(count("*").as("n")))
                .hasColumns("region", "product", "n")
                .containsExactlyInAnyOrder(
                        row("north", "apple", 1L),
                        row("north", "pear", 1L),
                        row("south", "apple", 2L),
                        row(null, "fig", 1L));
    }

    @Test
    void countStar_countsRowsWithNullKeysAsOneGroup() {
        assertThat(byRegion(count("*")))
                .hasColumnType("r", DataTypes.LONG)
                .containsExactlyInAnyOrder(row("north", 2L), row("south", 2L), row(null, 1L));
    }

    @Test
    void count_column_skipsNulls() {
        assertThat(byRegion(count(col("qty"))))
                .containsExactlyInAnyOrder(row("north", 1L), row("south", 2L), row(null, 1L));
    }

    @Test
    void countDistinct_countsDistinctNonNullValues() {
        assertThat(byRegion(countDistinct(col("product"))))
                .hasColumnType("r", DataTypes.LONG)
                .containsExactlyInAnyOrder(row("north", 2L), row("south", 1L), row(null, 1L));
    }

    @Test
    void countDistinct_global_ignoresNulls() {
        assertThat(sales().agg(countDistinct(col("price")).as("r"))).containsExactly(row(3L));
    }

    @Test
    void sum_ints_givesBigint() {
        assertThat(byRegion(sum(col("qty"))))
                .hasColumnType("r", DataTypes.LONG)
                .containsExactlyInAnyOrder(row("north", 3L), row("south", 6L), row(null, 2L));
    }

    @Test
    void sum_doubles_skipsNulls() {
        assertThat(byRegion(sum(col("price"))))
                .hasColumnType("r", DataTypes.DOUBLE)
                .containsExactlyInAnyOrder(row("north", 3.5), row("south", 1.5), row(null, 4.0));
    }

    @Test
    void sum_onlyNulls_isNull() {
        assertThat(sales().filter(col("product").equalTo("pear"))
                        .agg(sum(col("qty")).as("r")))
                .containsExactly(row((Object) null));
    }

    @Test
    void avg_ints_givesDoubleOfNonNullValues() {
        assertThat(byRegion(avg(col("qty"))))
                .hasColumnType("r", DataTypes.DOUBLE)
                .containsExactlyInAnyOrder(row("north", 3.0), row("south", 3.0), row(null, 2.0));
    }

    @Test
    void minAndMax_ints_keepTheType() {
        assertThat(sales().groupBy(col("region"))
                        .agg(min(col("qty")).as("lo"), max(col("qty")).as("hi")))
                .hasColumnType("lo", DataTypes.INTEGER)
                .containsExactlyInAnyOrder(row("north", 3, 3), row("south", 1, 5), row(null, 2, 2));
    }

    @Test
    void minAndMax_strings_compareLexicographically() {
        assertThat(sales().agg(min(col("product")).as("lo"), max(col("product")).as("hi")))
                .containsExactly(row("apple", "pear"));
    }

    @Test
    void first_groupOfEqualValues_givesThatValue() {
        assertThat(sales().filter(col("region").equalTo("south"))
                        .groupBy(col("region"))
                        .agg(first(col("product")).as("r")))
                .containsExactly(row("south", "apple"));
    }

    @Test
    void collectList_gathersNonNullValuesPerGroup() {
        DataFrame df = byRegion(collectList(col("qty")));

        assertThat(df).hasColumnType("r", DataTypes.arrayOf(DataTypes.INTEGER)).hasRowCount(3);
        Map<String, List<Object>> byKey = new HashMap<>();
        for (Row r : df.collectAsList()) {
            byKey.put(r.getString("region"), r.getList("r"));
        }
        assertThat(byKey.get("north")).containsExactly(3);
        assertThat(byKey.get("south")).containsExactlyInAnyOrder(5, 1);
        assertThat(byKey.get(null)).containsExactly(2);
    }

    @Test
    void stddev_givesSampleStandardDeviationAndNullForOneValue() {
        assertThat(byRegion(stddev(col("qty"))))
                .hasColumnType("r", DataTypes.DOUBLE)
                .usingTolerance(1e-12)
                .containsExactlyInAnyOrder(row("north", null), row("south", Math.sqrt(8)), row(null, null));
    }

    @Test
    void agg_global_givesOneRow() {
        assertThat(sales().agg(
                                count("*").as("n"),
                                sum(col("qty")).as("q"),
                                max(col("price")).as("p")))
                .hasColumns("n", "q", "p")
                .containsExactly(row(5L, 11L, 4.0));
    }

    @Test
    void agg_globalOverNoRows_givesOneRowOfZeroCountsAndNulls() {
        DataFrame none = sales().filter(col("qty").gt(100));

        assertThat(none.agg(
                        count("*").as("n"),
                        count(col("qty")).as("c"),
                        sum(col("qty")).as("s"),
                        avg(col("qty")).as("a"),
                        min(col("qty")).as("lo"),
                        stddev(col("qty")).as("sd")))
                .containsExactly(row(0L, 0L, null, null, null, null));
    }

    @Test
    void collectList_globalOverNoRows_givesAnEmptyArray() {
        DataFrame none = sales().filter(col("qty").gt(100));

        assertThat(none.agg(collectList(col("qty")).as("r"))).containsExactly(row(array()));
    }

    @Test
    void groupBy_overNoRows_givesNoRowsWithTheSchema() {
        assertThat(sales().filter(col("qty").gt(100))
                        .groupBy(col("region"))
                        .agg(count("*").as("n")))
                .hasColumns("region", "n")
                .isEmpty();
    }

    @Test
    void agg_expressionOverAggregates_isComputedPerGroup() {
        assertThat(byRegion(sum(col("qty")).multiply(10L).plus(count("*"))))
                .containsExactlyInAnyOrder(row("north", 32L), row("south", 62L), row(null, 21L));
    }

    @Test
    void groupBy_expressionKey_groupsByItsValue() {
        assertThat(sales().groupBy(col("qty").gt(2).as("big")).agg(count("*").as("n")))
                .containsExactlyInAnyOrder(row(true, 2L), row(false, 2L), row(null, 1L));
    }

    @Test
    void agg_columnNeitherGroupedNorAggregated_failsWithInvalidPlan() {
        assertQuarryError(
                        ErrorCode.INVALID_PLAN,
                        () -> sales().groupBy(col("region")).agg(col("product")))
                .hasMessageContaining("product");
    }

    @Test
    void filter_withAggregate_failsWithInvalidPlan() {
        assertQuarryError(
                ErrorCode.INVALID_PLAN, () -> sales().filter(sum(col("qty")).gt(1)));
    }

    @Test
    void sum_ofText_failsWithTypeMismatch() {
        assertQuarryError(
                        ErrorCode.TYPE_MISMATCH,
                        () -> sales().agg(sum(col("product")).as("r")))
                .hasMessageContaining("string");
    }
}
