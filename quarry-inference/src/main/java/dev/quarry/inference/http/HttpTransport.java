package dev.quarry.inference.http;

import java.util.concurrent.CompletableFuture;

/**
 * Sends HTTP requests asynchronously. The runtime uses {@link JdkHttpTransport}; tests plug in an
 * in-process fake. A failed future carries the I/O error (timeout, connection reset, refused).
 *
 * <pre>{@code CompletableFuture<WireResponse> f = transport.post(request);}</pre>
 */
public interface HttpTransport extends AutoCloseable {
    /**
     * Sends a POST.
     *
     * <pre>{@code transport.post(request).thenAccept(r -> System.out.println(r.status()));}</pre>
     *
     * @param request the request
     * @return the response, or a failed future on I/O errors
     */
    CompletableFuture<WireResponse> post(WireRequest request);

    @Override
    default void close() {}
}
