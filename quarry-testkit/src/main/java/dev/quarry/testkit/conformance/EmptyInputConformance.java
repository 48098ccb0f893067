package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.count;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.functions.Functions.sum;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;

import dev.quarry.DataFrame;
import dev.quarry.JoinType;
import dev.quarry.testkit.conformance.TestData.Ticket;
import dev.quarry.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An empty input works everywhere and gives zero rows with the right schema (one row for a global aggregate). */
public abstract class EmptyInputConformance extends ConformanceSuite {

    private DataFrame noTickets() {
        return session.createDataFrame(List.of(), Ticket.class);
    }

    @Test
    void select_noRows_givesTheProjectedSchema() {
        assertThat(noPeople().select(col("name"), col("age").plus(1L).as("next")))
                .hasColumns("name", "next")
                .hasColumnType("next", DataTypes.LONG)
                .isEmpty();
    }

    @Test
    void filter_noRows_givesNoRows() {
        assertThat(noPeople().filter(col("age").gt(1)))
                .hasColumns("id", "name", "age", "city")
                .isEmpty();
    }

    @Test
    void withColumnAndDrop_noRows_giveTheNewSchema() {
        assertThat(noPeople().withColumn("x", lit(true)).drop("city"))
                .hasColumns("id", "name", "age", "x")
                .isEmpty();
    }

    @Test
    void orderByAndLimit_noRows_giveNoRows() {
        assertThat(noPeople().orderBy(col("age").desc()).limit(3))
                .hasColumns("id", "name", "age", "city")
                .isEmpty();
    }

    @Test
    void distinct_noRows_givesNoRows() {
        assertThat(noPeople().distinct())
                .hasColumns("id", "name", "age", "city")
                .isEmpty();
    }

    @Test
    void dropDuplicates_noRows_givesNoRows() {
        assertThat(noPeople().dropDuplicates("name"))
                .hasColumns("id", "name", "age", "city")
                .isEmpty();
    }

    @Test
    void groupBy_noRows_givesNoGroups() {
        assertThat(noPeople()
                        .groupBy(col("city"))
                        .agg(count("*").as("n"), sum(col("age")).as("s")))
                .hasColumns("city", "n", "s")
                .isEmpty();
    }

    @Test
    void agg_noRows_givesOneRowOfZeroAndNull() {
        assertThat(noPeople().agg(count("*").as("n"), sum(col("age")).as("s"))).containsExactly(row(0L, null));
    }

    @Test
    void join_emptyRight_keepsLeftRowsOnlyForLeftJoin() {
        DataFrame inner =
                people().join(noPeople().select(col("id").as("pid")), col("id").equalTo(col("pid")), JoinType.INNER);
        DataFrame left =
                people().join(noPeople().select(col("id").as("pid")), col("id").equalTo(col("pid")), JoinType.LEFT);

        assertThat(inner).hasColumns("id", "name", "age", "city", "pid").isEmpty();
        assertThat(left.select("id", "pid"))
                .containsExactlyInAnyOrder(row(1L, null), row(2L, null), row(3L, null), row(4L, null));
    }

    @Test
    void crossJoin_emptySide_givesNoRows() {
        assertThat(orders().crossJoin(noPeople())).hasRowCount(0);
    }

    @Test
    void union_withEmpty_givesTheOtherRows() {
        assertThat(noPeople().union(people()).select("id"))
                .containsExactlyInAnyOrder(row(1L), row(2L), row(3L), row(4L));
    }

    @Test
    void unionByName_twoEmpty_givesNoRows() {
        assertThat(noPeople().unionByName(noPeople()))
                .hasColumns("id", "name", "age", "city")
                .isEmpty();
    }

    @Test
    void explode_noRows_givesTheElementSchema() {
        assertThat(noTickets().explode("tags"))
                .hasColumnType("tags", DataTypes.STRING)
                .isEmpty();
    }

    @Test
    void unnest_noRows_givesTheFieldColumns() {
        assertThat(noTickets().unnest("info"))
                .hasColumns("id", "product", "priority", "tags")
                .isEmpty();
    }

    @Test
    void cacheAndCount_noRows_giveZero() {
        org.assertj.core.api.Assertions.assertThat(noPeople().cache().count()).isZero();
    }

    @Test
    void sql_overEmptyFrame_givesNoRows() {
        assertThat(session.sql("SELECT name FROM {p}", java.util.Map.of("p", noPeople())))
                .hasColumns("name")
                .isEmpty();
    }
}
