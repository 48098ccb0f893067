package dev.quarry.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Row;
import dev.quarry.Session;
import dev.quarry.testkit.demo.DemoAnswers;
import dev.quarry.testkit.simulator.Endpoint;
import dev.quarry.testkit.simulator.LlmSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API contract's program, end to end against the simulator, through each chat provider's protocol. */
@Timeout(180)
class ApiTourSemanticTest {
    @TempDir
    Path work;

    private record Outcome(ApiTourSemantic.Result result, String printed, long requests, long onEndpoint) {}

    private Outcome run(String defaultModel, int ticketRows, Endpoint endpoint) {
        try (LlmSimulator sim =
                LlmSimulator.builder().answers(DemoAnswers.create()).start()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ApiTourSemantic.Result result = ApiTourSemantic.run(
                    work,
                    ApiTourSemantic.BaseUrls.of(sim),
                    defaultModel,
                    ticketRows,
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
            return new Outcome(
                    result,
                    bytes.toString(StandardCharsets.UTF_8),
                    sim.counters().requests(),
                    sim.counters().requests(endpoint));
        }
    }

    @Test
    void run_allBundledTicketsThroughOpenAi_printsOneLinePerTeamAndWritesTheEnrichedTickets() {
        Outcome o = run("fast", 300, Endpoint.OPENAI_CHAT);

        assertThat(o.result().perTeam().rows())
                .extracting(r -> r.getString("team"))
                .isSubsetOf(Set.of("billing", "technical", "sales"))
                .isNotEmpty();
        long angry = o.result().perTeam().rows().stream()
                .mapToLong(r -> r.getLong("tickets"))
                .sum();
        assertThat(o.result().write().outputRows()).isEqualTo(angry);
        try (Session session = Session.builder().dataDir(work.resolve("check")).build()) {
            Row first = session.read()
                    .parquet(o.result().enrichedParquet().toString())
                    .collectAsList()
                    .get(0);
            assertThat(first.getStruct("info").getString("product")).isNotBlank();
            assertThat((float[]) first.get("embedding")).hasSize(384);
        }
    }

    @ParameterizedTest
    @CsvSource({"fast, OPENAI_CHAT", "claude, ANTHROPIC_MESSAGES", "gemini, GEMINI_GENERATE_CONTENT"})
    void run_eachChatProvider_sendsEveryRequestThroughItsProtocolAndPrintsTheSimulatorsCount(
            String model, Endpoint endpoint) {
        Outcome o = run(model, 40, endpoint);

        assertThat(o.requests()).isPositive().isEqualTo(o.onEndpoint());
        assertThat(o.printed()).contains(ExampleKit.TOTAL + "requests=" + o.requests() + ",");
        assertThat(o.result().perTeam().rows()).isNotEmpty();
    }
}
