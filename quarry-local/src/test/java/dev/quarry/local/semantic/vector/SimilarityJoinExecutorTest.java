package dev.quarry.local.semantic.vector;

import static dev.quarry.local.semantic.vector.VectorData.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.Row;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.internal.plan.SimilarityJoin.Metric;
import dev.quarry.types.DataTypes;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimilarityJoinExecutorTest {
    static final EmbeddingType E3 = DataTypes.embedding(3, "test-model");

    static final Schema DOCS = new Schema(List.of(
            new StructField("doc_id", DataTypes.LONG, true),
            new StructField("title", DataTypes.STRING, true),
            new StructField("doc_vec", E3, true)));
    static final Schema TAGS =
            new Schema(List.of(new StructField("tag", DataTypes.STRING, true), new StructField("tag_vec", E3, true)));

    DuckTables db;
    ForkJoinPool pool;

    @BeforeEach
    void open() throws SQLException {
        db = new DuckTables();
        pool = new ForkJoinPool(2);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
        pool.shutdownNow();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private LocalRelation docs(List<List<Object>> rows) {
        return db.table("docs", DOCS, rows);
    }

    private LocalRelation tags() {
        return db.table(
                "tags",
                TAGS,
                List.of(
                        row("x-axis", new float[] {1, 0, 0}),
                        row("y-axis", new float[] {0, 1, 0}),
                        row("z-axis", new float[] {0, 0, 1}),
                        row("xy", new float[] {1, 1, 0})));
    }

    private String run(SimilarityJoin node) {
        return new SimilarityJoinExecutor(db.connection, pool).execute(node, "docs", "tags");
    }

    @Test
    void execute_cosine_leftColumnsRightColumnsSimilarityInRankOrder() throws SQLException {
        LocalRelation left =
                docs(List.of(row(10L, "mostly x", new float[] {0.9f, 0.1f, 0}), row(20L, "z", new float[] {0, 0, 2})));
        SimilarityJoin node = new SimilarityJoin(left, tags(), "doc_vec", "tag_vec", 2, Metric.COSINE, "similarity");

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows)
                .extracting(r -> r.getLong("doc_id") + " " + r.getString("tag"))
                .containsExactly("10 x-axis", "10 xy", "20 z-axis", "20 x-axis");
        assertThat(rows.get(0).getString("title")).isEqualTo("mostly x");
        assertThat(rows.get(0).getEmbedding("tag_vec")).containsExactly(1, 0, 0);
        assertThat(rows.get(0).getDouble("similarity")).isCloseTo(0.9 / Math.sqrt(0.82), within(1e-6));
        assertThat(rows.get(2).getDouble("similarity")).isCloseTo(1.0, within(1e-9));
        // z has similarity 0 with x-axis, y-axis and xy: the tie goes to the first right row
        assertThat(rows.get(3).getDouble("similarity")).isZero();
    }

    @Test
    void execute_output_hasExactlyTheNodesColumnsAndTypes() throws SQLException {
        LocalRelation left = docs(List.of(row(1L, "a", new float[] {1, 2, 3})));
        SimilarityJoin node = new SimilarityJoin(left, tags(), "doc_vec", "tag_vec", 1, Metric.DOT, "score");

        String table = run(node);

        assertThat(db.columns(table))
                .containsExactly(
                        "doc_id BIGINT",
                        "title VARCHAR",
                        "doc_vec FLOAT[3]",
                        "tag VARCHAR",
                        "tag_vec FLOAT[3]",
                        "score DOUBLE");
        assertThat(table).startsWith("quarry_simjoin_");
    }

    @Test
    void execute_dot_similarityIsTheDotProduct() throws SQLException {
        LocalRelation left = docs(List.of(row(1L, "a", new float[] {1, 2, 3})));
        SimilarityJoin node = new SimilarityJoin(left, tags(), "doc_vec", "tag_vec", 4, Metric.DOT, "similarity");

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows).extracting(r -> r.getString("tag")).containsExactly("z-axis", "xy", "y-axis", "x-axis");
        assertThat(rows).extracting(r -> r.getDouble("similarity")).containsExactly(3.0, 3.0, 2.0, 1.0);
    }

    @Test
    void execute_l2_similarityIsTheNegatedDistance() throws SQLException {
        LocalRelation left = docs(List.of(row(1L, "a", new float[] {1, 1, 1})));
        SimilarityJoin node = new SimilarityJoin(left, tags(), "doc_vec", "tag_vec", 1, Metric.L2, "similarity");

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString("tag")).isEqualTo("xy");
        assertThat(rows.get(0).getDouble("similarity")).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void execute_nullLeftEmbedding_rowHasNoMatches() throws SQLException {
        LocalRelation left = docs(List.of(row(1L, "no vector", null), row(2L, "x", new float[] {1, 0, 0})));
        SimilarityJoin node = new SimilarityJoin(left, tags(), "doc_vec", "tag_vec", 2, Metric.COSINE, "similarity");

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows).extracting(r -> r.getLong("doc_id")).containsExactly(2L, 2L);
    }

    @Test
    void execute_nullRightEmbedding_neverMatched() throws SQLException {
        LocalRelation left = docs(List.of(row(1L, "x", new float[] {1, 0, 0})));
        LocalRelation right = db.table(
                "tags",
                TAGS,
                List.of(row("missing", null), row("y-axis", new float[] {0, 1, 0}), row("x-axis", new float[] {1, 0, 0
                })));
        SimilarityJoin node = new SimilarityJoin(left, right, "doc_vec", "tag_vec", 5, Metric.COSINE, "similarity");

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows).extracting(r -> r.getString("tag")).containsExactly("x-axis", "y-axis");
    }

    @Test
    void execute_nullElementOrNaN_treatedAsMissing() throws SQLException {
        LocalRelation left = docs(List.of(row(1L, "x", new float[] {1, 0, 0})));
        LocalRelation right = db.table("tags", TAGS, List.of());
        db.execute("INSERT INTO tags VALUES ('hole', [1, NULL, 0]::FLOAT[3]), ('nan', ['nan'::FLOAT, 0, 0]::FLOAT[3]),"
                + " ('inf', ['inf'::FLOAT, 0, 0]::FLOAT[3]), ('ok', [0, 1, 0]::FLOAT[3])");
        SimilarityJoin node = new SimilarityJoin(left, right, "doc_vec", "tag_vec", 5, Metric.DOT, "similarity");

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows).extracting(r -> r.getString("tag")).containsExactly("ok");
    }

    @Test
    void execute_tiedRightRows_lowerRowFirst() throws SQLException {
        LocalRelation left = docs(List.of(row(1L, "x", new float[] {1, 0, 0})));
        LocalRelation right = db.table(
                "tags",
                TAGS,
                List.of(
                        row("first", new float[] {0, 1, 0}),
                        row("second", new float[] {0, 1, 0}),
                        row("third", new float[] {0, 1, 0})));
        SimilarityJoin node = new SimilarityJoin(left, right, "doc_vec", "tag_vec", 2, Metric.COSINE, "similarity");

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows).extracting(r -> r.getString("tag")).containsExactly("first", "second");
    }

    @Test
    void execute_kLargerThanRightSide_everyRightRowOnce() throws SQLException {
        LocalRelation left = docs(List.of(row(1L, "a", new float[] {1, 0, 0}), row(2L, "b", new float[] {0, 1, 0})));
        SimilarityJoin node = new SimilarityJoin(left, tags(), "doc_vec", "tag_vec", 50, Metric.L2, "similarity");

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows).hasSize(8);
        assertThat(rows.subList(0, 4))
                .extracting(r -> r.getString("tag"))
                .containsExactlyInAnyOrder("x-axis", "y-axis", "z-axis", "xy");
    }

    @Test
    void execute_emptyLeftSide_emptyTableWithTheNodesColumns() throws SQLException {
        LocalRelation left = docs(List.of());
        SimilarityJoin node = new SimilarityJoin(left, tags(), "doc_vec", "tag_vec", 3, Metric.COSINE, "sim");

        String table = run(node);

        assertThat(db.read(table, node.schema())).isEmpty();
        assertThat(db.columns(table)).hasSize(6).last().isEqualTo("sim DOUBLE");
    }

    @Test
    void execute_manyRows_sameMatchesAsTheKernel() throws SQLException {
        EmbeddingType e16 = DataTypes.embedding(16, "m");
        Schema ls = new Schema(List.of(new StructField("i", DataTypes.INTEGER, true), new StructField("a", e16, true)));
        Schema rs = new Schema(List.of(new StructField("j", DataTypes.INTEGER, true), new StructField("b", e16, true)));
        float[][] lv = gaussian(31, 300, 16);
        float[][] rv = gaussian(32, 520, 16);
        List<List<Object>> lrows = new ArrayList<>();
        for (int i = 0; i < lv.length; i++) {
            lrows.add(row(i, lv[i]));
        }
        List<List<Object>> rrows = new ArrayList<>();
        for (int j = 0; j < rv.length; j++) {
            rrows.add(row(j, rv[j]));
        }
        SimilarityJoin node = new SimilarityJoin(
                db.table("docs", ls, lrows), db.table("tags", rs, rrows), "a", "b", 3, Metric.L2, "similarity");

        List<Row> rows = db.read(run(node), node.schema());

        TopK.Result expected = TopK.search(lv, rv, 3, Metric.L2);
        assertThat(rows).hasSize(900);
        for (int n = 0; n < rows.size(); n++) {
            Row r = rows.get(n);
            int i = n / 3;
            assertThat(r.getInt("i")).isEqualTo(i);
            assertThat(r.getInt("j")).isEqualTo(expected.index(i, n % 3));
            assertThat(r.getDouble("similarity")).isEqualTo(expected.similarity(i, n % 3));
        }
    }

    @Test
    void execute_afterwards_noIntermediateTableLeft() throws SQLException {
        LocalRelation left = docs(List.of(row(1L, "a", new float[] {1, 0, 0})));
        SimilarityJoin node = new SimilarityJoin(left, tags(), "doc_vec", "tag_vec", 1, Metric.COSINE, "similarity");

        run(node);

        assertThat(db.tablesStartingWith("quarry_simjoin_pairs_")).isZero();
        assertThat(db.tablesStartingWith("quarry_simjoin_")).isEqualTo(1);
    }

    @Test
    void execute_givenOutputName_createsThatTable() throws SQLException {
        LocalRelation left = docs(List.of(row(1L, "a", new float[] {1, 0, 0})));
        SimilarityJoin node = new SimilarityJoin(left, tags(), "doc_vec", "tag_vec", 1, Metric.COSINE, "similarity");

        String table = new SimilarityJoinExecutor(db.connection).execute(node, "docs", "tags", "My Matches");

        assertThat(table).isEqualTo("My Matches");
        assertThat(db.read(table, node.schema())).hasSize(1);
    }

    @Test
    void execute_embeddingColumnOfAnotherType_failsNamingIt() throws SQLException {
        LocalRelation left = docs(List.of());
        db.execute("DROP TABLE docs");
        db.execute("CREATE TEMP TABLE docs (doc_id BIGINT, title VARCHAR, doc_vec DOUBLE[])");
        SimilarityJoin node = new SimilarityJoin(left, tags(), "doc_vec", "tag_vec", 1, Metric.COSINE, "similarity");

        assertThatThrownBy(() -> run(node))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR))
                .hasMessageContaining("'doc_vec'")
                .hasMessageContaining("DOUBLE[]")
                .hasMessageContaining("FLOAT[3]");
    }

    @Test
    void execute_missingInputTable_failsAsTableNotFound() {
        SimilarityJoin node = new SimilarityJoin(
                new LocalRelation(DOCS, List.of()),
                new LocalRelation(TAGS, List.of()),
                "doc_vec",
                "tag_vec",
                1,
                Metric.COSINE,
                "similarity");

        assertThatThrownBy(() -> run(node))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND));
    }
}
