package dev.quarry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import org.junit.jupiter.api.Test;

class RowTest {
    private final Schema schema =
            Schema.of(DataTypes.field("id", DataTypes.LONG), DataTypes.field("vec", DataTypes.embedding(3, "mini")));
    private final Row row = Row.of(schema, 7L, new float[] {1f, 0f, 0f});

    @Test
    void getList_onEmbeddingColumn_namesBothTypesWithTheirArticles() {
        assertThatThrownBy(() -> row.getList("vec"))
                .isInstanceOf(QuarryException.class)
                .hasMessageStartingWith("Column 'vec' holds an embedding<3, mini> value (float[]), not an array;")
                .hasMessageContaining("use get(\"vec\")");
    }

    @Test
    void getString_onBigintColumn_saysABigint() {
        assertThatThrownBy(() -> row.getString("id"))
                .isInstanceOf(QuarryException.class)
                .hasMessageStartingWith("Column 'id' holds a bigint value (Long), not a string;");
    }

    @Test
    void getEmbedding_onEmbeddingColumn_returnsTheVector() {
        assertThat(row.getEmbedding("vec")).containsExactly(1f, 0f, 0f);
    }
}
