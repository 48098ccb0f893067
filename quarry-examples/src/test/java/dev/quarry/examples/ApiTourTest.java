package dev.quarry.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.QueryResult;
import dev.quarry.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTourTest {

    @TempDir
    Path work;

    @Test
    void run_bundledTickets_countsOpenTicketsPerProduct() {
        QueryResult result = ApiTour.run(work);

        assertThat(result.rows()).hasSize(5);
        assertThat(result.rows().stream().mapToLong(r -> r.getLong("tickets")).sum())
                .isEqualTo(openTickets());
    }

    @Test
    void run_bundledTickets_writesTheOpenTicketsAsParquet() {
        ApiTour.run(work);

        Path written = work.resolve("enriched.parquet");
        assertThat(Files.exists(written)).isTrue();
        try (Session session = Session.builder().dataDir(work.resolve("check")).build()) {
            assertThat(session.read().parquet(written.toString()).count()).isEqualTo(openTickets());
        }
    }

    @Test
    void run_bundledTickets_reportsMetrics() {
        QueryResult result = ApiTour.run(work);

        assertThat(result.metrics().outputRows()).isEqualTo(5);
    }

    private long openTickets() {
        Path csv = ExampleData.copyTo(work.resolve("expected"), "tickets.csv");
        try (Session session =
                Session.builder().dataDir(work.resolve("expected-session")).build()) {
            return session.read().csv(csv.toString()).collectAsList().stream()
                    .map(r -> r.getString("status"))
                    .filter("open"::equals)
                    .count();
        }
    }
}
