package dev.quarry.local;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.count;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.functions.Functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.DataFrame;
import dev.quarry.Row;
import dev.quarry.SaveMode;
import dev.quarry.Session;
import dev.quarry.functions.Text;
import dev.quarry.internal.analyzer.FunctionRegistry;
import dev.quarry.local.sql.FunctionMapper;
import dev.quarry.local.udf.JavaFunctions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public API on top of this backend: a small pipeline end to end, across two sessions. */
class SessionEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void functionRegistry_everyStandardFunctionHasALocalImplementation() {
        assertThat(new FunctionMapper(JavaFunctions.standard().names()).names())
                .containsAll(FunctionRegistry.standard().names());
    }

    @Test
    void pipeline_readsTransformsWritesAndPersists() throws IOException {
        Path csv = dir.resolve("tickets.csv");
        Files.writeString(
                csv,
                "id,team,body\n1,billing,I want my money back\n2,tech,\"Error 42, again\"\n3,billing,Refund now\n");
        Path out = dir.resolve("out/summary.parquet");
        try (Session session = Session.builder().dataDir(dir.resolve("quarry")).build()) {
            DataFrame tickets = session.read().csv(csv.toString());
            DataFrame summary = tickets.withColumn("tokens", Text.countTokens(col("body")))
                    .filter(col("id").gt(lit(0)))
                    .groupBy(col("team"))
                    .agg(count(col("id")).as("n"), sum(col("tokens")).as("tokens"))
                    .orderBy(col("team"));
            List<Row> rows = summary.collectAsList();
            assertThat(rows).extracting(r -> r.getString("team")).containsExactly("billing", "tech");
            assertThat(rows.get(0).getLong("n")).isEqualTo(2L);
            assertThat(rows.get(0).getLong("tokens")).isPositive();

            summary.write().mode(SaveMode.OVERWRITE).parquet(out.toString());
            summary.write().saveAsTable("summary");
            DataFrame viaSql = session.sql("SELECT team, n * 10 AS n10 FROM {s} ORDER BY team", Map.of("s", summary));
            assertThat(viaSql.collectAsList()).extracting(r -> r.getLong("n10")).containsExactly(20L, 10L);
        }
        try (Session session = Session.builder().dataDir(dir.resolve("quarry")).build()) {
            assertThat(session.table("summary").count()).isEqualTo(2);
            assertThat(session.read().parquet(out.toString()).count()).isEqualTo(2);
        }
    }
}
