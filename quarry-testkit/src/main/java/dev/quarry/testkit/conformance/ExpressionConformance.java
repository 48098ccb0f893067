package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.coalesce;
import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.concat;
import static dev.quarry.functions.Functions.concatWs;
import static dev.quarry.functions.Functions.length;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.functions.Functions.upper;
import static dev.quarry.functions.Functions.when;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;

import dev.quarry.DataFrame;
import dev.quarry.functions.Text;
import dev.quarry.types.DataTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Column operators and functions, with nulls: SQL's three-valued logic, null propagation through
 * arithmetic, comparisons and text functions, conditionals, and the Java function {@code count_tokens}.
 */
public abstract class ExpressionConformance extends ConformanceSuite {

    /**
     * Two nullable booleans.
     *
     * @param a the left operand
     * @param b the right operand
     */
    public record Bools(Boolean a, Boolean b) {}

    /**
     * A nullable text.
     *
     * @param s the text
     */
    public record Text1(String s) {}

    /** Every pair of true, false and null. */
    private DataFrame bools() {
        List<Boolean> values = Arrays.asList(true, false, null);
        List<Bools> rows = new ArrayList<>();
        for (Boolean a : values) {
            for (Boolean b : values) {
                rows.add(new Bools(a, b));
            }
        }
        return session.createDataFrame(rows, Bools.class);
    }

    private DataFrame texts(String... values) {
        List<Text1> rows = new ArrayList<>();
        for (String v : values) {
            rows.add(new Text1(v));
        }
        return session.createDataFrame(rows, Text1.class);
    }

    // ------------------------------------------------------------------ three-valued logic

    @Test
    void and_withNulls_followsThreeValuedLogic() {
        assertThat(bools().select(col("a"), col("b"), col("a").and(col("b")).as("r")))
                .containsExactlyInAnyOrder(
                        row(true, true, true),
                        row(true, false, false),
                        row(true, null, null),
                        row(false, true, false),
                        row(false, false, false),
                        row(false, null, false),
                        row(null, true, null),
                        row(null, false, false),
                        row(null, null, null));
    }

    @Test
    void or_withNulls_followsThreeValuedLogic() {
        assertThat(bools().select(col("a"), col("b"), col("a").or(col("b")).as("r")))
                .containsExactlyInAnyOrder(
                        row(true, true, true),
                        row(true, false, true),
                        row(true, null, true),
                        row(false, true, true),
                        row(false, false, false),
                        row(false, null, null),
                        row(null, true, true),
                        row(null, false, null),
                        row(null, null, null));
    }

    @Test
    void not_ofNull_isNull() {
        assertThat(bools().filter(col("b").equalTo(true))
                        .select(col("a"), col("a").not().as("r")))
                .containsExactlyInAnyOrder(row(true, false), row(false, true), row(null, null));
    }

    // ------------------------------------------------------------------ comparisons and arithmetic

    @Test
    void equalTo_nullOperand_isNull() {
        assertThat(people().select(col("name"), col("age").equalTo(36).as("r")))
                .containsExactlyInAnyOrder(
                        row("Ada", true), row("Grace", null), row("Linus", false), row("Edsger", false));
    }

    @Test
    void comparisons_eachOperator_evaluatePerRow() {
        DataFrame df = people().filter(col("id").equalTo(3L))
                .select(
                        col("age").gt(28).as("gt"),
                        col("age").geq(28).as("geq"),
                        col("age").lt(28).as("lt"),
                        col("age").leq(28).as("leq"),
                        col("age").notEqual(28).as("ne"));

        assertThat(df).containsExactly(row(false, true, false, true, false));
    }

    @Test
    void arithmetic_withNullOperand_isNull() {
        DataFrame df = people().filter(col("id").equalTo(2L))
                .select(
                        col("age").plus(1).as("plus"),
                        col("age").minus(1).as("minus"),
                        col("age").multiply(2).as("times"),
                        col("age").divide(2).as("div"));

        assertThat(df).containsExactly(row(null, null, null, null));
    }

    @Test
    void arithmetic_onIntegers_staysInteger() {
        DataFrame df = people().filter(col("id").equalTo(1L))
                .select(
                        col("age").plus(1).as("plus"),
                        col("age").minus(40).as("minus"),
                        col("age").multiply(2).as("x"));

        assertThat(df).hasColumnType("plus", DataTypes.INTEGER).containsExactly(row(37, -4, 72));
    }

    @Test
    void divide_integers_givesDouble() {
        assertThat(people().filter(col("id").equalTo(1L))
                        .select(col("age").divide(8).as("r")))
                .hasColumnType("r", DataTypes.DOUBLE)
                .containsExactly(row(4.5));
    }

    @Test
    void mod_integers_givesTheRemainder() {
        assertThat(people().filter(col("id").equalTo(4L))
                        .select(col("age").mod(10).as("r")))
                .containsExactly(row(2));
    }

    @Test
    void negate_number_flipsTheSign() {
        assertThat(people().filter(col("id").equalTo(1L))
                        .select(col("age").negate().as("r")))
                .containsExactly(row(-36));
    }

