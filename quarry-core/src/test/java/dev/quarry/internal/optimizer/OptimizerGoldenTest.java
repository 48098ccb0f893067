package dev.quarry.internal.optimizer;

import static dev.quarry.functions.Functions.*;
import static dev.quarry.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.DataFrame;
import dev.quarry.JoinType;
import dev.quarry.Session;
import dev.quarry.functions.Text;
import dev.quarry.internal.explain.PlanPrinter;
import dev.quarry.internal.optimizer.rules.CollapseProjections;
import dev.quarry.internal.optimizer.rules.MergeFilters;
import dev.quarry.internal.optimizer.rules.PruneColumns;
import dev.quarry.internal.optimizer.rules.PushFiltersBelowProjections;
import dev.quarry.internal.optimizer.rules.PushFiltersIntoJoinSides;
import dev.quarry.internal.optimizer.rules.PushFiltersThroughOperators;
import dev.quarry.internal.optimizer.rules.RemoveRedundantProjections;
import dev.quarry.testing.FakeBackend;
import dev.quarry.testing.GoldenFiles;
import dev.quarry.testing.Maps;
import dev.quarry.testing.TestSessions;
import dev.quarry.types.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden-file tests of the optimizer: each test builds a program, runs the standard optimizer,
 * and compares the logical plan, the optimized plan and the rules that fired to a file under
 * {@code src/test/resources/plans/}. Each rule has at least one test where it fires.
 */
class OptimizerGoldenTest {
    @TempDir
    Path dir;

    private Session session;
    private DataFrame orders;
    private DataFrame customers;
    private DataFrame events;

