package dev.quarry.cli;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.Row;
import dev.quarry.Session;
import dev.quarry.models.LocalEmbeddingModel;
import dev.quarry.testkit.demo.DemoModels;
import dev.quarry.testkit.simulator.LlmSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quarry demo}: a realistic pipeline over the support tickets bundled with Quarry. It keeps
 * the open tickets, extracts a record from each with a language model, classifies them to a team,
 * keeps the angry customers, embeds the texts in process, clusters them, writes Parquet, reduces
 * each cluster to a theme, and prints the tables and the model usage per operator.
 *
 * <p>With {@code OPENAI_API_KEY} (else {@code ANTHROPIC_API_KEY}, else {@code GEMINI_API_KEY} or
 * {@code GOOGLE_API_KEY}) in the environment it calls that provider; without one, or with
 * {@code --offline}, it starts the LLM simulator on 127.0.0.1 with answers written for the bundled
 * data, and says so in its first line. A second run finds every answer in the response cache.
 *
 * <pre>{@code
 * java -jar quarry-cli/target/quarry.jar demo
 * java -jar quarry-cli/target/quarry.jar demo --offline --data-dir /tmp/quarry
 * }</pre>
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a semantic pipeline over 300 bundled support tickets (extract, classify, filter by a model's"
                    + " judgement, embed, cluster, reduce) and prints the result and the model usage.",
            "Uses OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY/GOOGLE_API_KEY when set; otherwise (or with"
                    + " --offline) the built-in LLM simulator."
        })
final class DemoCommand implements Callable<Integer> {
    static final String PORT_FILE = "simulator.port";

    @Option(
            names = {"-d", "--data-dir"},
            defaultValue = ".quarry",
            description =
                    "The session's data directory; the demo works in its 'demo' folder (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--offline", description = "Use the built-in LLM simulator even when a provider key is set.")
    boolean offline;

    @Option(
            names = "--clusters",
            defaultValue = "7",
            description = "How many clusters the angry tickets are grouped into (default: ${DEFAULT-VALUE}).")
    int clusters;

    @Option(
            names = "--rows",
            defaultValue = "12",
            description = "How many enriched tickets to print (default: ${DEFAULT-VALUE}).")
    int sampleRows;

    private final PrintStream out;
    private final Map<String, String> environment;

    DemoCommand() {
        this(System.out, System.getenv());
    }

