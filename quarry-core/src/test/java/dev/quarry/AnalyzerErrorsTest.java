package dev.quarry;

import static dev.quarry.functions.Functions.*;
import static dev.quarry.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.testing.FakeBackend;
import dev.quarry.testing.TestSessions;
import dev.quarry.types.Schema;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad programs fail when the DataFrame is built, with messages that help. */
class AnalyzerErrorsTest {
    @TempDir
    Path dir;

    private Session session;
    private DataFrame tickets;

    @BeforeEach
    void setUp() {
        FakeBackend backend = new FakeBackend();
        backend.files.put(
                "tickets.csv",
                Schema.of(
                        field("id", LONG),
                        field("name", STRING),
                        field("body", STRING),
                        field("created", DATE),
                        field("info", structOf(field("product", STRING), field("refund", BOOLEAN))),
                        field("tags", arrayOf(STRING))));
        session = TestSessions.session(backend, dir);
        tickets = session.read().csv("tickets.csv");
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private static QuarryException error(ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(QuarryException.class);
        return (QuarryException) t;
    }

    @Test
    void select_unknownColumn_listsAvailableAndSuggests() {
        QuarryException e = error(() -> tickets.select(col("nmae")));
        assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(e.getMessage())
                .isEqualTo("Column 'nmae' not found. Available: id, name, body, created, info, tags."
                        + " Did you mean 'name'?");
    }

    @Test
    void filter_unknownColumnInsideExpression_failsAtTheCall() {
        QuarryException e =
                error(() -> tickets.filter(col("id").gt(1).and(col("bdy").isNotNull())));
        assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(e.getMessage()).contains("'bdy'").contains("Did you mean 'body'?");
    }

    @Test
    void col_onDataFrame_checksTheNameAtOnce() {
        QuarryException e = error(() -> tickets.col("idd"));
        assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(e.getMessage()).contains("Did you mean 'id'?");
    }

    @Test
    void select_columnNameInOtherCase_resolvesToTheSchemaName() {
        assertThat(tickets.select(col("NAME")).columns()).containsExactly("name");
    }

    @Test
    void select_dottedPath_readsTheStructField() {
        DataFrame df = tickets.select(col("info.product"));
        assertThat(df.columns()).containsExactly("product");
        assertThat(df.schema().field("product").type()).isEqualTo(STRING);
    }

    @Test
    void select_unknownStructField_listsFieldsAndSuggests() {
        QuarryException e = error(() -> tickets.select(col("info.prodcut")));
        assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(e.getMessage())
                .contains("Field 'prodcut' not found in struct 'info'")
                .contains("Available fields: product, refund")
                .contains("Did you mean 'product'?");
    }

    @Test
    void getField_onNonStruct_saysTheType() {
        QuarryException e = error(() -> tickets.select(col("name").getField("x")));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("it is string, not a struct");
    }

    @Test
    void plus_stringAndNumber_saysWhichTypes() {
        QuarryException e = error(() -> tickets.select(col("name").plus(1)));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage())
                .contains("Operator '+' needs numbers")
                .contains("name is string")
                .contains("1 is int");
    }

    @Test
    void equalTo_incomparableTypes_saysBothTypes() {
        QuarryException e = error(() -> tickets.filter(col("id").equalTo(col("tags"))));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("id (bigint)").contains("tags (array<string>)");
    }

    @Test
    void filter_nonBooleanCondition_isTypeMismatch() {
        QuarryException e = error(() -> tickets.filter(col("name")));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("filter needs a boolean condition").contains("name (string)");
    }

    @Test
    void and_nonBooleanOperand_isTypeMismatch() {
        QuarryException e = error(() -> tickets.filter(col("id").gt(1).and(col("name"))));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("needs boolean operands").contains("name (string)");
    }

    @Test
    void sum_ofText_saysItIsNotNumeric() {
        QuarryException e = error(() -> tickets.agg(sum(col("body"))));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("sum needs a numeric column").contains("body (string)");
    }

    @Test
    void upper_ofNumber_namesTheArgumentAndType() {
        QuarryException e = error(() -> tickets.select(upper(col("id"))));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("Argument 1 of upper must be text").contains("is bigint");
    }

