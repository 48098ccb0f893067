package dev.quarry.inference.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class JdkHttpTransportTest {
    private static WireRequest chat(LlmSimulator sim, int i) {
        String body = "{\"model\":\"gpt-4.1-nano\",\"messages\":[{\"role\":\"user\",\"content\":\"hello " + i + "\"}]}";
        return new WireRequest(
                URI.create(sim.baseUrl(Provider.OPENAI) + "/chat/completions"),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer sk-test"),
                body.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(10));
    }

    @Test
    void post_returnsStatusHeadersAndBody() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(5))) {
            WireResponse r = transport.post(chat(sim, 1)).join();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).contains("json"));
            assertThat(r.bodyText()).contains("\"choices\"");
        }
    }

    @Test
    void post_completesOnTheTransportsOwnThreads() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (LlmSimulator sim = LlmSimulator.builder().start();
                JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(5))) {
            List<CompletableFuture<WireResponse>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                all.add(transport
                        .post(chat(sim, i))
                        .whenComplete(
                                (r, e) -> threads.add(Thread.currentThread().getName())));
            }
            all.forEach(CompletableFuture::join);
        }
        // completions run on the caller pool (or on this thread if already done), never on a thread
        // started for one task, which is what CompletableFuture's default executor does on small machines
        assertThat(threads).allSatisfy(name -> assertThat(name).matches("quarry-http-call-\\d+|main"));
    }

    @Test
    void post_refusedConnection_failsWithIOException() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        WireRequest request = new WireRequest(
                URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"),
                Map.of(),
                new byte[0],
                Duration.ofSeconds(5));
        try (JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> transport.post(request).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void post_afterClose_failsWithIOException() {
        JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(5));
        transport.close();
        WireRequest request = new WireRequest(
                URI.create("http://127.0.0.1:9/v1/chat/completions"), Map.of(), new byte[0], Duration.ofSeconds(1));
        assertThatThrownBy(() -> transport.post(request).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("closed");
    }
}