    DemoCommand(PrintStream out, Map<String, String> environment) {
        this.out = out;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        if (clusters < 1) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT, "--clusters must be at least 1, got " + clusters + ".");
        }
        if (sampleRows < 1) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "--rows must be at least 1, got " + sampleRows + ".");
        }
        Path work = dataDir.resolve("demo");
        Path tickets = copyResource("tickets.csv", work);
        Path customers = copyResource("customers.csv", work);
        long started = System.nanoTime();
        try (DemoModels models = offline || !hasProviderKey()
                ? DemoModels.simulated(DemoModels.SIMULATED_LATENCY, rememberedPort(work))
                : DemoModels.fromEnvironment(environment)) {
            out.println("Quarry demo — " + models.description());
            models.simulator().ifPresent(sim -> rememberPort(work, sim));
            DemoPipeline.Run run;
            try (Session session = Session.builder()
                    .appName("quarry-demo")
                    .dataDir(dataDir)
                    .languageModel("llm", models.languageModel())
                    .embeddingModel("minilm", LocalEmbeddingModel.allMiniLmL6V2())
                    .build()) {
                run = new DemoPipeline(session, work, clusters).run(tickets, customers, sampleRows);
            }
            print(run, work, models, started);
        }
        return 0;
    }

    private boolean hasProviderKey() {
        for (String variable : List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY")) {
            String v = environment.get(variable);
            if (v != null && !v.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private void print(DemoPipeline.Run run, Path work, DemoModels models, long started) {
        out.println(run.tickets() + " support tickets from " + run.customers() + " customers (bundled dataset, " + work
                + "); " + run.openTickets() + " are open or pending.");
        out.println();
        out.println("Pipeline:");
        out.println("  1. keep open and pending tickets                        relational (DuckDB)");
        out.println("  2. extract TicketInfo(product, wantsRefund, errorCodes)  semantic.extract(info)");
        out.println("  3. classify into billing / technical / sales / account   semantic.classify(team)");
        out.println("  4. keep tickets whose customer is angry or frustrated    semantic.predicate(filter)");
        out.println("  5. embed the ticket text                                 semantic.embed(embedding)"
                + " (all-MiniLM-L6-v2, in process)");
        String step6 = "  6. group them into " + clusters + " clusters";
        out.println(step6 + " ".repeat(Math.max(1, 59 - step6.length()))
                + "semantic.withClusterLabels(cluster_label) (k-means++)");
        out.println("  7. write Parquet, then reduce each cluster to a theme    semantic.reduce(theme)");
        out.println();

        out.println("Angry or frustrated customers: " + run.angryTickets() + " of " + run.openTickets()
                + " open tickets (the first " + run.sample().size() + "):");
        List<List<String>> sample = new ArrayList<>();
        for (Row r : run.sample()) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < r.schema().names().size(); c++) {
                line.add(TablePrinter.format(r.get(c)));
            }
            sample.add(line);
        }
        out.print(TablePrinter.render(
                List.of("ticket_id", "company", "product", "team", "refund", "error_codes", "cluster"),
                sample,
                new boolean[] {true, false, false, false, false, false, true},
                30));
        out.println();

        out.println("Themes of the clusters (semantic.reduce over each cluster's tickets):");
        List<List<String>> themes = new ArrayList<>();
        for (Row r : run.themes()) {
            int cluster = ((Number) r.get("cluster")).intValue();
            themes.add(List.of(
                    String.valueOf(cluster),
                    String.valueOf(r.getLong("tickets")),
                    run.teamsPerCluster().getOrDefault(cluster, ""),
                    TablePrinter.format(r.get("theme"))));
        }
        out.print(TablePrinter.render(
                List.of("cluster", "tickets", "teams", "theme"),
                themes,
                new boolean[] {true, true, false, false},
                130));
        out.println();

        out.println("Wrote " + run.angryTickets() + " enriched tickets to " + run.angryParquet());
        out.println("Wrote " + run.themes().size() + " themes to " + run.themesParquet());
        out.println();

        UsageReport usage = UsageReport.of(run.modelQueries());
        out.println("Model usage per operator:");
        out.print(usage.table());
        out.println(usage.totals());
        usage.reorderNote().ifPresent(out::println);
        models.simulator()
                .ifPresent(sim ->
                        out.println("The simulator counted " + sim.counters().requests() + " requests."));
        out.println(String.format(Locale.ROOT, "Done in %.1f s.", (System.nanoTime() - started) / 1e9)
                + (usage.languageModel().requests() > 0
                        ? " Run it again: every answer now comes from the response cache in " + dataDir.resolve("cache")
                                + "."
                        : ""));
    }

    private static int rememberedPort(Path work) {
        try {
            Path file = work.resolve(PORT_FILE);
            if (Files.exists(file)) {
                int port = Integer.parseInt(
                        Files.readString(file, StandardCharsets.UTF_8).strip());
                return port > 0 && port <= 65535 ? port : 0;
            }
        } catch (IOException | NumberFormatException e) {
            // an unreadable note only costs the cache hits of this run
        }
        return 0;
    }

    /** The base URL is part of the response cache's key: the next run listens on the same port if it can. */
    private static void rememberPort(Path work, LlmSimulator sim) {
        try {
            Files.writeString(work.resolve(PORT_FILE), String.valueOf(sim.port()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new QuarryException(
                    ErrorCode.IO_ERROR,
                    "Cannot write " + work.resolve(PORT_FILE) + ": " + e.getMessage() + ". Choose another --data-dir.",
                    e);
        }
    }

    private static Path copyResource(String name, Path dir) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new QuarryException(
                        ErrorCode.INTERNAL_ERROR,
                        "The demo resource '" + name
                                + "' is missing from the quarry jar; rebuild it with mvn install.");
            }
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new QuarryException(
                    ErrorCode.IO_ERROR,
                    "Cannot write the demo data to " + dir + ": " + e.getMessage() + ". Choose another --data-dir.",
                    e);
        }
    }
}
