package dev.quarry.local.semantic.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.Row;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.types.DataTypes;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterLabelsExecutorTest {
    static final EmbeddingType E4 = DataTypes.embedding(4, "test-model");
    static final Schema TICKETS = new Schema(List.of(
            new StructField("id", DataTypes.INTEGER, true),
            new StructField("body", DataTypes.STRING, true),
            new StructField("vec", E4, true)));

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

    /** 30 tickets, ticket i near axis i % 3 (scaled by 10), a little noise. */
    private LocalRelation tickets() {
        List<List<Object>> rows = new ArrayList<>();
        float[][] noise = VectorData.gaussian(5, 30, 4);
        for (int i = 0; i < 30; i++) {
            float[] v = new float[4];
            for (int t = 0; t < 4; t++) {
                v[t] = noise[i][t] * 0.1f;
            }
            v[i % 3] += 10;
            rows.add(Arrays.asList(i, "ticket " + i, v));
        }
        return db.table("tickets", TICKETS, rows);
    }

    private String run(ClusterLabels node) {
        return new ClusterLabelsExecutor(db.connection, pool).execute(node, "tickets");
    }

    @Test
    void execute_separatedGroups_oneLabelPerGroupInInputOrder() throws SQLException {
        ClusterLabels node = new ClusterLabels(tickets(), "vec", 3, 42L, 50, "cluster_label", null);

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows).extracting(r -> r.getInt("id")).containsExactlyElementsOf(range(30));
        Set<Integer> labels = new HashSet<>();
        for (Row r : rows) {
            int i = r.getInt("id");
            assertThat(r.getInt("cluster_label")).isEqualTo(rows.get(i % 3).getInt("cluster_label"));
            labels.add(r.getInt("cluster_label"));
        }
        assertThat(labels).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(rows.get(4).getString("body")).isEqualTo("ticket 4");
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void execute_output_hasTheChildsColumnsThenLabelThenCentroid() throws SQLException {
        ClusterLabels node = new ClusterLabels(tickets(), "vec", 3, 1L, 50, "topic", "centre");

        String table = run(node);

        assertThat(db.columns(table))
                .containsExactly("id INTEGER", "body VARCHAR", "vec FLOAT[4]", "topic INTEGER", "centre FLOAT[4]");
        assertThat(table).startsWith("quarry_clusters_");
    }

    @Test
    void execute_centroidColumn_isTheMeanOfTheClustersEmbeddings() throws SQLException {
        ClusterLabels node = new ClusterLabels(tickets(), "vec", 3, 1L, 50, "cluster_label", "centroid");

        List<Row> rows = db.read(run(node), node.schema());

        for (Row member : rows) {
            double[] mean = new double[4];
            int size = 0;
            for (Row r : rows) {
                if (r.getInt("cluster_label").equals(member.getInt("cluster_label"))) {
                    size++;
                    for (int t = 0; t < 4; t++) {
                        mean[t] += r.getEmbedding("vec")[t];
                    }
                }
            }
            float[] centroid = member.getEmbedding("centroid");
            for (int t = 0; t < 4; t++) {
                assertThat((double) centroid[t]).isCloseTo(mean[t] / size, within(1e-5));
            }
        }
    }

    @Test
    void execute_nullEmbedding_nullLabelAndCentroid() throws SQLException {
        LocalRelation child = db.table(
                "tickets",
                TICKETS,
                List.of(
                        Arrays.asList(1, "a", new float[] {1, 0, 0, 0}),
                        Arrays.asList(2, "no vector", null),
                        Arrays.asList(3, "b", new float[] {0, 1, 0, 0})));
        ClusterLabels node = new ClusterLabels(child, "vec", 2, 1L, 10, "cluster_label", "centroid");

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows).extracting(r -> r.getInt("id")).containsExactly(1, 2, 3);
        assertThat(rows.get(1).isNullAt("cluster_label")).isTrue();
        assertThat(rows.get(1).isNullAt("centroid")).isTrue();
        assertThat(rows.get(0).getInt("cluster_label")).isNotEqualTo(rows.get(2).getInt("cluster_label"));
    }

    @Test
    void execute_nanElement_nullLabel() throws SQLException {
        LocalRelation child = db.table("tickets", TICKETS, List.of());
        db.execute(
                "INSERT INTO tickets VALUES (1, 'a', [1, 0, 0, 0]::FLOAT[4]), (2, 'bad', ['nan'::FLOAT, 0, 0, 0]::FLOAT[4])");
        ClusterLabels node = new ClusterLabels(child, "vec", 2, 1L, 10, "cluster_label", null);

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows.get(0).getInt("cluster_label")).isZero();
        assertThat(rows.get(1).isNullAt("cluster_label")).isTrue();
    }

    @Test
    void execute_fewerRowsThanK_oneClusterPerDistinctEmbedding() throws SQLException {
        LocalRelation child = db.table(
                "tickets",
                TICKETS,
                List.of(
                        Arrays.asList(1, "a", new float[] {1, 0, 0, 0}),
                        Arrays.asList(2, "b", new float[] {0, 1, 0, 0}),
                        Arrays.asList(3, "a again", new float[] {1, 0, 0, 0})));
        ClusterLabels node = new ClusterLabels(child, "vec", 8, 3L, 10, "cluster_label", null);

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows).extracting(r -> r.getInt("cluster_label")).containsOnly(0, 1);
        assertThat(rows.get(0).getInt("cluster_label")).isEqualTo(rows.get(2).getInt("cluster_label"));
        assertThat(rows.get(0).getInt("cluster_label")).isNotEqualTo(rows.get(1).getInt("cluster_label"));
    }

    @Test
    void execute_noEmbeddingsAtAll_allLabelsNull() throws SQLException {
        LocalRelation child =
                db.table("tickets", TICKETS, List.of(Arrays.asList(1, "a", null), Arrays.asList(2, "b", null)));
        ClusterLabels node = new ClusterLabels(child, "vec", 3, 3L, 10, "cluster_label", "centroid");

        List<Row> rows = db.read(run(node), node.schema());

        assertThat(rows)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.isNullAt("cluster_label")).isTrue());
    }

    @Test
    void execute_sameSeedTwice_sameLabels() throws SQLException {
        EmbeddingType e8 = DataTypes.embedding(8, "m");
        Schema schema = new Schema(List.of(new StructField("v", e8, true)));
        List<List<Object>> rows = new ArrayList<>();
        for (float[] v : VectorData.gaussian(77, 400, 8)) {
            rows.add(Arrays.asList((Object) v));
        }
        LocalRelation child = db.table("tickets", schema, rows);
        ClusterLabels node = new ClusterLabels(child, "v", 6, 99L, 30, "cluster_label", null);

        List<Object> first = labels(db.read(run(node), node.schema()));
        List<Object> second = labels(db.read(
                new ClusterLabelsExecutor(db.connection, new ForkJoinPool(1)).execute(node, "tickets"), node.schema()));

        assertThat(second).isEqualTo(first);
        assertThat(new HashSet<>(first)).hasSize(6);
    }

    private static List<Object> labels(List<Row> rows) {
        List<Object> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r.get("cluster_label"));
        }
        return out;
    }

    @Test
    void execute_afterwards_noIntermediateTableLeft() throws SQLException {
        ClusterLabels node = new ClusterLabels(tickets(), "vec", 3, 1L, 10, "cluster_label", "centroid");

        run(node);

        assertThat(db.tablesStartingWith("quarry_clusters_labels_")).isZero();
        assertThat(db.tablesStartingWith("quarry_clusters_centroids_")).isZero();
        assertThat(db.tablesStartingWith("quarry_clusters_")).isEqualTo(1);
    }
}
