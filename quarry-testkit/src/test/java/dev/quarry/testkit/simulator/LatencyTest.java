package dev.quarry.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyTest {

    private static HttpRequest chatRequest(LlmSimulator sim, int i) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl(Provider.OPENAI) + "/chat/completions"))
                .header("Authorization", "Bearer sk-x")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\"," + "\"content\":\"request " + i + "\"}]}"))
                .build();
    }

    @Test
    void fixedLatency_delaysTheAnswer() {
        try (LlmSimulator sim = LlmSimulator.builder()
                .latency(Latency.fixed(Duration.ofMillis(300)))
                .start()) {
            long start = System.nanoTime();

            HttpResponse<String> r = SimHttp.send(chatRequest(sim, 0));

            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(elapsedMs).isBetween(290L, 5_000L);
            assertThat(sim.requests().get(0).latency()).isEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void delayedAnswers_doNotHoldAThreadEach() throws Exception {
        int inFlight = 300;
        try (LlmSimulator sim = LlmSimulator.builder()
                .latency(Latency.fixed(Duration.ofMillis(1000)))
                .start()) {
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < inFlight; i++) {
                futures.add(SimHttp.CLIENT.sendAsync(chatRequest(sim, i), HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(futures)
                    .allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));
            // 300 one-second answers on a handful of threads: concurrent, not one after another
            assertThat(elapsedMs).isLessThan(8_000L);
        }
    }

    @Test
    void normalLatency_samplesAroundTheMean() {
        Latency latency = Latency.normal(Duration.ofMillis(200), Duration.ofMillis(50));
        SplittableRandom random = new SplittableRandom(1);
        double sum = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            sum += latency.sample(random).toMillis();
        }

        assertThat(sum / n).isBetween(195.0, 205.0);
    }

    @Test
    void longTail_hasItsMedianAndP99() {
        Latency latency = Latency.longTail(Duration.ofMillis(100), Duration.ofMillis(1000));
        SplittableRandom random = new SplittableRandom(3);
        long[] samples = new long[20_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = latency.sample(random).toMillis();
        }
        java.util.Arrays.sort(samples);

        assertThat(samples[samples.length / 2]).isBetween(90L, 110L);
        assertThat(samples[(int) (samples.length * 0.99)]).isBetween(850L, 1150L);
    }

    @Test
    void instant_neverWaits() {
        assertThat(Latency.instant().sample(new SplittableRandom(1))).isZero();
    }
}
