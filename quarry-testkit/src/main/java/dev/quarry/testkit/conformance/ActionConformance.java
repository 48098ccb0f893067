package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.DataFrame;
import dev.quarry.QueryResult;
import dev.quarry.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Actions ({@code collect}, {@code collectAsList}, {@code count}, {@code showString}), laziness
 * (files are read when an action runs) and {@code cache} (computed once per session).
 */
public abstract class ActionConformance extends ConformanceSuite {

    @Test
    void count_givesTheNumberOfRows() {
        assertThat(people().count()).isEqualTo(4L);
    }

    @Test
    void count_afterFilter_countsOnlyKeptRows() {
        assertThat(people().filter(col("age").gt(30)).count()).isEqualTo(2L);
    }

    @Test
    void count_ofNoRows_isZero() {
        assertThat(noPeople().count()).isZero();
    }

    @Test
    void collect_givesRowsWithTheFrameSchemaAndMetrics() {
        DataFrame df = people().filter(col("id").leq(2L)).select("id", "name");

        QueryResult result = df.collect();

        assertThat(result.schema().names()).containsExactly("id", "name");
        assertThat(result.metrics().outputRows()).isEqualTo(2);
        assertThat(result).containsExactlyInAnyOrder(row(1L, "Ada"), row(2L, "Grace"));
    }

    @Test
    void collectAsList_rowsExposeValuesByNameAndType() {
        List<Row> rows = people().filter(col("id").equalTo(1L)).collectAsList();

        assertThat(rows).hasSize(1);
        Row ada = rows.get(0);
        assertThat(ada.getLong("id")).isEqualTo(1L);
        assertThat(ada.getString("name")).isEqualTo("Ada");
        assertThat(ada.getInt("age")).isEqualTo(36);
        assertThat(ada.isNullAt("city")).isFalse();
        assertThat(ada.schema().names()).containsExactly("id", "name", "age", "city");
    }

    @Test
    void showString_rendersTheColumnsAndValues() {
        String shown = people().orderBy(col("id")).showString(2, false);

        assertThat(shown).contains("name").contains("Ada").contains("Grace").doesNotContain("Linus");
    }

    @Test
    void groupByCount_namesTheColumnCount() {
        assertThat(sales().groupBy("region").count())
                .hasColumns("region", "count")
                .containsExactlyInAnyOrder(row("north", 2L), row("south", 2L), row(null, 1L));
    }

    @Test
    void read_fileChangedBeforeTheAction_readsTheNewContents() {
        String path = writeText("live.csv", "id,name", "1,a");
        DataFrame df = session.read().csv(path);

        writeText("live.csv", "id,name", "1,a", "2,b");

        assertThat(df.count()).isEqualTo(2L);
    }

    @Test
    void cache_usedTwice_givesTheSameRows() {
        DataFrame cached = people().filter(col("age").gt(30)).cache();

        assertThat(cached.select("name")).containsExactlyInAnyOrder(row("Ada"), row("Edsger"));
        assertThat(cached.select("name")).containsExactlyInAnyOrder(row("Ada"), row("Edsger"));
    }

    @Test
    void cache_sourceChangedAfterFirstAction_keepsTheFirstResult() {
        String path = writeText("cached.csv", "id,name", "1,a");
        DataFrame cached = session.read().csv(path).cache();
        assertThat(cached.count()).isEqualTo(1L);

        writeText("cached.csv", "id,name", "1,a", "2,b");

        assertThat(cached.count()).isEqualTo(1L);
        assertThat(session.read().csv(path).count()).isEqualTo(2L);
    }

    @Test
    void cache_feedingSeveralBranches_combinesCorrectly() {
        DataFrame cached = people().withColumn("one", lit(1L)).cache();

        DataFrame both =
                cached.filter(col("age").gt(30)).union(cached.filter(col("age").leq(30)));

        assertThat(both.select("name", "one"))
                .containsExactlyInAnyOrder(row("Ada", 1L), row("Linus", 1L), row("Edsger", 1L));
    }
}
