package dev.quarry.testkit.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP side: a JDK {@link HttpServer} on the loopback address. Handlers never wait: a delayed
 * answer is scheduled on a small timer pool, so hundreds of requests can be in flight on two threads.
 */
final class HttpFront implements AutoCloseable {
    private static final int BACKLOG = 1024;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every answer
        // then waits for the client's delayed ACK (~40 ms). Read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimulatorEngine engine;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService timers;
    private final Set<HttpExchange> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLong failures = new AtomicLong();

    HttpFront(SimulatorEngine engine, int port) throws IOException {
        this.engine = engine;
        this.server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), BACKLOG);
        this.handlers = Executors.newFixedThreadPool(4, daemon("quarry-simulator-http"));
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(2, daemon("quarry-simulator-timer"));
        t.setRemoveOnCancelPolicy(true);
        this.timers = t;
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        pending.add(exchange);
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            Incoming in = new Incoming(
                    exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                    exchange.getRequestURI().getRawPath(),
                    query == null ? "" : query,
                    lowerCase(exchange.getRequestHeaders()),
                    body);
            SimulatorEngine.Outcome outcome = engine.handle(in);
            long delay = outcome.delay().toNanos();
            if (delay <= 0) {
                deliver(exchange, outcome);
            } else {
                timers.schedule(() -> deliver(exchange, outcome), delay, TimeUnit.NANOSECONDS);
            }
        } catch (IOException e) {
            finish(exchange); // the client went away while sending
        } catch (Throwable t) {
            fail(exchange, t);
        }
    }

    private void deliver(HttpExchange exchange, SimulatorEngine.Outcome outcome) {
        try {
            Reply reply = outcome.reply();
            switch (reply.action()) {
                case RESET:
                    finish(exchange);
                    return;
                case HANG:
                    timers.schedule(() -> finish(exchange), outcome.hang().toNanos(), TimeUnit.NANOSECONDS);
                    return;
                default:
                    send(exchange, reply);
            }
        } catch (Throwable t) {
            fail(exchange, t);
        }
    }

    private void send(HttpExchange exchange, Reply reply) {
        try {
            Headers h = exchange.getResponseHeaders();
            reply.headers().forEach(h::set);
            byte[] body = reply.body();
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to tell it
        } finally {
            finish(exchange);
        }
    }

    /**
     * A failure of the simulator itself (never a simulated one): answer 500 naming it when nothing was
     * sent yet, so the client fails fast instead of waiting on an open connection.
     */
    private void fail(HttpExchange exchange, Throwable t) {
        failures.incrementAndGet();
        try {
            if (pending.contains(exchange) && exchange.getResponseCode() == -1) {
                String message = "LLM simulator failure: " + t.getClass().getName()
                        + (t.getMessage() == null ? "" : ": " + t.getMessage());
                com.fasterxml.jackson.databind.node.ObjectNode root = Json.object();
                root.putObject("error").put("message", message).put("type", "server_error");
                send(exchange, Reply.json(500, root));
            }
        } catch (Throwable ignored) {
            // fall through to closing the connection
        } finally {
            finish(exchange);
        }
        if (t instanceof VirtualMachineError) {
            throw (VirtualMachineError) t;
        }
    }

    /** Failures of the simulator itself since it started. */
    long failures() {
        return failures.get();
    }

    /** Closes the exchange; before any header is sent this closes the connection without a response. */
    private void finish(HttpExchange exchange) {
        if (pending.remove(exchange)) {
            exchange.close();
        }
    }

    private static Map<String, List<String>> lowerCase(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return out;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        timers.shutdownNow();
        for (HttpExchange e : List.copyOf(pending)) {
            finish(e);
        }
        handlers.shutdownNow();
    }
}
