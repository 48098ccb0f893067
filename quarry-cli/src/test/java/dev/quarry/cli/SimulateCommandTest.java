package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {

    private static final class Run {
        final SimulateCommand command = new SimulateCommand();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CompletableFuture<Integer> exit;

        Run(String... args) {
            CommandLine cli = new CommandLine(command);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            exit = CompletableFuture.supplyAsync(() -> cli.execute(args));
        }
    }

    @Test
    void simulate_printsBaseUrlsAndServesUntilStopped() throws Exception {
        Run run = new Run("--rpm", "100", "--latency-ms", "5", "--stats-seconds", "0");
        int port = run.command.ready.get(20, TimeUnit.SECONDS);

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                                .header("Authorization", "Bearer any")
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        run.command.stop();

        assertThat(run.exit.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-ratelimit-limit-requests")).hasValue("100");
        assertThat(run.out.toString())
                .contains("OpenAI     http://127.0.0.1:" + port + "/v1")
                .contains("Anthropic  http://127.0.0.1:" + port)
                .contains("Simulator stopped after 1 requests.");
    }

    @Test
    void simulate_p99BelowTheMedian_isAUsageError() throws Exception {
        Run run = new Run("--latency-ms", "100", "--latency-p99-ms", "10");

        assertThat(run.exit.get(20, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(run.err.toString()).contains("--latency-p99-ms 10");
    }

    @Test
    void simulate_negativeRpm_isAUsageErrorNamingTheValue() throws Exception {
        Run run = new Run("--rpm", "-5");

        assertThat(run.exit.get(20, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(run.err.toString()).contains("-5");
    }

    @Test
    void simulate_apiKeyIsNeverPrinted() throws Exception {
        Run run = new Run("--api-key", "sk-secret-cli-key", "--stats-seconds", "0");
        run.command.ready.get(20, TimeUnit.SECONDS);
        run.command.stop();

        assertThat(run.exit.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(run.out.toString() + run.err).doesNotContain("sk-secret-cli-key");
    }
}
