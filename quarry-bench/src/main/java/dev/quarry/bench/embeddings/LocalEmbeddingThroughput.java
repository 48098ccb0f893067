package dev.quarry.bench.embeddings;

import dev.quarry.embeddings.local.MiniLmEmbeddingProvider;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.inference.spi.LocalEmbedder;
import dev.quarry.models.LocalEmbeddingModel;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Throughput of the in-process all-MiniLM-L6-v2 embedder on support-ticket-sized texts, through the
 * inference runtime (what {@code Semantic.embed} uses) and through the embedder alone, for batch
 * sizes 32 and 64 and 1 and 2 worker threads. Prints a Markdown table.
 *
 * <pre>{@code
 * mvn -q -pl quarry-bench -am package -Dmaven.test.skip=true
 * java -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.embeddings.LocalEmbeddingThroughput --texts 1000 --repetitions 3
 * }</pre>
 */
public final class LocalEmbeddingThroughput {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LocalEmbeddingThroughput() {}

    /** One configuration to measure. */
    private record Config(String path, int batchSize, int threads, Consumer<List<String>> run) {}

    /** One measured configuration. */
    private record Row(String path, int batchSize, int threads, double[] textsPerSecond, double cpuMsPerText) {
        double best() {
            return Arrays.stream(textsPerSecond).max().orElse(0);
        }

        double median() {
            double[] s = textsPerSecond.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }
    }

