package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;

import dev.quarry.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * {@code orderBy} and {@code limit}. As in Spark, ascending order puts nulls first and descending
 * order puts them last unless asked otherwise (Grace has no age, Linus no city).
 */
public abstract class OrderingConformance extends ConformanceSuite {

    @Test
    void orderBy_plainColumn_sortsAscendingWithNullsFirst() {
        assertThat(people().orderBy(col("age")).select("name", "age"))
                .containsExactly(row("Grace", null), row("Linus", 28), row("Ada", 36), row("Edsger", 72));
    }

    @Test
    void orderBy_asc_putsNullsFirst() {
        assertThat(people().orderBy(col("city").asc()).select("name"))
                .containsExactly(row("Linus"), row("Ada"), row("Grace"), row("Edsger"));
    }

    @Test
    void orderBy_desc_putsNullsLast() {
        assertThat(people().orderBy(col("age").desc()).select("name"))
                .containsExactly(row("Edsger"), row("Ada"), row("Linus"), row("Grace"));
    }

    @Test
    void orderBy_ascNullsLast_putsNullsLast() {
        assertThat(people().orderBy(col("age").ascNullsLast()).select("name"))
                .containsExactly(row("Linus"), row("Ada"), row("Edsger"), row("Grace"));
    }

    @Test
    void orderBy_descNullsFirst_putsNullsFirst() {
        assertThat(people().orderBy(col("age").descNullsFirst()).select("name"))
                .containsExactly(row("Grace"), row("Edsger"), row("Ada"), row("Linus"));
    }

    @Test
    void orderBy_twoKeys_breaksTiesWithTheSecond() {
        assertThat(sales().orderBy(col("product").asc(), col("qty").desc()).select("product", "qty"))
                .containsExactly(row("apple", 5), row("apple", 3), row("apple", 1), row("fig", 2), row("pear", null));
    }

    @Test
    void orderBy_expression_sortsByItsValue() {
        assertThat(people().filter(col("age").isNotNull())
                        .orderBy(col("age").mod(10))
                        .select("name"))
                .containsExactly(row("Edsger"), row("Ada"), row("Linus"));
    }

    @Test
    void orderBy_unknownColumn_failsWithColumnNotFound() {
        assertQuarryError(ErrorCode.COLUMN_NOT_FOUND, () -> people().orderBy(col("agee")))
                .hasMessageContaining("Did you mean 'age'");
    }

    @Test
    void limit_afterOrderBy_keepsTheFirstRows() {
        assertThat(people().orderBy(col("id").desc()).limit(2).select("id")).containsExactly(row(4L), row(3L));
    }

    @Test
    void limit_largerThanTheInput_keepsEveryRow() {
        assertThat(people().limit(100)).hasRowCount(4);
    }

    @Test
    void limit_zero_givesNoRowsWithTheSchema() {
        assertThat(people().limit(0)).hasColumns("id", "name", "age", "city").isEmpty();
    }

    @Test
    void limit_negative_failsWithInvalidArgument() {
        assertQuarryError(ErrorCode.INVALID_ARGUMENT, () -> people().limit(-1)).hasMessageContaining("-1");
    }

    @Test
    void orderBy_afterLimit_sortsOnlyTheLimitedRows() {
        assertThat(people().orderBy(col("id"))
                        .limit(2)
                        .orderBy(col("id").desc())
                        .select("id"))
                .containsExactly(row(2L), row(1L));
    }
}
