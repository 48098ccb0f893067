package dev.quarry.inference;

import dev.quarry.inference.http.HttpTransport;
import dev.quarry.inference.http.WireRequest;
import dev.quarry.inference.http.WireResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An in-process transport: answers each request with a function, after a latency on a {@link ManualTime}. */
public final class FakeTransport implements HttpTransport {
    private final ManualTime time;
    private final Duration latency;
    private volatile Function<WireRequest, WireResponse> responder;
    public final List<WireRequest> sent = new CopyOnWriteArrayList<>();
    private int inFlight;
    private int maxInFlight;

    public FakeTransport(ManualTime time, Duration latency, Function<WireRequest, WireResponse> responder) {
        this.time = time;
        this.latency = latency;
        this.responder = responder;
    }

    public void respondWith(Function<WireRequest, WireResponse> responder) {
        this.responder = responder;
    }

    public synchronized int maxInFlight() {
        return maxInFlight;
    }

    @Override
    public CompletableFuture<WireResponse> post(WireRequest request) {
        sent.add(request);
        synchronized (this) {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
        }
        CompletableFuture<WireResponse> f = new CompletableFuture<>();
        time.schedule(latency.toNanos(), () -> {
            synchronized (this) {
                inFlight--;
            }
            try {
                f.complete(responder.apply(request));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    public static WireResponse json(int status, String body, Map<String, List<String>> headers) {
        return new WireResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    public static WireResponse json(int status, String body) {
        return json(status, body, Map.of());
    }

    /** An OpenAI chat completion answering {@code content} with the given usage. */
    public static WireResponse openAiAnswer(String content, int promptTokens, int completionTokens) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"");
        return json(
                200,
                "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                        + "\"assistant\",\"content\":\"" + escaped
                        + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":"
                        + promptTokens + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":"
                        + (promptTokens + completionTokens) + "}}");
    }

    public static String body(WireRequest r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
