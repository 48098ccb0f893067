package dev.quarry.inference.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link HttpTransport} over {@code java.net.http}, connections kept alive and reused.
 *
 * <p>Each call runs the client's blocking {@code send} on a thread of a cached pool, and the
 * returned future completes on that thread. {@code HttpClient.sendAsync} is not used because it
 * hands every response to {@code CompletableFuture}'s default executor, which on machines with
 * fewer than three cores starts a new thread per task: one thread per response. The pool holds at
 * most as many threads as there are requests in flight (the schedulers cap those) and lets idle
 * ones go after a minute.
 *
 * <pre>{@code try (HttpTransport t = new JdkHttpTransport(Duration.ofSeconds(10))) { t.post(request).join(); }}</pre>
 */
public final class JdkHttpTransport implements HttpTransport {
    private final ExecutorService internal;
    private final ExecutorService callers;
    private final HttpClient client;

    /**
     * A transport.
     *
     * <pre>{@code new JdkHttpTransport(Duration.ofSeconds(10))}</pre>
     *
     * @param connectTimeout the TCP connect timeout
     */
    public JdkHttpTransport(Duration connectTimeout) {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.internal = Executors.newFixedThreadPool(threads, daemon("quarry-http-io-"));
        this.callers = Executors.newCachedThreadPool(daemon("quarry-http-call-"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(internal)
                .build();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public CompletableFuture<WireResponse> post(WireRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(b::header);
        HttpRequest httpRequest = b.build();
        CompletableFuture<WireResponse> result = new CompletableFuture<>();
        try {
            callers.execute(() -> {
                try {
                    HttpResponse<byte[]> r = client.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
                    result.complete(new WireResponse(r.statusCode(), r.headers().map(), r.body()));
                } catch (IOException e) {
                    result.completeExceptionally(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.completeExceptionally(new IOException("request interrupted: the transport is closing", e));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IOException("the HTTP transport is closed", e));
        }
        return result;
    }

    @Override
    public void close() {
        callers.shutdownNow();
        internal.shutdownNow();
    }
}
