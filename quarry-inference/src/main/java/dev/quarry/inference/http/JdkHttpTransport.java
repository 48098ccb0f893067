package dev.quarry.inference.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link HttpTransport} over {@code java.net.http}: non-blocking, connections reused, no thread per
 * request (a small pool runs completions).
 *
 * <pre>{@code try (HttpTransport t = new JdkHttpTransport(Duration.ofSeconds(10))) { t.post(request).join(); }}</pre>
 */
public final class JdkHttpTransport implements HttpTransport {
    private final ExecutorService executor;
    private final HttpClient client;

    /**
     * A transport.
     *
     * <pre>{@code new JdkHttpTransport(Duration.ofSeconds(10))}</pre>
     *
     * @param connectTimeout the TCP connect timeout
     */
    public JdkHttpTransport(Duration connectTimeout) {
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "quarry-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }

    @Override
    public CompletableFuture<WireResponse> post(WireRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(b::header);
        return client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new WireResponse(r.statusCode(), r.headers().map(), r.body()));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
