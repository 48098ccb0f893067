package dev.quarry.bench.semantic;

import static dev.quarry.functions.Functions.col;

import dev.quarry.DataFrame;
import dev.quarry.Description;
import dev.quarry.Session;
import dev.quarry.functions.Semantic;
import dev.quarry.models.OpenAIModel;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** The data and pipeline shared by the semantic benchmarks: support tickets through extract + classify. */
final class SemanticBenchSupport {
    private static final String[] PRODUCTS = {"Router X", "Camera Pro", "Phone Lite", "Laptop Air", "Watch S"};
    private static final String[] PROBLEMS = {
        "stopped working after the update",
        "shows error",
        "will not turn on",
        "was charged twice for",
        "arrived broken, box crushed,",
        "keeps disconnecting from wifi with code"
    };

    private SemanticBenchSupport() {}

    record TicketInfo(
            @Description("product the customer writes about")
            String product,

            @Description("true if the customer asks for money back")
            boolean wantsRefund,

            @Description("error codes quoted in the ticket") List<String> errorCodes) {}

    /**
     * {@code rows} tickets of which {@code duplicateShare} repeat an earlier text exactly (seeded).
     *
     * @return rows with {@code id} and {@code body}
     */
    static List<Map<String, Object>> tickets(int rows, double duplicateShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int distinct = (int) Math.round(rows * (1 - duplicateShare));
        List<String> texts = new ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            texts.add(String.format(
                    Locale.ROOT,
                    "Ticket %05d: my %s %s E%03d. %s",
                    i,
                    PRODUCTS[random.nextInt(PRODUCTS.length)],
                    PROBLEMS[random.nextInt(PROBLEMS.length)],
                    random.nextInt(1000),
                    random.nextBoolean() ? "I want a refund." : "Please help."));
        }
        List<Map<String, Object>> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            String body = i < distinct ? texts.get(i) : texts.get(random.nextInt(distinct));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", i);
            row.put("body", body);
            out.add(row);
        }
        // shuffle so that duplicates are spread over the input
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Map<String, Object> t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    static long distinctTexts(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("body")).distinct().count();
    }

    /** The simulator as model "gpt-4.1-nano", with no client-side rate limit in the way. */
    static OpenAIModel model(LlmSimulator sim) {
        return model(sim.baseUrl(Provider.OPENAI));
    }

    /** A simulator's OpenAI-protocol base URL as model "gpt-4.1-nano", with no client-side rate limit in the way. */
    static OpenAIModel model(String openAiBaseUrl) {
        return OpenAIModel.of("gpt-4.1-nano")
                .baseUrl(openAiBaseUrl)
                .apiKey("sk-bench")
                .rpm(1_000_000)
                .tpm(1_000_000_000L);
    }

    /** A session whose model "fast" is the simulator. */
    static Session session(LlmSimulator sim, Path dataDir) {
        return Session.builder()
                .appName("semantic-bench")
                .dataDir(dataDir)
                .languageModel("fast", model(sim))
                .build();
    }

    /** Extract a record and classify every ticket. */
    static DataFrame pipeline(Session session, List<Map<String, Object>> rows) {
        return session.createDataFrame(rows)
                .withColumn("info", Semantic.extract(col("body"), TicketInfo.class))
                .withColumn("team", Semantic.classify(col("body"), "billing", "technical", "shipping"));
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("quarry-semantic-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