    @BeforeEach
    void setUp() {
        FakeBackend backend = new FakeBackend();
        backend.files.put(
                "orders.parquet",
                Schema.of(
                        field("order_id", LONG),
                        field("customer_id", LONG),
                        field("amount", DOUBLE),
                        field("status", STRING),
                        field("note", STRING)));
        backend.files.put(
                "customers.parquet",
                Schema.of(
                        field("customer_id", LONG),
                        field("name", STRING),
                        field("country", STRING),
                        field("segment", STRING)));
        backend.files.put(
                "events.json",
                Schema.of(
                        field("id", LONG),
                        field("tags", arrayOf(STRING)),
                        field("info", structOf(field("product", STRING), field("score", DOUBLE))),
                        field("body", STRING)));
        session = TestSessions.session(backend, dir);
        orders = session.read().parquet("orders.parquet");
        customers = session.read().parquet("customers.parquet");
        events = session.read().json("events.json");
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private static OptimizerResult optimize(DataFrame df, String... disabled) {
        return Optimizer.standard().optimize(df.logicalPlan(), Set.of(disabled));
    }

    private static void assertGolden(String name, DataFrame df, String firedRule) {
        OptimizerResult result = optimize(df);
        String fired =
                result.fired().stream().map(r -> r.name() + " x" + r.fired()).collect(Collectors.joining("\n"));
        String text = "== Logical Plan ==\n" + PlanPrinter.print(df.logicalPlan())
                + "\n== Optimized Plan ==\n" + PlanPrinter.print(result.plan())
                + "\n== Rules fired ==\n" + fired + "\n";
        GoldenFiles.assertMatches("plans/" + name + ".txt", text);
        assertThat(result.fired()).extracting(RuleRun::name).contains(firedRule);
        assertThat(result.plan().schema().names()).isEqualTo(df.schema().names());
    }

    // ------------------------------------------------------------------ MergeFilters

    @Test
    void mergeFilters_adjacentFilters_becomeOne() {
        DataFrame df = orders.filter(col("amount").gt(100)).filter(col("status").equalTo("open"));
        assertGolden("merge_filters", df, MergeFilters.NAME);
    }

    @Test
    void mergeFilters_disabled_keepsBothFilters() {
        DataFrame df = orders.filter(col("amount").gt(100)).filter(col("status").equalTo("open"));
        String plan = PlanPrinter.print(optimize(df, MergeFilters.NAME).plan());
        assertThat(plan.split("Filter", -1)).hasSize(3);
    }

    // ------------------------------------------------------------------ PushFiltersBelowProjections

    @Test
    void pushFiltersBelowProjections_computedColumn_isRewrittenBelow() {
        DataFrame df = orders.withColumn("gross", col("amount").multiply(1.2))
                .select(col("order_id"), col("gross"))
                .filter(col("gross").gt(100));
        assertGolden("push_filters_below_projections", df, PushFiltersBelowProjections.NAME);
    }

    @Test
    void pushFiltersBelowProjections_expensiveExpression_staysAbove() {
        DataFrame df = events.withColumn("tokens", Text.countTokens(col("body")))
                .filter(col("tokens").gt(10).and(col("id").gt(5)));
        assertGolden("push_filters_below_projections_expensive", df, PushFiltersBelowProjections.NAME);
    }

    // ------------------------------------------------------------------ PushFiltersIntoJoinSides

    @Test
    void pushFiltersIntoJoinSides_innerUsingJoin_pushesEachSideAndKeysToBoth() {
        DataFrame df = orders.join(customers, "customer_id")
                .filter(col("amount")
                        .gt(100)
                        .and(col("country").equalTo("FR"))
                        .and(col("customer_id").gt(5)));
        assertGolden("push_filters_into_join_sides_inner", df, PushFiltersIntoJoinSides.NAME);
    }

    @Test
    void pushFiltersIntoJoinSides_leftJoin_pushesOnlyLeftPredicates() {
        DataFrame renamed = customers.withColumnRenamed("customer_id", "c_id");
        DataFrame df = orders.join(renamed, col("customer_id").equalTo(col("c_id")), JoinType.LEFT)
                .filter(col("amount").gt(100).and(col("country").equalTo("FR")));
        assertGolden("push_filters_into_join_sides_left", df, PushFiltersIntoJoinSides.NAME);
    }

    @Test
    void pushFiltersIntoJoinSides_twoSidedConjunct_joinsTheCondition() {
        DataFrame renamed = customers.withColumnRenamed("customer_id", "c_id");
        DataFrame df = orders.join(renamed, col("customer_id").equalTo(col("c_id")))
                .filter(col("status").equalTo(col("segment")));
        assertGolden("push_filters_into_join_sides_condition", df, PushFiltersIntoJoinSides.NAME);
    }

    @Test
    void pushFiltersIntoJoinSides_crossJoinWithTwoSidedFilter_becomesInner() {
        DataFrame renamed = customers.withColumnRenamed("customer_id", "c_id");
        DataFrame df = orders.crossJoin(renamed).filter(col("customer_id").equalTo(col("c_id")));
        assertGolden("push_filters_into_join_sides_cross", df, PushFiltersIntoJoinSides.NAME);
    }

    @Test
    void pushFiltersIntoJoinSides_fullJoin_keepsFilterAbove() {
        DataFrame df = orders.join(customers, "customer_id", JoinType.FULL)
                .filter(col("amount").gt(100));
        String plan = PlanPrinter.print(optimize(df).plan());
        assertThat(plan).startsWith("Filter (amount > 100.0)");
    }

    @Test
    void pushFiltersIntoJoinSides_semiJoin_pushesToLeft() {
        DataFrame df = orders.join(
                        customers, orders.col("customer_id").equalTo(customers.col("customer_id")), JoinType.SEMI)
                .filter(col("status").equalTo("open"));
        assertGolden("push_filters_into_join_sides_semi", df, PushFiltersIntoJoinSides.NAME);
    }

    // ------------------------------------------------------------------ PushFiltersThroughOperators

    @Test
    void pushFiltersThroughOperators_sortDistinctAndUnion_filterGoesToTheSources() {
        DataFrame df = orders.select("order_id", "status")
                .union(orders.select("customer_id", "note"))
                .distinct()
                .orderBy(col("order_id"))
                .filter(col("status").equalTo("open"));
        assertGolden("push_filters_through_operators", df, PushFiltersThroughOperators.NAME);
    }

    @Test
    void pushFiltersThroughOperators_aggregate_pushesKeyPredicatesOnly() {
        DataFrame df = orders.groupBy(col("status"))
                .agg(sum(col("amount")).as("total"))
                .filter(col("status").notEqual("void").and(col("total").gt(1000)));
        assertGolden("push_filters_through_aggregate", df, PushFiltersThroughOperators.NAME);
    }

    @Test
    void pushFiltersThroughOperators_explodeAndUnnest_pushOtherColumnsOnly() {
        DataFrame df = events.explode("tags")
                .unnest("info")
                .filter(col("id")
                        .gt(10)
                        .and(col("tags").equalTo("x"))
                        .and(col("score").gt(0.5)));
        assertGolden("push_filters_through_explode_unnest", df, PushFiltersThroughOperators.NAME);
    }

    @Test
    void pushFiltersThroughOperators_limit_isABarrier() {
        DataFrame df = orders.limit(10).filter(col("amount").gt(1));
        OptimizerResult result = optimize(df);
        assertThat(PlanPrinter.print(result.plan())).startsWith("Filter (amount > 1.0)");
    }

    @Test
    void pushFiltersThroughOperators_cache_isABarrier() {
        DataFrame df = orders.cache().filter(col("amount").gt(1)).select("order_id");
        assertGolden("cache_barrier", df, PruneColumns.NAME);
        assertThat(PlanPrinter.print(optimize(df).plan())).contains("+- Cache");
    }

    // ------------------------------------------------------------------ PruneColumns

    @Test
    void pruneColumns_selectAfterJoin_readsOnlyNeededColumns() {
        DataFrame df = orders.join(customers, "customer_id")
                .filter(col("status").equalTo("open"))
                .select(col("name"), col("amount"));
        assertGolden("prune_columns_join", df, PruneColumns.NAME);
    }

    @Test
    void pruneColumns_aggregateOverScan_insertsProjection() {
        DataFrame df = orders.groupBy(col("status")).agg(count(col("*")).as("n"));
        assertGolden("prune_columns_aggregate", df, PruneColumns.NAME);
    }

    @Test
    void pruneColumns_semiJoinRightSide_keepsOnlyTheKey() {
        DataFrame df = orders.join(customers, "customer_id", JoinType.ANTI);
        assertGolden("prune_columns_anti_join", df, PruneColumns.NAME);
    }

    @Test
    void pruneColumns_unionAndInMemoryRows_keepNeededPositions() {
        DataFrame local = session.createDataFrame(
                List.of(Maps.row("order_id", 1L, "customer_id", 2L, "amount", 3.0, "status", "x", "note", "y")));
        DataFrame df = orders.unionByName(local).select("amount");
        assertGolden("prune_columns_union", df, PruneColumns.NAME);
    }

    @Test
    void pruneColumns_distinct_isNotPrunedThrough() {
        DataFrame df = orders.select("status", "note").distinct().select("status");
        String plan = PlanPrinter.print(optimize(df).plan());
        assertThat(plan).contains("Distinct => [status, note]");
    }

    // ------------------------------------------------------------------ CollapseProjections

    @Test
    void collapseProjections_withColumnChain_becomesOneProjection() {
        DataFrame df = orders.withColumn("gross", col("amount").multiply(1.2))
                .withColumn("net", col("gross").minus(col("amount")))
                .select(col("order_id"), col("net"));
        assertGolden("collapse_projections", df, CollapseProjections.NAME);
    }

    @Test
    void collapseProjections_expensiveExpressionUsedTwice_isNotDuplicated() {
        DataFrame df = events.withColumn("tokens", Text.countTokens(col("body")))
                .select(col("tokens").plus(1).as("a"), col("tokens").plus(2).as("b"));
        String plan = PlanPrinter.print(optimize(df).plan());
        assertThat(plan.split("count_tokens", -1)).hasSize(2);
    }

    // ------------------------------------------------------------------ RemoveRedundantProjections

    @Test
    void removeRedundantProjections_selectOfEveryColumn_isRemoved() {
        DataFrame df = customers
                .select("customer_id", "name", "country", "segment")
                .filter(col("name").isNotNull());
        assertGolden("remove_redundant_projections", df, RemoveRedundantProjections.NAME);
    }
}
