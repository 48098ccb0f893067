package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;

import dev.quarry.DataFrame;
import dev.quarry.ErrorCode;
import dev.quarry.types.DataTypes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Implicit widening (int with bigint, integers with doubles), the clear error when text meets a
 * number, and explicit casts with good and bad values: a value a strict cast cannot convert fails
 * the query with {@code CAST_FAILED} quoting the value; {@code tryCast} gives null instead.
 */
public abstract class TypeCoercionConformance extends ConformanceSuite {

    /**
     * A text value to cast.
     *
     * @param s the text
     */
    public record Raw(String s) {}

    /**
     * Numbers of every width.
     *
     * @param i an int
     * @param l a bigint
     * @param d a double
     * @param b a boolean
     */
    public record Numbers(int i, long l, double d, boolean b) {}

    private DataFrame raw(String... values) {
        List<Raw> rows = new ArrayList<>();
        for (String v : values) {
            rows.add(new Raw(v));
        }
        return session.createDataFrame(rows, Raw.class);
    }

    private DataFrame numbers() {
        return session.createDataFrame(List.of(new Numbers(2, 3_000_000_000L, 2.7, true)), Numbers.class);
    }

    // ------------------------------------------------------------------ implicit widening

    @Test
    void plus_intAndLong_givesLong() {
        assertThat(numbers().select(col("i").plus(col("l")).as("r")))
                .hasColumnType("r", DataTypes.LONG)
                .containsExactly(row(3_000_000_002L));
    }

    @Test
    void multiply_intAndDouble_givesDouble() {
        assertThat(numbers().select(col("i").multiply(col("d")).as("r")))
                .hasColumnType("r", DataTypes.DOUBLE)
                .containsExactly(row(5.4));
    }

    @Test
    void equalTo_intColumnAndDoubleValue_comparesNumerically() {
        assertThat(people().filter(col("age").equalTo(36.0)).select("name")).containsExactly(row("Ada"));
    }

    @Test
    void gt_intColumnAndFractionalValue_comparesWithoutTruncating() {
        assertThat(people().filter(col("age").gt(35.5)).select("name"))
                .containsExactlyInAnyOrder(row("Ada"), row("Edsger"));
    }

    @Test
    void equalTo_longColumnAndIntValue_comparesNumerically() {
        assertThat(people().filter(col("id").equalTo(2)).select("name")).containsExactly(row("Grace"));
    }

    @Test
    void isin_longColumnWithIntCandidates_matches() {
        assertThat(people().filter(col("id").isin(1, 3)).select("name"))
                .containsExactlyInAnyOrder(row("Ada"), row("Linus"));
    }

    // ------------------------------------------------------------------ text meets number

    @Test
    void equalTo_stringColumnAndNumber_failsWithTypeMismatchNamingBothTypes() {
        assertQuarryError(
                        ErrorCode.TYPE_MISMATCH,
                        () -> people().filter(col("name").equalTo(1)))
                .hasMessageContaining("string")
                .hasMessageContaining("int");
    }

    @Test
    void gt_numberColumnAndString_failsWithTypeMismatch() {
        assertQuarryError(
                        ErrorCode.TYPE_MISMATCH,
                        () -> people().filter(col("age").gt("30")))
                .hasMessageContaining("string");
    }

    @Test
    void plus_stringColumn_failsWithTypeMismatch() {
        assertQuarryError(
                        ErrorCode.TYPE_MISMATCH,
                        () -> people().select(col("name").plus(1).as("r")))
                .hasMessageContaining("string");
    }

    @Test
    void and_nonBooleanOperand_failsWithTypeMismatch() {
        assertQuarryError(
                ErrorCode.TYPE_MISMATCH, () -> people().filter(col("age").and(col("name"))));
    }

    // ------------------------------------------------------------------ explicit casts

    @Test
    void cast_numericStringToLong_convertsIt() {
        assertThat(raw("42", "-7", null).select(col("s").cast(DataTypes.LONG).as("r")))
                .hasColumnType("r", DataTypes.LONG)
                .containsExactlyInAnyOrder(row(42L), row(-7L), row(null));
    }

    @Test
    void cast_nonNumericStringToLong_failsNamingTheValue() {
        DataFrame df = raw("42", "abc").select(col("s").cast(DataTypes.LONG).as("r"));

        assertQuarryError(ErrorCode.CAST_FAILED, df::collectAsList).hasMessageContaining("abc");
    }

    @Test
    void tryCast_nonNumericString_givesNull() {
        assertThat(raw("42", "abc").select(col("s").tryCast(DataTypes.LONG).as("r")))
                .containsExactlyInAnyOrder(row(42L), row(null));
    }

    @Test
    void cast_stringToDouble_convertsIt() {
        assertThat(raw("2.5").select(col("s").cast(DataTypes.DOUBLE).as("r"))).containsExactly(row(2.5));
    }

    @Test
    void cast_isoStringToDate_convertsIt() {
        assertThat(raw("2024-02-29").select(col("s").cast(DataTypes.DATE).as("r")))
                .hasColumnType("r", DataTypes.DATE)
                .containsExactly(row(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void cast_invalidDateString_fails() {
        DataFrame df = raw("2023-02-30").select(col("s").cast(DataTypes.DATE).as("r"));

        assertQuarryError(ErrorCode.CAST_FAILED, df::collectAsList).hasMessageContaining("2023-02-30");
    }

    @Test
    void cast_booleanStrings_convert() {
        assertThat(raw("true", "false").select(col("s").cast(DataTypes.BOOLEAN).as("r")))
                .containsExactlyInAnyOrder(row(true), row(false));
    }

    @Test
    void cast_numbersToString_giveTheirDecimalText() {
        assertThat(numbers()
                        .select(
                                col("i").cast(DataTypes.STRING).as("i"),
                                col("l").cast(DataTypes.STRING).as("l")))
                .containsExactly(row("2", "3000000000"));
    }

    @Test
    void cast_intToLongAndDouble_widens() {
        assertThat(numbers()
                        .select(
                                col("i").cast(DataTypes.LONG).as("l"),
                                col("i").cast(DataTypes.DOUBLE).as("d")))
                .containsExactly(row(2L, 2.0));
    }

    @Test
    void cast_doubleToInt_truncatesTowardZero() {
        assertThat(numbers()
                        .select(
                                col("d").cast(DataTypes.INTEGER).as("pos"),
                                col("d").negate().cast(DataTypes.INTEGER).as("neg")))
                .containsExactly(row(2, -2));
    }

    @Test
    void cast_booleanToInt_givesOneOrZero() {
        assertThat(numbers().select(col("b").cast(DataTypes.INTEGER).as("r"))).containsExactly(row(1));
    }

    @Test
    void cast_longOutOfIntRange_fails() {
        DataFrame df = numbers().select(col("l").cast(DataTypes.INTEGER).as("r"));

        assertQuarryError(ErrorCode.CAST_FAILED, df::collectAsList).hasMessageContaining("3000000000");
    }

    @Test
    void cast_nullLiteral_takesTheTargetType() {
        assertThat(numbers().select(lit(null).cast(DataTypes.DATE).as("r")))
                .hasColumnType("r", DataTypes.DATE)
                .containsExactly(row((Object) null));
    }

    @Test
    void cast_withoutConversion_failsWithTypeMismatchWhenWritten() {
        assertQuarryError(
                        ErrorCode.TYPE_MISMATCH,
                        () -> tickets().select(col("tags").cast(DataTypes.LONG).as("r")))
                .hasMessageContaining("array<string>");
    }
}