    @Test
    void isin_candidates_isTrueFalseOrNullForNull() {
        assertThat(people().select(col("name"), col("age").isin(28, 36).as("r")))
                .containsExactlyInAnyOrder(
                        row("Ada", true), row("Grace", null), row("Linus", true), row("Edsger", false));
    }

    // ------------------------------------------------------------------ text

    @Test
    void contains_nullText_isNull() {
        assertThat(people().select(col("name"), col("city").contains("on").as("r")))
                .containsExactlyInAnyOrder(
                        row("Ada", true), row("Grace", false), row("Linus", null), row("Edsger", false));
    }

    @Test
    void startsWithAndEndsWith_matchTheEnds() {
        assertThat(people().select(
                                col("name"),
                                col("city").startsWith("New").as("s"),
                                col("city").endsWith("dam").as("e")))
                .containsExactlyInAnyOrder(
                        row("Ada", false, false),
                        row("Grace", true, false),
                        row("Linus", null, null),
                        row("Edsger", false, true));
    }

    @Test
    void like_sqlPattern_matchesWholeValue() {
        assertThat(people().filter(col("name").like("_d%")).select("name"))
                .containsExactlyInAnyOrder(row("Ada"), row("Edsger"));
    }

    @Test
    void rlike_regex_matchesAnywhere() {
        assertThat(people().filter(col("city").rlike("Y.r")).select("name")).containsExactly(row("Grace"));
    }

    @Test
    void upperAndLength_nullText_isNull() {
        assertThat(texts("abc", null)
                        .select(upper(col("s")).as("u"), length(col("s")).as("n")))
                .hasColumnType("n", DataTypes.LONG)
                .containsExactlyInAnyOrder(row("ABC", 3L), row(null, null));
    }

    @Test
    void concat_anyNull_isNull() {
        assertThat(people().select(
                                col("name"),
                                concat(col("name"), lit(" of "), col("city")).as("r")))
                .containsExactlyInAnyOrder(
                        row("Ada", "Ada of London"),
                        row("Grace", "Grace of New York"),
                        row("Linus", null),
                        row("Edsger", "Edsger of Rotterdam"));
    }

    @Test
    void concatWs_skipsNulls() {
        assertThat(people().filter(col("id").equalTo(3L))
                        .select(concatWs(", ", col("name"), col("city")).as("r")))
                .containsExactly(row("Linus"));
    }

    // ------------------------------------------------------------------ conditionals

    @Test
    void when_nullCondition_fallsThroughToOtherwise() {
        DataFrame df = people().select(
                        col("name"),
                        when(col("age").gt(60), "senior")
                                .when(col("age").gt(30), "adult")
                                .otherwise("young")
                                .as("r"));

        assertThat(df)
                .containsExactlyInAnyOrder(
                        row("Ada", "adult"), row("Grace", "young"), row("Linus", "young"), row("Edsger", "senior"));
    }

    @Test
    void when_withoutOtherwise_isNullWhereNoBranchHolds() {
        assertThat(people().select(
                                col("name"), when(col("age").gt(60), "senior").as("r")))
                .containsExactlyInAnyOrder(
                        row("Ada", null), row("Grace", null), row("Linus", null), row("Edsger", "senior"));
    }

    @Test
    void coalesce_takesTheFirstNonNull() {
        assertThat(people().select(
                                col("name"),
                                coalesce(col("city"), lit("unknown")).as("r")))
                .containsExactlyInAnyOrder(
                        row("Ada", "London"),
                        row("Grace", "New York"),
                        row("Linus", "unknown"),
                        row("Edsger", "Rotterdam"));
    }

    @Test
    void coalesce_nullLiteral_takesTheColumnsType() {
        assertThat(people().select(coalesce(col("age"), lit(null)).as("r")))
                .hasColumnType("r", DataTypes.INTEGER)
                .containsExactlyInAnyOrder(row(36), row(null), row(28), row(72));
    }

    // ------------------------------------------------------------------ Java functions

    @Test
    void countTokens_text_countsO200kTokens() {
        assertThat(texts("hello world", "The quick brown fox jumps over the lazy dog.", "naïve café 東京")
                        .select(col("s"), Text.countTokens(col("s")).as("tokens")))
                .hasColumnType("tokens", DataTypes.LONG)
                .containsExactlyInAnyOrder(
                        row("hello world", 2L),
                        row("The quick brown fox jumps over the lazy dog.", 10L),
                        row("naïve café 東京", 5L));
    }

    @Test
    void countTokens_nullAndEmpty_giveNullAndZero() {
        assertThat(texts(null, "").select(col("s"), Text.countTokens(col("s")).as("tokens")))
                .containsExactlyInAnyOrder(row(null, null), row("", 0L));
    }

    @Test
    void countTokens_inFilter_works() {
        assertThat(texts("hello world", "a", "hello there world")
                        .filter(Text.countTokens(col("s")).gt(1L)))
                .containsExactlyInAnyOrder(row("hello world"), row("hello there world"));
    }
}
