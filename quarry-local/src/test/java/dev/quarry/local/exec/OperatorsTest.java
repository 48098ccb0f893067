package dev.quarry.local.exec;

import static dev.quarry.local.LocalFixtures.as;
import static dev.quarry.local.LocalFixtures.col;
import static dev.quarry.local.LocalFixtures.collect;
import static dev.quarry.local.LocalFixtures.column;
import static dev.quarry.local.LocalFixtures.field;
import static dev.quarry.local.LocalFixtures.left;
import static dev.quarry.local.LocalFixtures.lit;
import static dev.quarry.local.LocalFixtures.op;
import static dev.quarry.local.LocalFixtures.right;
import static dev.quarry.local.LocalFixtures.rows;
import static dev.quarry.local.LocalFixtures.run;
import static dev.quarry.local.LocalFixtures.schema;
import static dev.quarry.local.LocalFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.JoinType;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.AggregateCall;
import dev.quarry.internal.expr.BinaryOp.Operator;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.SortKey;
import dev.quarry.internal.plan.Aggregate;
import dev.quarry.internal.plan.Distinct;
import dev.quarry.internal.plan.DropDuplicates;
import dev.quarry.internal.plan.Explode;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.Join;
import dev.quarry.internal.plan.Limit;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.Sort;
import dev.quarry.internal.plan.SqlRelation;
import dev.quarry.internal.plan.Union;
import dev.quarry.internal.plan.Unnest;
import dev.quarry.local.LocalBackend;
import dev.quarry.local.LocalFixtures;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every plan node, run on DuckDB over in-memory rows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorsTest {
    LocalBackend backend;

    final LocalRelation people = rows(
            schema(field("id", DataTypes.LONG), field("name", DataTypes.STRING), field("team", DataTypes.STRING)),
            values(1L, "ann", "a"),
            values(2L, "bob", "b"),
            values(3L, "cid", null),
            values(4L, null, "a"));

    final LocalRelation teams = rows(
            schema(field("team", DataTypes.STRING), field("label", DataTypes.STRING)),
            values("a", "Alpha"),
            values("b", "Beta"),
            values("c", "Gamma"));

    @BeforeAll
    void open(@TempDir Path dir) {
        backend = LocalFixtures.backend(dir);
    }

    @AfterAll
    void close() {
        backend.close();
    }

    private LogicalPlan sortedById(LogicalPlan plan) {
        return new Sort(plan, List.of(SortKey.of(col(plan, "id"), true)));
    }

    @Test
    void project_computesAndRenames() {
        LogicalPlan plan = new Project(
                people,
                List.of(
                        col(people, "id"),
                        as(op(Operator.MULTIPLY, col(people, "id"), lit(10L, DataTypes.LONG)), "times_ten")));
        assertThat(collect(backend, sortedById(plan)))
                .containsExactly(List.of(1L, 10L), List.of(2L, 20L), List.of(3L, 30L), List.of(4L, 40L));
        assertThat(run(backend, plan).schema().names()).containsExactly("id", "times_ten");
    }

    @Test
    void filter_nullConditionCountsAsFalse() {
        LogicalPlan plan = new Filter(people, op(Operator.EQ, col(people, "team"), lit("a", DataTypes.STRING)));
        assertThat(column(backend, sortedById(plan), 0)).containsExactly(1L, 4L);
    }

    @Test
    void join_innerWithConditionDropsUnmatchedRows() {
        LogicalPlan labels = new Project(teams, List.of(as(col(teams, "team"), "t_team"), col(teams, "label")));
        LogicalPlan plan = sortedById(new Join(
                people,
                labels,
                JoinType.INNER,
                op(Operator.EQ, left(people, "team"), right(labels, "t_team")),
                List.of()));
        assertThat(run(backend, plan).schema().names()).containsExactly("id", "name", "team", "t_team", "label");
        assertThat(column(backend, plan, 4)).containsExactly("Alpha", "Beta", "Alpha");
    }

    private Join usingJoin(JoinType type) {
        return new Join(people, teams, type, null, List.of("team"));
    }

    @Test
    void join_innerUsingKeepsKeyOnce() {
        LogicalPlan plan = sortedById(usingJoin(JoinType.INNER));
        assertThat(run(backend, plan).schema().names()).containsExactly("team", "id", "name", "label");
        assertThat(collect(backend, plan))
                .containsExactly(
                        List.of("a", 1L, "ann", "Alpha"),
                        List.of("b", 2L, "bob", "Beta"),
                        values("a", 4L, null, "Alpha"));
    }

    @Test
    void join_leftKeepsUnmatchedLeftRows() {
        assertThat(column(backend, sortedById(usingJoin(JoinType.LEFT)), 1)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void join_rightTakesKeyFromRight() {
        LogicalPlan plan =
                new Sort(usingJoin(JoinType.RIGHT), List.of(SortKey.of(col(usingJoin(JoinType.RIGHT), "team"), true)));
        assertThat(collect(backend, plan))
                .containsExactly(
                        List.of("a", 1L, "ann", "Alpha"),
                        values("a", 4L, null, "Alpha"),
                        List.of("b", 2L, "bob", "Beta"),
                        values("c", null, null, "Gamma"));
    }

    @Test
    void join_fullUsingCoalescesKeys() {
        Join full = usingJoin(JoinType.FULL);
        LogicalPlan plan = new Project(full, List.of(col(full, "team"), col(full, "id")));
        List<List<Object>> result = collect(backend, plan);
        assertThat(result)
                .containsExactlyInAnyOrder(
                        values("a", 1L), values("b", 2L), values(null, 3L), values("a", 4L), values("c", null));
    }

    @Test
    void join_crossPairsEveryRow() {
        LogicalPlan right = new Project(teams, List.of(col(teams, "label")));
        assertThat(run(backend, new Join(people, right, JoinType.CROSS, null, List.of()))
                        .rowCount())
                .isEqualTo(12);
    }

    @Test
    void join_semiKeepsMatchingLeftRowsOnce() {
        LogicalPlan plan = sortedById(new Join(
                people, teams, JoinType.SEMI, op(Operator.EQ, left(people, "team"), right(teams, "team")), List.of()));
        assertThat(run(backend, plan).schema().names()).containsExactly("id", "name", "team");
        assertThat(column(backend, plan, 0)).containsExactly(1L, 2L, 4L);
    }

    @Test
    void join_antiKeepsUnmatchedLeftRowsIncludingNullKeys() {
        LogicalPlan plan = new Join(
                people, teams, JoinType.ANTI, op(Operator.EQ, left(people, "team"), right(teams, "team")), List.of());
        assertThat(column(backend, plan, 0)).containsExactly(3L);
    }

    @Test
    void join_sameColumnNameOnBothSidesInCondition() {
        LocalRelation other = rows(
                schema(field("id", DataTypes.LONG), field("score", DataTypes.INTEGER)), values(1L, 10), values(3L, 30));
        LogicalPlan renamed = new Project(other, List.of(as(col(other, "id"), "other_id"), col(other, "score")));
        LogicalPlan plan = new Join(
                people,
                renamed,
                JoinType.INNER,
                op(Operator.EQ, left(people, "id"), right(renamed, "other_id")),
                List.of());
        assertThat(column(backend, sortedById(plan), 4)).containsExactly(10, 30);
    }

    @Test
    void aggregate_groupsAndComputesEachFunction() {
        LocalRelation sales = rows(
                schema(
                        field("team", DataTypes.STRING),
                        field("amount", DataTypes.INTEGER),
                        field("price", DataTypes.DOUBLE)),
                values("a", 1, 1.5),
                values("a", 2, 2.5),
                values("b", 5, null),
                values("b", null, 4.0));
        Expression team = col(sales, "team");
        Expression amount = col(sales, "amount");
        Expression price = col(sales, "price");
        Aggregate agg = new Aggregate(
                sales,
                List.of(team),
                List.of(
                        team,
                        as(new AggregateCall(AggregateCall.Function.COUNT, List.of(), false), "n"),
                        as(new AggregateCall(AggregateCall.Function.COUNT, List.of(amount), false), "n_amount"),
                        as(new AggregateCall(AggregateCall.Function.SUM, List.of(amount), false), "total"),
                        as(new AggregateCall(AggregateCall.Function.AVG, List.of(price), false), "avg_price"),
                        as(new AggregateCall(AggregateCall.Function.MAX, List.of(amount), false), "max_amount"),
                        as(new AggregateCall(AggregateCall.Function.COLLECT_LIST, List.of(amount), false), "amounts")));
        LogicalPlan plan = new Sort(agg, List.of(SortKey.of(col(agg, "team"), true)));
        assertThat(collect(backend, plan))
                .containsExactly(
                        List.of("a", 2L, 2L, 3L, 2.0, 2, List.of(1, 2)), List.of("b", 2L, 1L, 5L, 4.0, 5, List.of(5)));
        assertThat(run(backend, plan).schema().field("total").type()).isEqualTo(DataTypes.LONG);
    }

    @Test
    void aggregate_withoutKeysOnEmptyInputGivesOneRow() {
        LogicalPlan empty = new Filter(people, lit(false, DataTypes.BOOLEAN));
        Aggregate agg = new Aggregate(
                empty,
                List.of(),
                List.of(
                        as(new AggregateCall(AggregateCall.Function.COUNT, List.of(), false), "n"),
                        as(new AggregateCall(AggregateCall.Function.SUM, List.of(col(empty, "id")), false), "total"),
                        as(
                                new AggregateCall(
                                        AggregateCall.Function.COLLECT_LIST, List.of(col(empty, "id")), false),
                                "ids")));
        assertThat(collect(backend, agg)).containsExactly(values(0L, null, List.of()));
    }

    @Test
    void aggregate_orderedCollectListFollowsItsKeys() {
        LocalRelation notes = rows(
                schema(field("team", DataTypes.STRING), field("note", DataTypes.STRING), field("at", DataTypes.LONG)),
                values("a", "second", 2L),
                values("a", "third", 3L),
                values("a", null, 4L),
                values("a", "first", 1L));
        Aggregate agg = new Aggregate(
                notes,
                List.of(col(notes, "team")),
                List.of(as(
                        new AggregateCall(
                                AggregateCall.Function.COLLECT_LIST,
                                List.of(col(notes, "note")),
                                false,
                                List.of(SortKey.of(col(notes, "at"), false))),
                        "notes")));
        assertThat(column(backend, agg, 0)).containsExactly(List.of("third", "second", "first"));
    }

    @Test
    void aggregate_countDistinct() {
        Aggregate agg = new Aggregate(
                people,
                List.of(),
                List.of(as(
                        new AggregateCall(AggregateCall.Function.COUNT, List.of(col(people, "team")), true), "teams")));
        assertThat(column(backend, agg, 0)).containsExactly(2L);
    }

    @Test
    void sort_nullsOrderingIsExplicit() {
        Expression team = col(people, "team");
        LogicalPlan firstAsc = new Sort(people, List.of(SortKey.of(team, true), SortKey.of(col(people, "id"), true)));
        assertThat(column(backend, firstAsc, 0)).containsExactly(3L, 1L, 4L, 2L);
        LogicalPlan lastDesc = new Sort(people, List.of(SortKey.of(team, false), SortKey.of(col(people, "id"), true)));
        assertThat(column(backend, lastDesc, 0)).containsExactly(2L, 1L, 4L, 3L);
        LogicalPlan nullsLastAsc =
                new Sort(people, List.of(new SortKey(team, true, false), SortKey.of(col(people, "id"), true)));
        assertThat(column(backend, nullsLastAsc, 0)).containsExactly(1L, 4L, 2L, 3L);
    }

    @Test
    void sort_orderSurvivesProjectionAndLimit() {
        Sort sorted = new Sort(people, List.of(SortKey.of(col(people, "id"), false)));
        LogicalPlan plan = new Limit(new Project(sorted, List.of(col(sorted, "id"))), 2);
        assertThat(column(backend, plan, 0)).containsExactly(4L, 3L);
    }

    @Test
    void limit_zeroGivesNoRows() {
        assertThat(run(backend, new Limit(people, 0)).rows()).isEmpty();
    }

    @Test
    void distinct_treatsNullsAsEqual() {
        LogicalPlan teamsOnly = new Project(people, List.of(col(people, "team")));
        assertThat(column(backend, new Distinct(teamsOnly), 0)).containsExactlyInAnyOrder("a", "b", null);
    }

    @Test
    void dropDuplicates_keepsOneRowPerKeyWithAllColumns() {
        LogicalPlan plan = new DropDuplicates(people, List.of("team"));
        assertThat(run(backend, plan).rows()).hasSize(3);
        assertThat(run(backend, plan).schema().names()).containsExactly("id", "name", "team");
    }

    @Test
    void dropDuplicates_afterSortKeepsFirstInSortOrder() {
        Sort sorted = new Sort(people, List.of(SortKey.of(col(people, "id"), false)));
        LogicalPlan plan = new DropDuplicates(sorted, List.of("team"));
        assertThat(collect(backend, plan)).contains(values(4L, null, "a")).doesNotContain(List.of(1L, "ann", "a"));
    }

    @Test
    void union_appendsKeepingDuplicatesAndFirstNames() {
        LogicalPlan a = new Project(people, List.of(col(people, "name")));
        LogicalPlan b = new Project(teams, List.of(col(teams, "label")));
        Union union = new Union(List.of(a, a, b));
        assertThat(run(backend, union).rows()).hasSize(11);
        assertThat(run(backend, union).schema().names()).containsExactly("name");
    }

    @Test
    void explode_dropsNullAndEmptyArrays() {
        LocalRelation tags = rows(
                schema(
                        field("id", DataTypes.LONG),
                        field("tags", DataTypes.arrayOf(DataTypes.STRING)),
                        field("x", DataTypes.INTEGER)),
                values(1L, List.of("a", "b"), 7),
                values(2L, List.of(), 8),
                values(3L, null, 9));
        LogicalPlan plan = new Explode(tags, "tags", false);
        assertThat(collect(backend, plan)).containsExactly(List.of(1L, "a", 7), List.of(1L, "b", 7));
        assertThat(run(backend, plan).schema().field("tags").type()).isEqualTo(DataTypes.STRING);
    }

    @Test
    void explodeOuter_keepsNullAndEmptyArraysOnceWithNull() {
        LocalRelation tags = rows(
                schema(field("id", DataTypes.LONG), field("tags", DataTypes.arrayOf(DataTypes.STRING))),
                values(1L, List.of("a", "b")),
                values(2L, List.of()),
                values(3L, null));
        LogicalPlan plan = new Explode(tags, "tags", true);
        assertThat(collect(backend, sortedById(plan)))
                .containsExactly(values(1L, "a"), values(1L, "b"), values(2L, null), values(3L, null));
    }

    @Test
    void explode_arrayOfStructsGivesStructs() {
        var point = DataTypes.structOf(DataTypes.field("x", DataTypes.INTEGER));
        LocalRelation points =
                rows(schema(field("ps", DataTypes.arrayOf(point))), values(List.of(Map.of("x", 1), Map.of("x", 2))));
        List<Object> exploded = column(backend, new Explode(points, "ps", false), 0);
        assertThat(exploded).hasSize(2);
        assertThat(((dev.quarry.Row) exploded.get(1)).get("x")).isEqualTo(2);
    }

    @Test
    void unnest_replacesStructByItsFieldsInPlace() {
        var info = DataTypes.structOf(
                DataTypes.field("product", DataTypes.STRING), DataTypes.field("refund", DataTypes.BOOLEAN));
        LocalRelation tickets = rows(
                schema(field("id", DataTypes.LONG), field("info", info), field("body", DataTypes.STRING)),
                values(1L, Map.of("product", "x", "refund", true), "hi"),
                values(2L, null, "yo"));
        LogicalPlan plan = sortedById(new Unnest(tickets, "info"));
        assertThat(run(backend, plan).schema().names()).containsExactly("id", "product", "refund", "body");
        assertThat(collect(backend, plan)).containsExactly(values(1L, "x", true, "hi"), values(2L, null, null, "yo"));
    }

    @Test
    void sqlRelation_substitutesFramesAndCastsToSchema() {
        Schema out = schema(field("team", DataTypes.STRING), field("n", DataTypes.LONG));
        SqlRelation sql = new SqlRelation(
                "SELECT team, count(*) AS n FROM {p} WHERE name <> '{p}' GROUP BY team ORDER BY team NULLS LAST;",
                Map.of("p", people),
                out);
        assertThat(collect(backend, sql)).containsExactly(values("a", 1L), values("b", 1L), values(null, 1L));
    }

    @Test
    void sqlRelation_syntaxErrorIsSqlError() {
        SqlRelation sql = new SqlRelation("SELEC * FROM {p}", Map.of("p", people), schema(field("x", DataTypes.LONG)));
        assertThatThrownBy(() -> run(backend, sql))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SQL_ERROR))
                .hasMessageContaining("syntax error");
    }

    @Test
    void describeSql_returnsColumnsOfTheQuery() {
        Schema s = backend.describeSql("SELECT id, name || '!' AS shout, 1.5 AS d FROM {p}", Map.of("p", people));
        assertThat(s.names()).containsExactly("id", "shout", "d");
        assertThat(s.field("d").type()).isEqualTo(DataTypes.DOUBLE);
    }

    @Test
    void describeSql_unknownColumnIsSqlErrorWithDuckDbMessage() {
        assertThatThrownBy(() -> backend.describeSql("SELECT nope FROM {p}", Map.of("p", people)))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SQL_ERROR))
                .hasMessageContaining("nope");
    }
}
