package dev.quarry.testkit.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Routes, validates, limits, faults and answers requests; records what happened. Thread safe. */
final class SimulatorEngine {
    private static final Pattern GEMINI_PATH =
            Pattern.compile("^/(v1beta|v1)/models/([^/:]+):(generateContent|embedContent|batchEmbedContents)$");
    private static final Pattern QUERY_KEY = Pattern.compile("(^|&)key=[^&]*");
    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "x-api-key", "x-goog-api-key", "api-key", "cookie", "proxy-authorization");

    /** The configuration the engine runs with. */
    record Settings(
            long seed,
            InstantSource clock,
            Latency latency,
            AnswerFunction answers,
            EmbeddingFunction embeddings,
            TokenCharge tokenCharge,
            int requestLogLimit) {}

    /** A reply and when to send it. */
    record Outcome(Reply reply, Duration delay, Duration hang) {}

    private record Route(
            Endpoint endpoint, Provider provider, @Nullable String model) {}

    private final Settings settings;
    private final RateLimiter limiter;
    private final Set<String> models;
    private final Map<Provider, ProviderProtocol> protocols = new EnumMap<>(Provider.class);
    private volatile Faults faults;

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong faultIndex = new AtomicLong();
    private final ConcurrentHashMap<Long, AtomicInteger> occurrences = new ConcurrentHashMap<>();
    private final Deque<RecordedRequest> log = new ConcurrentLinkedDeque<>();
    private final AtomicInteger logSize = new AtomicInteger();
    private final ConcurrentHashMap<Endpoint, LongAdder> byEndpoint = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<FaultKind, LongAdder> byFault = new ConcurrentHashMap<>();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final LongAdder tokensCharged = new LongAdder();

    SimulatorEngine(
            Settings settings,
            ProviderProtocol.Context context,
            Limits defaults,
            Map<String, Limits> perModel,
            Faults faults) {
        this.settings = settings;
        this.models = context.models();
        this.faults = faults;
        this.limiter = new RateLimiter(defaults, perModel, this::nowNanos);
        protocols.put(Provider.OPENAI, new OpenAiProtocol(context));
        protocols.put(Provider.ANTHROPIC, new AnthropicProtocol(context));
        protocols.put(Provider.GEMINI, new GeminiProtocol(context));
        protocols.put(Provider.COHERE, new CohereProtocol(context));
    }

    private long nowNanos() {
        Instant now = settings.clock().instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    Faults faults() {
        return faults;
    }

    void faults(Faults next) {
        this.faults = next;
        faultIndex.set(0);
    }

    // ---------------------------------------------------------------- handling

    Outcome handle(Incoming in) {
        long seq = sequence.getAndIncrement();
        Instant receivedAt = settings.clock().instant();
        Route route = route(in);
        count(byEndpoint, route.endpoint());
        ProviderProtocol protocol = protocols.get(route.provider());
        Trace trace = new Trace();
        Reply reply;
        try {
            reply = answer(in, route, protocol, trace);
        } catch (ApiError e) {
            reply = e.reply();
        } catch (RuntimeException e) {
            reply = protocol.internalError(
                    route.endpoint(),
                    "The simulator failed to answer: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            trace.delay = Duration.ZERO;
        }
        if (reply.action() == Reply.Action.SEND) {
            count(byStatus, reply.status());
            if (reply.status() == 200 && trace.usageReported) {
                inputTokens.add(trace.inputTokens);
                outputTokens.add(trace.outputTokens);
            }
        }
        if (trace.fault != FaultKind.NONE) {
            count(byFault, trace.fault);
        }
        record(new RecordedRequest(
                seq,
                receivedAt,
                route.endpoint(),
                in.method(),
                in.path(),
                redactQuery(in.rawQuery()),
                redactHeaders(in.headers()),
                new String(in.body(), StandardCharsets.UTF_8),
                trace.model,
                trace.chat,
                trace.embeddingInputs,
                reply.action() == Reply.Action.SEND ? reply.status() : 0,
                trace.fault,
                reply.status() == 200 && trace.usageReported ? trace.inputTokens : 0,
                reply.status() == 200 && trace.usageReported ? trace.outputTokens : 0,
                trace.delay));
        return new Outcome(reply, trace.delay, faults.hang());
    }

    private static final class Trace {
        @Nullable
        String model;

        @Nullable
        ChatRequest chat;

        List<String> embeddingInputs = List.of();
        FaultKind fault = FaultKind.NONE;
        long inputTokens;
        long outputTokens;
        boolean usageReported;
        Duration delay = Duration.ZERO;
    }

    private Reply answer(Incoming in, Route route, ProviderProtocol protocol, Trace trace) {
        Endpoint endpoint = route.endpoint();
        if (endpoint == Endpoint.UNKNOWN) {
            return protocol.unknownPath(in);
        }
        Reply denied = protocol.authenticate(endpoint, in);
        if (denied != null) {
            return denied;
        }
        JsonNode body = null;
        if (!in.method().equals("GET")) {
            try {
                body = Json.parse(in.body());
            } catch (JsonProcessingException e) {
                return protocol.malformedJson(endpoint, e.getOriginalMessage());
            } catch (IOException e) {
                return protocol.malformedJson(endpoint, e.getMessage());
            }
        }
        Call call = protocol.parse(endpoint, in, body, route.model());
        trace.model = call.model();
        if (call instanceof Call.ListModels) {
            return protocol.listModels((Call.ListModels) call);
        }
        if (!models.isEmpty() && !models.contains(call.model())) {
            return protocol.modelNotFound(endpoint, call.model());
        }
        SplittableRandom random = requestRandom(endpoint, in.body());
        if (call instanceof Call.Chat) {
            return chat(endpoint, protocol, (Call.Chat) call, random, trace);
        }
        return embed(endpoint, protocol, (Call.Embed) call, random, trace);
    }

    private Reply chat(
            Endpoint endpoint, ProviderProtocol protocol, Call.Chat call, SplittableRandom random, Trace trace) {
        ChatRequest request = call.request();
        trace.chat = request;
        int input = TokenCounter.promptTokens(request);
        String answer = settings.answers().answer(request);
        if (answer == null) {
            throw new IllegalStateException("the answer function returned null for model " + request.model());
        }
        List<Completion> normal = completions(request, answer, call.n(), FaultKind.NONE, random);
        long actualOutput = normal.stream().mapToLong(Completion::outputTokens).sum();
        long chargedOutput = settings.tokenCharge() == TokenCharge.MAX_OUTPUT && request.maxOutputTokens() != null
                ? (long) request.maxOutputTokens() * call.n()
                : actualOutput;
        RateLimiter.Decision decision = limiter.acquire(call.model(), input, chargedOutput);
        if (!decision.allowed()) {
            rateLimited.increment();
            return protocol.rateLimited(endpoint, call.model(), decision);
        }
        tokensCharged.add(input + chargedOutput);
        FaultKind fault = chooseFault(endpoint, random);
        trace.fault = fault;
        trace.delay = settings.latency().sample(random);
        Reply faulted = transportFault(endpoint, protocol, fault, call.model(), decision);
        if (faulted != null) {
            return faulted;
        }
        List<Completion> completions = fault == FaultKind.NONE || fault == FaultKind.MALFORMED_JSON
                ? normal
                : completions(request, answer, call.n(), fault, random);
        Reply ok =
                protocol.chat(endpoint, call, completions, input, random).withHeaders(protocol.rateHeaders(decision));
        trace.inputTokens = input;
        trace.outputTokens =
                completions.stream().mapToLong(Completion::outputTokens).sum();
        trace.usageReported = fault != FaultKind.MALFORMED_JSON;
        return fault == FaultKind.MALFORMED_JSON ? ok.truncatedBody() : ok;
    }

    private Reply embed(
            Endpoint endpoint, ProviderProtocol protocol, Call.Embed call, SplittableRandom random, Trace trace) {
        trace.embeddingInputs = call.texts();
        int input = call.texts().stream().mapToInt(TokenCounter::count).sum();
        RateLimiter.Decision decision = limiter.acquire(call.model(), input, 0);
        if (!decision.allowed()) {
            rateLimited.increment();
            return protocol.rateLimited(endpoint, call.model(), decision);
        }
        tokensCharged.add(input);
        FaultKind fault = chooseFault(endpoint, random);
        trace.fault = fault;
        trace.delay = settings.latency().sample(random);
        Reply faulted = transportFault(endpoint, protocol, fault, call.model(), decision);
        if (faulted != null) {
            return faulted;
        }
        List<float[]> vectors = new ArrayList<>(call.texts().size());
        for (String text : call.texts()) {
            float[] v = settings.embeddings().embed(call.model(), text, call.dimensions());
            if (v == null || v.length != call.dimensions()) {
                throw new IllegalStateException("the embedding function returned "
                        + (v == null ? "null" : v.length + " dimensions") + " where " + call.dimensions()
                        + " were asked for");
            }
            vectors.add(fault == FaultKind.SCHEMA_VIOLATION ? java.util.Arrays.copyOf(v, v.length - 1) : v);
        }
        if (fault == FaultKind.TRUNCATED_OUTPUT) {
            vectors.remove(vectors.size() - 1);
        }
        Reply ok = protocol.embed(endpoint, call, vectors, input, fault == FaultKind.EMPTY_CHOICES, random)
                .withHeaders(protocol.rateHeaders(decision));
        trace.inputTokens = input;
        trace.usageReported = fault != FaultKind.MALFORMED_JSON;
        return fault == FaultKind.MALFORMED_JSON ? ok.truncatedBody() : ok;
    }

    private FaultKind chooseFault(Endpoint endpoint, SplittableRandom random) {
        Faults f = faults;
        if (!f.appliesTo(endpoint)) {
            return FaultKind.NONE;
        }
        return f.choose(faultIndex.getAndIncrement(), random);
    }

    private static @Nullable Reply transportFault(
            Endpoint endpoint, ProviderProtocol protocol, FaultKind fault, String model, RateLimiter.Decision d) {
        switch (fault) {
            case SERVER_ERROR:
            case OVERLOADED:
            case QUOTA_EXHAUSTED:
                return protocol.fault(endpoint, fault, model);
            case RATE_LIMITED:
                return protocol.fault(endpoint, fault, model).withHeaders(protocol.rateHeaders(d));
            case TIMEOUT:
                return Reply.hang();
            case CONNECTION_RESET:
                return Reply.reset();
            default:
                return null;
        }
    }

    private List<Completion> completions(
            ChatRequest request, String answer, int n, FaultKind fault, SplittableRandom random) {
        List<Completion> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(completion(request, answer, fault, random));
        }
        return out;
    }

    private static Completion completion(ChatRequest request, String answer, FaultKind fault, SplittableRandom random) {
        if (fault == FaultKind.EMPTY_CHOICES) {
            return new Completion("", 0, false, true);
        }
        String text = answer;
        if (fault == FaultKind.SCHEMA_VIOLATION) {
            if (request.schema() != null) {
                text = SchemaValues.violating(request.schema(), random).toString();
            } else if (request.jsonMode()) {
                text = "Sure! Here is the JSON you asked for.";
            }
        }
        boolean truncated = false;
        Integer max = request.maxOutputTokens();
        if (fault == FaultKind.TRUNCATED_OUTPUT) {
            int cps = text.codePointCount(0, text.length());
            int keep = Math.max(0, Math.min(cps / 2, cps - 1));
            text = text.substring(0, text.offsetByCodePoints(0, keep));
            if (max != null) {
                text = TokenCounter.truncate(text, max);
            }
            truncated = true;
        } else if (max != null && TokenCounter.count(text) > max) {
            text = TokenCounter.truncate(text, max);
            truncated = true;
        }
        return new Completion(text, TokenCounter.count(text), truncated, false);
    }

    /** A random source for this request: the seed, the endpoint, the body, and how often that body came before. */
    private SplittableRandom requestRandom(Endpoint endpoint, byte[] body) {
        long bodyHash = Hashing.hash(body);
        int occurrence = occurrences
                .computeIfAbsent(Hashing.combine(endpoint.ordinal(), bodyHash), k -> new AtomicInteger())
                .getAndIncrement();
        return new SplittableRandom(Hashing.combine(settings.seed(), endpoint.ordinal(), bodyHash, occurrence));
    }

    private static Route route(Incoming in) {
        String path = in.path();
        String method = in.method();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        boolean post = method.equals("POST");
        if (path.equals("/v1/chat/completions") && post) {
            return new Route(Endpoint.OPENAI_CHAT, Provider.OPENAI, null);
        }
        if (path.equals("/v1/embeddings") && post) {
            return new Route(Endpoint.OPENAI_EMBEDDINGS, Provider.OPENAI, null);
        }
        if (path.equals("/v1/models") && method.equals("GET")) {
            return new Route(Endpoint.OPENAI_MODELS, Provider.OPENAI, null);
        }
        if (path.equals("/v1/messages") && post) {
            return new Route(Endpoint.ANTHROPIC_MESSAGES, Provider.ANTHROPIC, null);
        }
        if (path.equals("/v2/embed") && post) {
            return new Route(Endpoint.COHERE_EMBED, Provider.COHERE, null);
        }
        Matcher m = GEMINI_PATH.matcher(path);
        if (m.matches() && post) {
            Endpoint e = switch3(m.group(3));
            return new Route(e, Provider.GEMINI, m.group(2));
        }
        Provider guess = path.startsWith("/v1beta") || path.contains("/models/") && path.contains(":")
                ? Provider.GEMINI
                : path.startsWith("/v2")
                        ? Provider.COHERE
                        : path.startsWith("/v1/messages") ? Provider.ANTHROPIC : Provider.OPENAI;
        return new Route(Endpoint.UNKNOWN, guess, null);
    }

    private static Endpoint switch3(String method) {
        if (method.equals("generateContent")) {
            return Endpoint.GEMINI_GENERATE_CONTENT;
        }
        if (method.equals("embedContent")) {
            return Endpoint.GEMINI_EMBED_CONTENT;
        }
        return Endpoint.GEMINI_BATCH_EMBED_CONTENTS;
    }

    // ---------------------------------------------------------------- records and counters

    private void record(RecordedRequest r) {
        log.addLast(r);
        if (logSize.incrementAndGet() > settings.requestLogLimit()) {
            if (log.pollFirst() != null) {
                logSize.decrementAndGet();
            }
        }
    }

    List<RecordedRequest> requests() {
        List<RecordedRequest> out = new ArrayList<>(log);
        out.sort(java.util.Comparator.comparingLong(RecordedRequest::sequence));
        return out;
    }

    Counters counters() {
        return new Counters(
                snapshot(byEndpoint),
                snapshot(byStatus),
                snapshot(byFault),
                rateLimited.sum(),
                inputTokens.sum(),
                outputTokens.sum(),
                tokensCharged.sum());
    }

    void reset() {
        log.clear();
        logSize.set(0);
        byEndpoint.clear();
        byStatus.clear();
        byFault.clear();
        rateLimited.reset();
        inputTokens.reset();
        outputTokens.reset();
        tokensCharged.reset();
        occurrences.clear();
        faultIndex.set(0);
        limiter.reset();
    }

    private static <K> void count(ConcurrentHashMap<K, LongAdder> map, K key) {
        map.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static <K> Map<K, Long> snapshot(ConcurrentHashMap<K, LongAdder> map) {
        Map<K, Long> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    static Map<String, List<String>> redactHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new TreeMap<>();
        headers.forEach((k, v) -> {
            String name = k.toLowerCase(Locale.ROOT);
            out.put(name, SECRET_HEADERS.contains(name) ? List.of("[redacted]") : List.copyOf(v));
        });
        return out;
    }

    static String redactQuery(@Nullable String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return QUERY_KEY.matcher(query).replaceAll("$1key=[redacted]");
    }
}
