package dev.quarry.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.types.DataType;
import dev.quarry.types.DataTypes;
import org.junit.jupiter.api.Test;

class DuckTypesTest {
    @Test
    void toSql_mapsNestedTypes() {
        DataType t = DataTypes.structOf(
                DataTypes.field("a b", DataTypes.arrayOf(DataTypes.LONG)),
                DataTypes.field("e", DataTypes.embedding(3, "mini")),
                DataTypes.field("j", DataTypes.JSON));
        assertThat(DuckTypes.toSql(t)).isEqualTo("STRUCT(\"a b\" BIGINT[], \"e\" FLOAT[3], \"j\" JSON)");
    }

    @Test
    void toSql_textTypesAreVarchar() {
        assertThat(DuckTypes.toSql(DataTypes.MARKDOWN)).isEqualTo("VARCHAR");
        assertThat(DuckTypes.toSql(DataTypes.transcript("srt"))).isEqualTo("VARCHAR");
    }

    @Test
    void fromSql_readsWhatToSqlWrites() {
        DataType t = DataTypes.structOf(
                DataTypes.field("q\"z", DataTypes.arrayOf(DataTypes.arrayOf(DataTypes.INTEGER))),
                DataTypes.field("when", DataTypes.TIMESTAMP),
                DataTypes.field("d", DataTypes.DATE),
                DataTypes.field("ok", DataTypes.BOOLEAN));
        assertThat(DuckTypes.fromSql(DuckTypes.toSql(t))).isEqualTo(t);
    }

    @Test
    void fromSql_readsDuckDbsOwnRendering() {
        assertThat(DuckTypes.fromSql("STRUCT(\"x y\" INTEGER, \"q\"\"z\" INTEGER[])"))
                .isEqualTo(DataTypes.structOf(
                        DataTypes.field("x y", DataTypes.INTEGER),
                        DataTypes.field("q\"z", DataTypes.arrayOf(DataTypes.INTEGER))));
        assertThat(DuckTypes.fromSql("STRUCT(a INTEGER, b VARCHAR[])[]"))
                .isEqualTo(DataTypes.arrayOf(DataTypes.structOf(
                        DataTypes.field("a", DataTypes.INTEGER),
                        DataTypes.field("b", DataTypes.arrayOf(DataTypes.STRING)))));
    }

    @Test
    void fromSql_fixedFloatArrayIsEmbedding() {
        assertThat(DuckTypes.fromSql("FLOAT[384]"))
                .isEqualTo(DataTypes.embedding(384, DuckTypes.UNKNOWN_EMBEDDING_MODEL));
        assertThat(DuckTypes.fromSql("INTEGER[2]")).isEqualTo(DataTypes.arrayOf(DataTypes.INTEGER));
    }

    @Test
    void fromSql_mapsNumericFamilies() {
        assertThat(DuckTypes.fromSql("HUGEINT")).isEqualTo(DataTypes.LONG);
        assertThat(DuckTypes.fromSql("UBIGINT")).isEqualTo(DataTypes.LONG);
        assertThat(DuckTypes.fromSql("SMALLINT")).isEqualTo(DataTypes.INTEGER);
        assertThat(DuckTypes.fromSql("DECIMAL(18,0)")).isEqualTo(DataTypes.LONG);
        assertThat(DuckTypes.fromSql("DECIMAL(10,2)")).isEqualTo(DataTypes.DOUBLE);
        assertThat(DuckTypes.fromSql("DECIMAL(38,0)")).isEqualTo(DataTypes.DOUBLE);
        assertThat(DuckTypes.fromSql("REAL")).isEqualTo(DataTypes.FLOAT);
    }

    @Test
    void fromSql_mapsTimestampsAndOthers() {
        assertThat(DuckTypes.fromSql("TIMESTAMP WITH TIME ZONE")).isEqualTo(DataTypes.TIMESTAMP);
        assertThat(DuckTypes.fromSql("TIMESTAMP_NS")).isEqualTo(DataTypes.TIMESTAMP);
        assertThat(DuckTypes.fromSql("JSON")).isEqualTo(DataTypes.JSON);
        assertThat(DuckTypes.fromSql("MAP(VARCHAR, INTEGER)")).isEqualTo(DataTypes.STRING);
        assertThat(DuckTypes.fromSql("ENUM('a', 'b)')")).isEqualTo(DataTypes.STRING);
        assertThat(DuckTypes.fromSql("UUID")).isEqualTo(DataTypes.STRING);
        assertThat(DuckTypes.fromSql("INTERVAL")).isEqualTo(DataTypes.STRING);
    }

    @Test
    void fromSql_rejectsGarbage() {
        assertThatThrownBy(() -> DuckTypes.fromSql("STRUCT(a")).isInstanceOf(IllegalArgumentException.class);
    }
}
