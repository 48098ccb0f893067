package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.functions.Functions.not;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;

import dev.quarry.ErrorCode;
import org.junit.jupiter.api.Test;

/** {@code filter} and {@code where}: rows are kept only where the condition is true, never where it is null. */
public abstract class FilterConformance extends ConformanceSuite {

    @Test
    void filter_comparison_keepsMatchingRows() {
        assertThat(people().filter(col("age").gt(30)).select("name"))
                .containsExactlyInAnyOrder(row("Ada"), row("Edsger"));
    }

    @Test
    void where_isTheSameAsFilter() {
        assertThat(people().where(col("age").gt(30)).select("name"))
                .containsExactlyInAnyOrder(row("Ada"), row("Edsger"));
    }

    @Test
    void filter_conditionNullForARow_dropsThatRow() {
        assertThat(people().filter(col("age").lt(100)).select("name"))
                .containsExactlyInAnyOrder(row("Ada"), row("Linus"), row("Edsger"));
    }

    @Test
    void filter_negatedConditionNullForARow_stillDropsThatRow() {
        assertThat(people().filter(not(col("age").lt(100))).select("name")).isEmpty();
    }

    @Test
    void filter_notEqual_dropsNullRows() {
        assertThat(people().filter(col("city").notEqual("London")).select("name"))
                .containsExactlyInAnyOrder(row("Grace"), row("Edsger"));
    }

    @Test
    void filter_equalToNullLiteral_keepsNothing() {
        assertThat(people().filter(col("age").equalTo(lit(null)))).isEmpty();
    }

    @Test
    void filter_isNull_keepsNullRows() {
        assertThat(people().filter(col("age").isNull()).select("name")).containsExactly(row("Grace"));
    }

    @Test
    void filter_isNotNull_keepsNonNullRows() {
        assertThat(people().filter(col("city").isNotNull()).select("name"))
                .containsExactlyInAnyOrder(row("Ada"), row("Grace"), row("Edsger"));
    }

    @Test
    void filter_chained_keepsRowsMatchingBoth() {
        assertThat(people().filter(col("age").gt(30))
                        .filter(col("city").startsWith("R"))
                        .select("name"))
                .containsExactly(row("Edsger"));
    }

    @Test
    void filter_onComputedColumn_seesTheNewValues() {
        assertThat(people().withColumn("age2", col("age").multiply(2))
                        .filter(col("age2").equalTo(56))
                        .select("name"))
                .containsExactly(row("Linus"));
    }

    @Test
    void filter_literalFalse_keepsNoRowsButTheSchema() {
        assertThat(people().filter(lit(false)))
                .hasColumns("id", "name", "age", "city")
                .isEmpty();
    }

    @Test
    void filter_nonBooleanCondition_failsWithTypeMismatch() {
        assertQuarryError(ErrorCode.TYPE_MISMATCH, () -> people().filter(col("age")))
                .hasMessageContaining("boolean");
    }

    @Test
    void filter_unknownColumn_failsWhenWritten() {
        assertQuarryError(
                        ErrorCode.COLUMN_NOT_FOUND,
                        () -> people().filter(col("cty").equalTo("London")))
                .hasMessageContaining("Did you mean 'city'");
    }
}