    @Test
    void cast_structToNumber_isRefused() {
        QuarryException e = error(() -> tickets.select(col("info").cast(LONG)));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("Cannot cast info").contains("to bigint");
    }

    @Test
    void comparison_dateWithBadDateText_failsAtOnce() {
        QuarryException e = error(() -> tickets.filter(col("created").gt("2024-13-45")));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("'2024-13-45'").contains("yyyy-MM-dd");
    }

    @Test
    void isin_candidatesOfAnotherType_isTypeMismatch() {
        QuarryException e = error(() -> tickets.filter(col("id").isin("a", "b")));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("isin on id (bigint)");
    }

    @Test
    void select_aggregate_pointsToAgg() {
        QuarryException e = error(() -> tickets.select(count(col("id"))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        assertThat(e.getMessage()).contains("count(id)").contains("agg(...)");
    }

    @Test
    void filter_aggregate_isRefused() {
        QuarryException e = error(() -> tickets.filter(max(col("id")).gt(3)));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
    }

    @Test
    void agg_columnNeitherGroupedNorAggregated_saysWhatToDo() {
        QuarryException e = error(() -> tickets.groupBy(col("name")).agg(col("body"), count(col("id"))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        assertThat(e.getMessage())
                .contains("Column 'body'")
                .contains("neither grouped nor aggregated")
                .contains("first(col(\"body\"))")
                .contains("Grouped by: name");
    }

    @Test
    void agg_nestedAggregate_isRefused() {
        QuarryException e = error(() -> tickets.agg(sum(count(col("id")))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        assertThat(e.getMessage()).contains("nested");
    }

    @Test
    void agg_expressionOfGroupingKey_isAllowed() {
        DataFrame df = tickets.groupBy(col("id"))
                .agg(col("id").plus(1).as("next"), count(col("*")).as("n"));
        assertThat(df.columns()).containsExactly("id", "next", "n");
    }

    @Test
    void select_sameNameTwice_isDuplicateColumn() {
        QuarryException e = error(() -> tickets.select(col("id"), col("name").as("ID")));
        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_COLUMN);
        assertThat(e.getMessage()).contains("'ID'").contains(".as(");
    }

    @Test
    void withColumnRenamed_toExistingName_isDuplicateColumn() {
        QuarryException e = error(() -> tickets.withColumnRenamed("body", "name"));
        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_COLUMN);
    }

    @Test
    void drop_unknownColumn_isColumnNotFound() {
        QuarryException e = error(() -> tickets.drop("nam"));
        assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(e.getMessage()).contains("Did you mean 'name'?");
    }

    @Test
    void drop_everyColumn_isInvalidArgument() {
        QuarryException e = error(() -> tickets.drop("id", "name", "body", "created", "info", "tags"));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void limit_negative_isInvalidArgument() {
        assertThatThrownBy(() -> tickets.limit(-1))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("limit must be 0 or more, was -1");
    }

    @Test
    void explode_nonArray_saysTheTypeAndSuggestsUnnestForStructs() {
        QuarryException e = error(() -> tickets.explode("info"));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("'info' is struct<").contains("unnest(\"info\")");
    }

    @Test
    void unnest_fieldClashingWithColumn_isDuplicateColumn() {
        QuarryException e =
                error(() -> tickets.withColumnRenamed("name", "product").unnest("info"));
        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_COLUMN);
        assertThat(e.getMessage()).contains("'product'");
    }

    @Test
    void otherwise_onPlainColumn_isInvalidArgument() {
        QuarryException e = error(() -> col("a").otherwise(1));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("Functions.when");
    }

    @Test
    void when_branchesOfDifferentTypes_saysTheTypes() {
        QuarryException e =
                error(() -> tickets.select(when(col("id").gt(1), "big").otherwise(col("id"))));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("'big' (string)").contains("id (bigint)");
    }

    @Test
    void lit_unsupportedJavaType_namesTheType() {
        QuarryException e = error(() -> lit(new Object()));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("java.lang.Object");
    }

    @Test
    void select_star_expandsEveryColumn() {
        assertThat(tickets.select(col("*")).columns()).isEqualTo(tickets.columns());
    }

    @Test
    void filter_starColumn_isInvalidArgument() {
        QuarryException e = error(() -> tickets.filter(col("*").isNull()));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
