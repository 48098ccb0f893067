package dev.quarry;

import static dev.quarry.functions.Functions.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.functions.Text;
import dev.quarry.internal.expr.AggregateCall;
import dev.quarry.internal.expr.SortKey;
import dev.quarry.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTest {
    @Test
    void toString_readsLikeTheExpression() {
        Column c = col("age")
                .geq(18)
                .and(col("country").isin("FR", "DE"))
                .or(col("vip").not());
        assertThat(c.toString()).isEqualTo("(((age >= 18) AND (country IN ('FR', 'DE'))) OR (NOT vip))");
    }

    @Test
    void as_onAliasedColumn_replacesTheName() {
        assertThat(col("a").as("b").as("c").toString()).isEqualTo("a AS c");
    }

    @Test
    void desc_onAscendingKey_replacesTheDirection() {
        SortKey k = (SortKey) col("a").asc().desc().expression();
        assertThat(k.ascending()).isFalse();
        assertThat(k.nullsFirst()).isFalse();
    }

    @Test
    void isin_collection_isSpreadIntoCandidates() {
        assertThat(col("t").isin(List.of("a", "b")).toString()).isEqualTo("(t IN ('a', 'b'))");
    }

    @Test
    void count_star_countsRows() {
        AggregateCall c = (AggregateCall) count(col("*")).expression();
        assertThat(c.args()).isEmpty();
        assertThat(count("*").toString()).isEqualTo("count(*)");
        assertThat(countDistinct(col("x")).toString()).isEqualTo("count(DISTINCT x)");
    }

    @Test
    void whenChain_buildsOneCase() {
        Column c = when(col("n").gt(10), "big").when(col("n").gt(1), "some").otherwise("none");
        assertThat(c.toString()).isEqualTo("CASE WHEN (n > 10) THEN 'big' WHEN (n > 1) THEN 'some' ELSE 'none' END");
    }

    @Test
    void functions_renderWithRegistryNames() {
        assertThat(upper(col("a")).toString()).isEqualTo("upper(a)");
        assertThat(concatWs("-", col("a"), col("b")).toString()).isEqualTo("concat_ws('-', a, b)");
        assertThat(Text.countTokens(col("body")).toString()).isEqualTo("count_tokens(body)");
        assertThat(col("x").cast(DataTypes.LONG).toString()).isEqualTo("CAST(x AS bigint)");
        assertThat(col("info").getField("p").getItem(0).toString()).isEqualTo("info.p[0]");
    }

    @Test
    void equals_sameExpression_isEqual() {
        assertThat(col("a").plus(1)).isEqualTo(col("a").plus(1)).isNotEqualTo(col("a").plus(2));
    }
}
