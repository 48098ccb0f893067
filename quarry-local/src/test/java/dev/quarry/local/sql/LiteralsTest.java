package dev.quarry.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.Row;
import dev.quarry.types.DataTypes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralsTest {
    @Test
    void render_quotesStrings() {
        assertThat(Literals.render("'; DROP TABLE t; --", DataTypes.STRING)).isEqualTo("'''; DROP TABLE t; --'");
    }

    @Test
    void render_typesNumbersExplicitly() {
        assertThat(Literals.render(5, DataTypes.INTEGER)).isEqualTo("CAST(5 AS INTEGER)");
        assertThat(Literals.render(5L, DataTypes.LONG)).isEqualTo("CAST(5 AS BIGINT)");
        assertThat(Literals.render(1e300, DataTypes.DOUBLE)).isEqualTo("CAST(1.0E300 AS DOUBLE)");
        assertThat(Literals.render(Double.NaN, DataTypes.DOUBLE)).isEqualTo("CAST('NaN' AS DOUBLE)");
        assertThat(Literals.render(Double.NEGATIVE_INFINITY, DataTypes.DOUBLE))
                .isEqualTo("CAST('-Infinity' AS DOUBLE)");
        assertThat(Literals.render(0.1f, DataTypes.FLOAT)).isEqualTo("CAST('0.1' AS FLOAT)");
    }

    @Test
    void render_nullCarriesItsType() {
        assertThat(Literals.render(null, DataTypes.arrayOf(DataTypes.STRING))).isEqualTo("CAST(NULL AS VARCHAR[])");
    }

    @Test
    void render_datesAndTimestamps() {
        assertThat(Literals.render(LocalDate.of(2024, 2, 29), DataTypes.DATE)).isEqualTo("DATE '2024-02-29'");
        assertThat(Literals.render(LocalDateTime.of(2024, 1, 2, 3, 4), DataTypes.TIMESTAMP))
                .isEqualTo("TIMESTAMP '2024-01-02 03:04:00.000000'");
    }

    @Test
    void render_nestedValues() {
        var type = DataTypes.structOf(
                DataTypes.field("n", DataTypes.INTEGER), DataTypes.field("tags", DataTypes.arrayOf(DataTypes.STRING)));
        Row row = Row.of(type.toSchema(), 1, Arrays.asList("a", null));
        assertThat(Literals.render(row, type))
                .isEqualTo("CAST({'n': CAST(1 AS INTEGER), 'tags': CAST(['a', CAST(NULL AS VARCHAR)] AS VARCHAR[])}"
                        + " AS STRUCT(\"n\" INTEGER, \"tags\" VARCHAR[]))");
    }

    @Test
    void render_embeddingChecksDimensions() {
        assertThat(Literals.render(new float[] {1f, 2f}, DataTypes.embedding(2, "m")))
                .isEqualTo("CAST([CAST('1.0' AS FLOAT), CAST('2.0' AS FLOAT)] AS FLOAT[2])");
        assertThatThrownBy(() -> Literals.render(new float[] {1f}, DataTypes.embedding(2, "m")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2");
    }

    @Test
    void render_rejectsValuesOfAnotherType() {
        assertThatThrownBy(() -> Literals.render("x", DataTypes.LONG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> Literals.render(List.of(1), DataTypes.structOf(DataTypes.field("a", DataTypes.INTEGER))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
