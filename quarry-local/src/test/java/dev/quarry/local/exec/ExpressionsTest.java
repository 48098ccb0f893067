package dev.quarry.local.exec;

import static dev.quarry.local.LocalFixtures.as;
import static dev.quarry.local.LocalFixtures.col;
import static dev.quarry.local.LocalFixtures.column;
import static dev.quarry.local.LocalFixtures.field;
import static dev.quarry.local.LocalFixtures.lit;
import static dev.quarry.local.LocalFixtures.op;
import static dev.quarry.local.LocalFixtures.rows;
import static dev.quarry.local.LocalFixtures.schema;
import static dev.quarry.local.LocalFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.BinaryOp.Operator;
import dev.quarry.internal.expr.CaseWhen;
import dev.quarry.internal.expr.Cast;
import dev.quarry.internal.expr.Coalesce;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.GetField;
import dev.quarry.internal.expr.GetItem;
import dev.quarry.internal.expr.In;
import dev.quarry.internal.expr.ScalarFunction;
import dev.quarry.internal.expr.StringMatch;
import dev.quarry.internal.expr.UnaryOp;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.Project;
import dev.quarry.local.LocalBackend;
import dev.quarry.local.LocalFixtures;
import dev.quarry.types.DataType;
import dev.quarry.types.DataTypes;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Expression semantics: Spark's meaning where it differs from DuckDB's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpressionsTest {
    LocalBackend backend;

    final LocalRelation one = rows(
            schema(
                    field("n", DataTypes.LONG),
                    field("zero", DataTypes.LONG),
                    field("d", DataTypes.DOUBLE),
                    field("s", DataTypes.STRING),
                    field("tags", DataTypes.arrayOf(DataTypes.STRING)),
                    field("info", DataTypes.structOf(DataTypes.field("product", DataTypes.STRING))),
                    field("e", DataTypes.embedding(3, "m")),
                    field("nothing", DataTypes.STRING)),
            values(
                    7L,
                    0L,
                    -2.7,
                    "hello world",
                    List.of("a", "b"),
                    Map.of("product", "x"),
                    new float[] {1f, 2f, 3f},
                    null));

    @BeforeAll
    void open(@TempDir Path dir) {
        backend = LocalFixtures.backend(dir);
    }

    @AfterAll
    void close() {
        backend.close();
    }

    private Object eval(Expression e) {
        return column(backend, new Project(one, List.of(as(e, "v"))), 0).get(0);
    }

    private Expression c(String name) {
        return col(one, name);
    }

    private Expression fn(String name, DataType type, Expression... args) {
        return new ScalarFunction(name, Arrays.asList(args), type, true);
    }

    @Test
    void divide_isDoubleDivision() {
        assertThat(eval(op(Operator.DIVIDE, c("n"), lit(2L, DataTypes.LONG)))).isEqualTo(3.5);
    }

    @Test
    void divide_byZeroIsNull() {
        assertThat(eval(op(Operator.DIVIDE, c("n"), c("zero")))).isNull();
        assertThat(eval(op(Operator.DIVIDE, c("d"), lit(0.0, DataTypes.DOUBLE))))
                .isNull();
    }

    @Test
    void modulo_byZeroIsNullAndKeepsDividendSign() {
        assertThat(eval(op(Operator.MODULO, c("n"), c("zero")))).isNull();
        assertThat(eval(op(Operator.MODULO, lit(-7L, DataTypes.LONG), lit(3L, DataTypes.LONG))))
                .isEqualTo(-1L);
    }

    @Test
    void getItem_isZeroBasedAndNullOutOfRange() {
        assertThat(eval(new GetItem(c("tags"), lit(0, DataTypes.INTEGER)))).isEqualTo("a");
        assertThat(eval(new GetItem(c("tags"), lit(5, DataTypes.INTEGER)))).isNull();
        assertThat(eval(new GetItem(c("tags"), lit(-1, DataTypes.INTEGER)))).isNull();
        assertThat(eval(new GetItem(c("tags"), op(Operator.MINUS, c("zero"), lit(1L, DataTypes.LONG)))))
                .isNull();
    }

    @Test
    void getItem_readsEmbeddingElements() {
        assertThat(eval(new GetItem(c("e"), lit(2, DataTypes.INTEGER)))).isEqualTo(3.0f);
    }

    @Test
    void getField_readsStructField() {
        assertThat(eval(new GetField(c("info"), "product"))).isEqualTo("x");
    }

    @Test
    void rlike_matchesAnywhere() {
        assertThat(eval(new StringMatch(StringMatch.Kind.RLIKE, c("s"), lit("o w", DataTypes.STRING))))
                .isEqualTo(true);
        assertThat(eval(new StringMatch(StringMatch.Kind.RLIKE, c("s"), lit("^world", DataTypes.STRING))))
                .isEqualTo(false);
    }

    @Test
    void stringMatches_containsStartsEndsLike() {
        assertThat(eval(new StringMatch(StringMatch.Kind.CONTAINS, c("s"), lit("lo w", DataTypes.STRING))))
                .isEqualTo(true);
        assertThat(eval(new StringMatch(StringMatch.Kind.STARTS_WITH, c("s"), lit("hell", DataTypes.STRING))))
                .isEqualTo(true);
        assertThat(eval(new StringMatch(StringMatch.Kind.ENDS_WITH, c("s"), lit("hello", DataTypes.STRING))))
                .isEqualTo(false);
        assertThat(eval(new StringMatch(StringMatch.Kind.LIKE, c("s"), lit("h_llo%", DataTypes.STRING))))
                .isEqualTo(true);
        assertThat(eval(new StringMatch(StringMatch.Kind.LIKE, c("s"), lit("h\\_llo%", DataTypes.STRING))))
                .isEqualTo(false);
    }

    @Test
    void cast_fractionToIntegralTruncates() {
        assertThat(eval(new Cast(c("d"), DataTypes.LONG, false))).isEqualTo(-2L);
        assertThat(eval(new Cast(lit(2.7, DataTypes.DOUBLE), DataTypes.INTEGER, false)))
                .isEqualTo(2);
    }

    @Test
    void cast_failureNamesTheValue() {
        assertThatThrownBy(() -> eval(new Cast(c("s"), DataTypes.LONG, false)))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CAST_FAILED))
                .hasMessageContaining("hello world")
                .hasMessageContaining("lenient");
    }

    @Test
    void cast_lenientGivesNull() {
        assertThat(eval(new Cast(c("s"), DataTypes.LONG, true))).isNull();
        assertThat(eval(new Cast(lit("12", DataTypes.STRING), DataTypes.LONG, true)))
                .isEqualTo(12L);
    }

    @Test
    void cast_arrayToEmbedding() {
        Expression floats = new Cast(
                lit(List.of(1.0, 2.0), DataTypes.arrayOf(DataTypes.DOUBLE)), DataTypes.embedding(2, "m"), false);
        assertThat((float[]) eval(floats)).containsExactly(1f, 2f);
    }

    @Test
    void logic_andOrNotIsNullIn() {
        Expression isNull = new UnaryOp(UnaryOp.Operator.IS_NULL, c("nothing"));
        assertThat(eval(op(Operator.AND, isNull, new UnaryOp(UnaryOp.Operator.NOT, lit(false, DataTypes.BOOLEAN)))))
                .isEqualTo(true);
        assertThat(eval(new In(c("n"), List.of(lit(1L, DataTypes.LONG), lit(7L, DataTypes.LONG)))))
                .isEqualTo(true);
        assertThat(eval(new UnaryOp(UnaryOp.Operator.NEGATE, c("n")))).isEqualTo(-7L);
    }

    @Test
    void caseWhenAndCoalesce() {
        Expression when = new CaseWhen(
                List.of(new CaseWhen.Branch(
                        op(Operator.GT, c("n"), lit(5L, DataTypes.LONG)), lit("big", DataTypes.STRING))),
                lit("small", DataTypes.STRING));
        assertThat(eval(when)).isEqualTo("big");
        assertThat(eval(new Coalesce(List.of(c("nothing"), c("s"))))).isEqualTo("hello world");
    }

    @Test
    void functions_textFunctions() {
        assertThat(eval(fn("upper", DataTypes.STRING, c("s")))).isEqualTo("HELLO WORLD");
        assertThat(eval(fn("length", DataTypes.LONG, c("s")))).isEqualTo(11L);
        assertThat(eval(fn("trim", DataTypes.STRING, lit("  x ", DataTypes.STRING))))
                .isEqualTo("x");
        assertThat(eval(fn(
                        "replace", DataTypes.STRING, c("s"), lit("o", DataTypes.STRING), lit("0", DataTypes.STRING))))
                .isEqualTo("hell0 w0rld");
        assertThat(eval(fn(
                        "split",
                        DataTypes.arrayOf(DataTypes.STRING),
                        lit("a.b", DataTypes.STRING),
                        lit(".", DataTypes.STRING))))
                .isEqualTo(List.of("a", "b"));
    }

    @Test
    void functions_concatIsNullWhenAnyArgumentIsNull() {
        assertThat(eval(fn("concat", DataTypes.STRING, c("s"), lit("!", DataTypes.STRING))))
                .isEqualTo("hello world!");
        assertThat(eval(fn("concat", DataTypes.STRING, c("s"), c("nothing")))).isNull();
        assertThat(eval(fn(
                        "concat_ws",
                        DataTypes.STRING,
                        lit("-", DataTypes.STRING),
                        c("s"),
                        c("nothing"),
                        lit("x", DataTypes.STRING))))
                .isEqualTo("hello world-x");
    }

    @Test
    void functions_substringFollowsSpark() {
        Expression s = lit("hello", DataTypes.STRING);
        assertThat(eval(fn("substring", DataTypes.STRING, s, lit(0, DataTypes.INTEGER), lit(2, DataTypes.INTEGER))))
                .isEqualTo("he");
        assertThat(eval(fn("substring", DataTypes.STRING, s, lit(2, DataTypes.INTEGER), lit(3, DataTypes.INTEGER))))
                .isEqualTo("ell");
        assertThat(eval(fn("substring", DataTypes.STRING, s, lit(-3, DataTypes.INTEGER), lit(2, DataTypes.INTEGER))))
                .isEqualTo("ll");
        assertThat(eval(fn("substring", DataTypes.STRING, s, lit(-10, DataTypes.INTEGER), lit(8, DataTypes.INTEGER))))
                .isEqualTo("hel");
        assertThat(eval(fn("substring", DataTypes.STRING, s, lit(2, DataTypes.INTEGER), lit(-1, DataTypes.INTEGER))))
                .isEqualTo("");
        assertThat(eval(fn("substring", DataTypes.STRING, s, lit(3, DataTypes.INTEGER))))
                .isEqualTo("llo");
    }

    @Test
    void functions_regexpReplaceReplacesEveryMatchWithJavaGroupSyntax() {
        assertThat(eval(fn(
                        "regexp_replace",
                        DataTypes.STRING,
                        c("s"),
                        lit("(o)", DataTypes.STRING),
                        lit("[$1]", DataTypes.STRING))))
                .isEqualTo("hell[o] w[o]rld");
    }

    @Test
    void functions_numbersKeepTheirType() {
        assertThat(eval(fn("abs", DataTypes.DOUBLE, c("d")))).isEqualTo(2.7);
        assertThat(eval(fn("round", DataTypes.DOUBLE, lit(2.5, DataTypes.DOUBLE))))
                .isEqualTo(3.0);
        assertThat(eval(fn("round", DataTypes.LONG, lit(15L, DataTypes.LONG), lit(-1, DataTypes.INTEGER))))
                .isEqualTo(20L);
        assertThat(eval(fn("floor", DataTypes.LONG, c("n")))).isEqualTo(7L);
        assertThat(eval(fn("ceil", DataTypes.DOUBLE, c("d")))).isEqualTo(-2.0);
        assertThat(eval(fn("sqrt", DataTypes.DOUBLE, lit(16L, DataTypes.LONG)))).isEqualTo(4.0);
    }

    @Test
    void functions_arraysAndDates() {
        assertThat(eval(fn("size", DataTypes.LONG, c("tags")))).isEqualTo(2L);
        assertThat(eval(fn("array_contains", DataTypes.BOOLEAN, c("tags"), lit("b", DataTypes.STRING))))
                .isEqualTo(true);
        Expression date = lit(java.time.LocalDate.of(2024, 3, 9), DataTypes.DATE);
        assertThat(eval(fn("year", DataTypes.LONG, date))).isEqualTo(2024L);
        assertThat(eval(fn("month", DataTypes.LONG, date))).isEqualTo(3L);
        assertThat(eval(fn("day", DataTypes.LONG, date))).isEqualTo(9L);
    }

    @Test
    void functions_countTokensCountsO200kTokens() {
        assertThat(eval(fn("count_tokens", DataTypes.LONG, c("s")))).isEqualTo(2L);
        assertThat(eval(fn("count_tokens", DataTypes.LONG, c("nothing")))).isNull();
    }
}
