package dev.quarry;

import static dev.quarry.functions.Functions.*;
import static dev.quarry.testing.Maps.row;
import static dev.quarry.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Literal;
import dev.quarry.internal.expr.SortKey;
import dev.quarry.internal.plan.Cache;
import dev.quarry.internal.plan.Distinct;
import dev.quarry.internal.plan.DropDuplicates;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.Join;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.Sort;
import dev.quarry.internal.plan.Union;
import dev.quarry.testing.FakeBackend;
import dev.quarry.testing.TestSessions;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each transformation builds the right immutable plan node with resolved expressions. */
class DataFrameBuildingTest {
    @TempDir
    Path dir;

    private Session session;
    private DataFrame orders;
    private DataFrame customers;

    @BeforeEach
    void setUp() {
        FakeBackend backend = new FakeBackend();
        backend.files.put(
                "orders.csv",
                Schema.of(
                        field("id", LONG),
                        field("customer_id", INTEGER),
                        field("amount", DOUBLE),
                        field("status", STRING)));
        backend.files.put("customers.csv", Schema.of(field("id", LONG), field("name", STRING)));
        session = TestSessions.session(backend, dir);
        orders = session.read().csv("orders.csv");
        customers = session.read().csv("customers.csv");
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    @Test
    void transformations_leaveTheSourceUnchanged() {
        Schema before = orders.schema();
        orders.withColumn("x", lit(1)).drop("status");
        assertThat(orders.schema()).isEqualTo(before);
    }

    @Test
    void select_unaliasedExpression_isNamedAsWritten() {
        DataFrame df = orders.select(col("amount").multiply(2));
        assertThat(df.columns()).containsExactly("(amount * 2)");
        assertThat(df.schema().field("(amount * 2)").type()).isEqualTo(DOUBLE);
    }

    @Test
    void select_mixedNumericTypes_widenWithACast() {
        DataFrame df = orders.select(col("customer_id").plus(col("id")).as("s"));
        assertThat(df.schema().field("s").type()).isEqualTo(LONG);
        Alias a = (Alias) ((Project) df.logicalPlan()).projections().get(0);
        assertThat(a.child().toString()).isEqualTo("(CAST(customer_id AS bigint) + id)");
    }

    @Test
    void withColumn_existingName_replacesInPlace() {
        DataFrame df = orders.withColumn("amount", col("amount").cast(STRING));
        assertThat(df.columns()).containsExactly("id", "customer_id", "amount", "status");
        assertThat(df.schema().field("amount").type()).isEqualTo(STRING);
    }

    @Test
    void withColumn_newName_appends() {
        DataFrame df = orders.withColumn("vat", col("amount").multiply(0.2));
        assertThat(df.columns()).containsExactly("id", "customer_id", "amount", "status", "vat");
    }

    @Test
    void withColumns_allReadTheInput() {
        Map<String, Column> cols = new LinkedHashMap<>();
        cols.put("amount", lit(0.0));
        cols.put("old", col("amount"));
        DataFrame df = orders.withColumns(cols);
        Project p = (Project) df.logicalPlan();
        assertThat(p.projections().get(4)).isEqualTo(new Alias(new ColumnRef("amount", DOUBLE, true), "old"));
    }

    @Test
    void withColumnRenamed_keepsPosition() {
        assertThat(orders.withColumnRenamed("status", "state").columns())
                .containsExactly("id", "customer_id", "amount", "state");
    }

    @Test
    void filter_buildsFilterWithResolvedCondition() {
        DataFrame df = orders.filter(col("status").equalTo("open"));
        Filter f = (Filter) df.logicalPlan();
        assertThat(f.condition().resolved()).isTrue();
        assertThat(f.condition().toString()).isEqualTo("(status = 'open')");
    }

    @Test
    void filter_intColumnWithLongLiteral_foldsTheLiteral() {
        Filter f = (Filter) orders.filter(col("customer_id").gt(5L)).logicalPlan();
        assertThat(f.condition().toString()).isEqualTo("(CAST(customer_id AS bigint) > 5)");
        Filter g = (Filter) orders.filter(col("id").gt(5)).logicalPlan();
        assertThat(g.condition().children().get(1)).isEqualTo(new Literal(5L, LONG));
    }

    @Test
    void filter_dateAgainstText_parsesTheText() {
        DataFrame df = session.createDataFrame(List.of(row("d", java.time.LocalDate.of(2024, 1, 1))));
        Filter f = (Filter) df.filter(col("d").geq("2024-01-01")).logicalPlan();
        assertThat(f.condition().children().get(1)).isEqualTo(new Literal(java.time.LocalDate.of(2024, 1, 1), DATE));
    }

    @Test
    void coalesce_withNullLiteral_takesTheColumnType() {
        DataFrame df = orders.select(coalesce(col("amount"), lit(null)).as("a"));
        assertThat(df.schema().field("a").type()).isEqualTo(DOUBLE);
    }

    @Test
    void when_branches_haveTheCommonType() {
        DataFrame df = orders.select(when(col("amount").gt(100), 1)
                .when(col("amount").gt(10), 2L)
                .otherwise(lit(null))
                .as("bucket"));
        assertThat(df.schema().field("bucket").type()).isEqualTo(LONG);
        assertThat(df.schema().field("bucket").nullable()).isTrue();
    }

    @Test
    void orderBy_plainColumn_sortsAscendingNullsFirst() {
        Sort s = (Sort) orders.orderBy(col("amount"), col("id").desc()).logicalPlan();
        assertThat(s.keys())
                .containsExactly(
                        new SortKey(new ColumnRef("amount", DOUBLE, true), true, true),
                        new SortKey(new ColumnRef("id", LONG, true), false, false));
    }

    @Test
    void dropDuplicates_withoutColumns_isDistinct() {
        assertThat(orders.dropDuplicates().logicalPlan()).isInstanceOf(Distinct.class);
        DropDuplicates d = (DropDuplicates) orders.dropDuplicates("STATUS").logicalPlan();
        assertThat(d.columns()).containsExactly("status");
    }

    @Test
    void cache_twice_addsOneMarker() {
        DataFrame df = orders.cache().cache();
        assertThat(df.logicalPlan()).isInstanceOf(Cache.class);
        assertThat(((Cache) df.logicalPlan()).child()).isNotInstanceOf(Cache.class);
    }

    @Test
    void groupBy_agg_outputsKeysThenAggregates() {
        DataFrame df = orders.groupBy("status")
                .agg(
                        count(col("*")).as("n"),
                        sum(col("customer_id")).as("s"),
                        avg(col("amount")),
                        collectList(col("id")));
        assertThat(df.columns()).containsExactly("status", "n", "s", "avg(amount)", "collect_list(id)");
        assertThat(df.schema().field("s").type()).isEqualTo(LONG);
        assertThat(df.schema().field("collect_list(id)").type()).isEqualTo(arrayOf(LONG));
    }

    @Test
    void groupedCount_addsCountColumn() {
        assertThat(orders.groupBy(col("status")).count().columns()).containsExactly("status", "count");
    }

    @Test
    void agg_withoutGroups_givesGlobalAggregate() {
        DataFrame df = orders.agg(
                max(col("amount")).as("top"), countDistinct(col("status")).as("statuses"));
        assertThat(df.columns()).containsExactly("top", "statuses");
    }

    // ------------------------------------------------------------------ joins

    @Test
    void joinUsing_keyAppearsOnce() {
        DataFrame renamed = customers.withColumnRenamed("id", "customer_id");
        DataFrame df = orders.join(renamed, "customer_id");
        assertThat(df.columns()).containsExactly("customer_id", "id", "amount", "status", "name");
        assertThat(df.schema().field("customer_id").type()).isEqualTo(LONG);
    }

    @Test
    void join_duplicateOutputName_suggestsUsingColumnsOrRename() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class,
                () -> orders.join(customers, orders.col("customer_id").equalTo(customers.col("id"))));
        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_COLUMN);
        assertThat(e.getMessage())
                .contains("column 'id' twice")
                .contains("join(other, \"id\")")
                .contains("withColumnRenamed(\"id\", \"other_id\")");
    }

    @Test
    void join_frameBoundColumns_pickTheirSide() {
        DataFrame df = orders.join(customers, orders.col("id").equalTo(customers.col("id")), JoinType.SEMI);
        Join j = (Join) df.logicalPlan();
        assertThat(j.condition().toString()).isEqualTo("(left.id = right.id)");
        assertThat(df.columns()).containsExactly("id", "customer_id", "amount", "status");
    }

    @Test
    void join_columnOfAnAncestorFrame_resolvesToItsSide() {
        DataFrame open = orders.filter(col("status").equalTo("open"));
        DataFrame df = open.join(customers, orders.col("customer_id").equalTo(customers.col("id")), JoinType.ANTI);
        assertThat(((Join) df.logicalPlan()).condition().toString())
                .isEqualTo("(CAST(left.customer_id AS bigint) = right.id)");
    }

    @Test
    void join_unqualifiedNameOnBothSides_isAmbiguous() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> orders.join(customers, col("id").equalTo(col("id")), JoinType.SEMI));
        assertThat(e.code()).isEqualTo(ErrorCode.AMBIGUOUS_COLUMN);
        assertThat(e.getMessage()).contains("both sides");
    }

    @Test
    void join_selfJoinWithFrameColumns_isAmbiguous() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class,
                () -> orders.join(
                        orders.filter(col("amount").gt(1)), orders.col("id").equalTo(orders.col("id")), JoinType.SEMI));
        assertThat(e.code()).isEqualTo(ErrorCode.AMBIGUOUS_COLUMN);
        assertThat(e.getMessage()).contains("self-join");
    }

    @Test
    void join_unknownColumn_listsBothSides() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> orders.join(customers, col("nme").isNotNull(), JoinType.SEMI));
        assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(e.getMessage())
                .contains("left: id, customer_id")
                .contains("right: id, name")
                .contains("'name'");
    }

    @Test
    void joinUsing_missingKey_namesTheSide() {
        QuarryException e = catchThrowableOfType(QuarryException.class, () -> orders.join(customers, "name"));
        assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(e.getMessage()).contains("not found on the left side");
    }

    @Test
    void join_crossTypeWithCondition_pointsToCrossJoin() {
        QuarryException e =
                catchThrowableOfType(QuarryException.class, () -> orders.join(customers, lit(true), JoinType.CROSS));
        assertThat(e.getMessage()).contains("crossJoin(other)");
    }

    @Test
    void leftJoin_rightColumnsBecomeNullable() {
        Schema s = Schema.of(new StructField("k", LONG, false), new StructField("v", STRING, false));
        Schema t = Schema.of(new StructField("k", LONG, false), new StructField("w", STRING, false));
        DataFrame a = session.createDataFrame(List.of(), s);
        DataFrame b = session.createDataFrame(List.of(), t);
        DataFrame df = a.join(b, "k", JoinType.LEFT);
        assertThat(df.schema().field("v").nullable()).isFalse();
        assertThat(df.schema().field("w").nullable()).isTrue();
    }

    @Test
    void join_otherSession_isRefused() {
        FakeBackend other = new FakeBackend();
        other.files.put("x.csv", Schema.of(field("id", LONG)));
        try (Session s2 = TestSessions.session(other, dir.resolve("other"))) {
            DataFrame foreign = s2.read().csv("x.csv");
            QuarryException e = catchThrowableOfType(QuarryException.class, () -> orders.join(foreign, "id"));
            assertThat(e.getMessage()).contains("another session");
        }
    }

    // ------------------------------------------------------------------ unions

    @Test
    void union_byPosition_widensTypes() {
        DataFrame a = orders.select(col("customer_id").as("x"));
        DataFrame b = customers.select(col("id").as("y"));
        DataFrame u = a.union(b);
        assertThat(u.columns()).containsExactly("x");
        assertThat(u.schema().field("x").type()).isEqualTo(LONG);
    }

    @Test
    void union_chained_isOneUnion() {
        DataFrame a = orders.select("id");
        Union u = (Union) a.union(a).union(a).logicalPlan();
        assertThat(u.inputs()).hasSize(3);
    }

    @Test
    void union_differentColumnCount_pointsToUnionByName() {
        QuarryException e = catchThrowableOfType(QuarryException.class, () -> orders.union(customers));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage())
                .contains("left has 4")
                .contains("right has 2")
                .contains("unionByName(other, true)");
    }

    @Test
    void union_incompatibleTypes_namesColumnAndTypes() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> orders.select("status").union(customers.select("id")));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("'status' (string)").contains("'id' (bigint)");
    }

    @Test
    void unionByName_reordersTheOtherSide() {
        DataFrame a = customers.select("id", "name");
        DataFrame b = customers.select("name", "id");
        Union u = (Union) a.unionByName(b).logicalPlan();
        assertThat(u.inputs().get(1).schema().names()).containsExactly("id", "name");
    }

    @Test
    void unionByName_missingColumns_failUnlessAllowed() {
        QuarryException e = catchThrowableOfType(QuarryException.class, () -> orders.unionByName(customers));
        assertThat(e.getMessage()).contains("the right lacks [customer_id, amount, status]");
        DataFrame u = customers.unionByName(orders.select("id", "status"), true);
        assertThat(u.columns()).containsExactly("id", "name", "status");
    }

    @Test
    void filter_columnOfUnrelatedDataFrame_isRefused() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> orders.filter(customers.col("id").gt(1)));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("taken from another DataFrame");
    }

    @Test
    void select_columnOfAnAncestor_isAllowed() {
        DataFrame joined = orders.join(customers.withColumnRenamed("id", "customer_id"), "customer_id");
        assertThat(joined.select(orders.col("amount"), customers.col("name")).columns())
                .containsExactly("amount", "name");
    }

    @Test
    void join_columnOfAThirdDataFrame_isRefused() {
        DataFrame third = customers.select("name");
        QuarryException e = catchThrowableOfType(
                QuarryException.class,
                () -> orders.join(customers, orders.col("id").equalTo(third.col("name")), JoinType.SEMI));
        assertThat(e.getMessage()).contains("feeds neither side");
    }

    @Test
    void union_structsDifferingInNullability_unifyToTheNullableStruct() {
        Schema notNull = Schema.of(field("s", structOf(new StructField("a", LONG, false))));
        Schema nullable = Schema.of(field("s", structOf(new StructField("a", INTEGER, true))));
        DataFrame u = session.createDataFrame(List.of(), notNull).union(session.createDataFrame(List.of(), nullable));
        assertThat(u.schema().field("s").type()).isEqualTo(structOf(new StructField("a", LONG, true)));
    }
}