    /**
     * The options both embedding benchmarks take: {@code --texts N} (default 1000) and {@code
     * --repetitions R} (default 3).
     */
    record Options(int texts, int repetitions) {
        static Options parse(String[] args) {
            int texts = 1000;
            int repetitions = 3;
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--texts" -> texts = Integer.parseInt(args[i + 1]);
                    case "--repetitions" -> repetitions = Integer.parseInt(args[i + 1]);
                    default ->
                        throw new IllegalArgumentException(
                                "unknown option " + args[i] + "; use --texts N or --repetitions R");
                }
            }
            return new Options(texts, repetitions);
        }
    }

    /**
     * Runs the benchmark.
     *
     * <pre>{@code LocalEmbeddingThroughput.main(new String[] {"--texts", "1000", "--repetitions", "3"});}</pre>
     *
     * @param args {@code --texts N} (default 1000), {@code --repetitions R} (default 3)
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int count = options.texts();
        int repetitions = options.repetitions();
        List<String> texts = tickets(count, 42);
        double meanChars = texts.stream().mapToInt(String::length).average().orElse(0);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(
                "# all-MiniLM-L6-v2 (int8 ONNX), %d distinct texts of %.0f characters on average, %d cores, %s %s,"
                        + " Java %s, load average at start %.1f%n%n",
                texts.size(),
                meanChars,
                os.getAvailableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                os.getSystemLoadAverage());

        // Every configuration is built and warmed first, then the repetitions take turns, so a busy
        // moment on the machine falls on all configurations alike rather than on one.
        List<Config> configs = new ArrayList<>();
        List<AutoCloseable> open = new ArrayList<>();
        Path dataDir = Files.createTempDirectory("quarry-bench-embeddings");
        try {
            for (int batchSize : new int[] {32, 64}) {
                for (int threads : new int[] {1, 2}) {
                    InferenceRuntime runtime = InferenceRuntime.builder()
                            .embeddingModel(
                                    "mini",
                                    // computing is measured, not the response cache
                                    LocalEmbeddingModel.allMiniLmL6V2()
                                            .batchSize(batchSize)
                                            .threads(threads)
                                            .responseCache(false))
                            .dataDir(dataDir)
                            .build();
                    open.add(runtime);
                    configs.add(new Config(
                            "InferenceRuntime.embed",
                            batchSize,
                            threads,
                            t -> runtime.embed("mini", t).join()));
                }
            }
            for (int threads : new int[] {1, 2}) {
                LocalEmbedder embedder = new MiniLmEmbeddingProvider()
                        .create(LocalEmbeddingModel.allMiniLmL6V2().threads(threads));
                open.add(embedder);
                // the embedder alone, fed batch by batch from one caller thread
                configs.add(new Config("LocalEmbedder.embed, one caller", 32, threads, t -> {
                    for (int i = 0; i < t.size(); i += 32) embedder.embed(t.subList(i, Math.min(t.size(), i + 32)));
                }));
            }
            for (Config c : configs) c.run().accept(texts.subList(0, Math.min(texts.size(), 64))); // load, warm up
            double[][] rates = new double[configs.size()][repetitions];
            long[] cpu = new long[configs.size()];
            for (int r = 0; r < repetitions; r++) {
                for (int c = 0; c < configs.size(); c++) {
                    long cpu0 = OS.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    configs.get(c).run().accept(texts);
                    rates[c][r] = texts.size() / ((System.nanoTime() - t0) / 1e9);
                    cpu[c] += OS.getProcessCpuTime() - cpu0;
                }
            }
            List<Row> rows = new ArrayList<>();
            for (int c = 0; c < configs.size(); c++) {
                Config k = configs.get(c);
                rows.add(new Row(
                        k.path(), k.batchSize(), k.threads(), rates[c], cpu[c] / 1e6 / repetitions / texts.size()));
            }
            print(rows);
        } finally {
            for (AutoCloseable c : open) c.close();
        }
        System.out.printf("%nload average at end %.1f%n", os.getSystemLoadAverage());
    }

    private static void print(List<Row> rows) {
        System.out.println("| path | batch | threads | texts/s best | texts/s median | CPU ms/text |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            System.out.printf(
                    "| %s | %d | %d | %.0f | %.0f | %.2f |%n",
                    r.path(), r.batchSize(), r.threads(), r.best(), r.median(), r.cpuMsPerText());
        }
    }

    /** Distinct support tickets of 60 to 200 characters, the same for the same seed. */
    static List<String> tickets(int count, long seed) {
        String[] products = {"Ledger", "Storefront", "Inventory", "Analytics", "Payroll"};
        String[] integrations = {"QuickBooks", "Salesforce", "HubSpot", "Slack", "Xero", "Stripe", "Shopify"};
        String[] errors = {"E-1042", "E-2201", "E-3090", "E-7713", "HTTP 429", "HTTP 502"};
        String[] screens = {"dashboard", "audit log", "forecast", "reports", "checkout", "reconciliation"};
        String[] months = {"August", "September", "October", "November"};
        List<String> templates = List.of(
                "The %I sync in %P stopped working two days ago and throws %E. Our orders are not coming through.",
                "I was charged twice for %P this month (%D). Please refund the duplicate payment of $%M.",
                "I've been locked out of %P since %D and the reset email never arrives. I have a deadline tomorrow.",
                "Can we get a trial extension for %P? We need two more weeks to test the %S module with %N people.",
                "After the latest release the %S page in %P loads very slowly (around %N seconds). Known issue?",
                "Your invoice shows %N seats on %P but we only have fewer people. Fix the bill and refund the difference.",
                "Does %P support data residency in the EU? Our legal team needs this before we can sign.",
                "The new %S screen in %P is great. Small bug though: the export button shows %E on Safari.",
                "You renewed %P automatically even though I cancelled on %D. Please reverse the $%M charge.",
                "Loving %P so far! We'd like to add %I and %N more seats. Who can I talk to about a quote?",
                "The %P API returns %E for about %N%% of requests since %D. Retrying helps. Anything changed?",
                "Please transfer ownership of our %P workspace to my colleague; I'm leaving the company on %D.");
        Random random = new Random(seed);
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < count) {
            String t = templates
                    .get(random.nextInt(templates.size()))
                    .replace("%P", products[random.nextInt(products.length)])
                    .replace("%I", integrations[random.nextInt(integrations.length)])
                    .replace("%E", errors[random.nextInt(errors.length)])
                    .replace("%S", screens[random.nextInt(screens.length)])
                    .replace("%D", months[random.nextInt(months.length)] + " " + (1 + random.nextInt(28)))
                    .replace("%M", (100 + random.nextInt(900)) + ".99")
                    .replace("%N", Integer.toString(2 + random.nextInt(60)))
                    .replace("%%", "%");
            out.add(t);
        }
        return List.copyOf(out);
    }
}
