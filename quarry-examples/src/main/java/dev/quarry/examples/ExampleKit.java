package dev.quarry.examples;

import dev.quarry.ModelUsage;
import dev.quarry.QueryMetrics;
import dev.quarry.Row;
import dev.quarry.Session;
import dev.quarry.models.LanguageModelConfig;
import dev.quarry.models.LocalEmbeddingModel;
import dev.quarry.testkit.demo.DemoModels;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * What the examples share: the session they open, how a {@code main} picks its model, and how
 * rows and model usage are printed.
 */
final class ExampleKit {
    /** The alias of the language model every example configures. */
    static final String LLM = "llm";
    /** The alias of the in-process embedding model. */
    static final String EMBEDDINGS = "minilm";
    /** The line the examples print their total usage on; the tests read it back. */
    static final String TOTAL = "Total language model usage: ";

    private ExampleKit() {}

    /**
     * A session with {@code model} as its language model and all-MiniLM-L6-v2 (in process) as its
     * embedding model, keeping its catalog and response cache in {@code workDir/.quarry}.
     */
    static Session session(String appName, Path workDir, LanguageModelConfig model) {
        return Session.builder()
                .appName(appName)
                .dataDir(workDir.resolve(".quarry"))
                .languageModel(LLM, model)
                .embeddingModel(EMBEDDINGS, LocalEmbeddingModel.allMiniLmL6V2())
                .build();
    }

    /**
     * Runs an example's {@code main}: a real provider when its key is in the environment,
     * otherwise the LLM simulator with answers written for the bundled data.
     */
    static void main(String title, String[] args, String defaultWorkDir, BiConsumer<Path, LanguageModelConfig> run) {
        Path workDir = Path.of(args.length > 0 ? args[0] : defaultWorkDir);
        try (DemoModels models = DemoModels.fromEnvironment(System.getenv())) {
            System.out.println(title + " — " + models.description());
            System.out.println();
            run.accept(workDir, models.languageModel());
            models.simulator()
                    .ifPresent(sim -> System.out.println(
                            "The simulator counted " + sim.counters().requests() + " requests."));
        }
    }

    /** The language-model usage of several queries, summed. */
    static ModelUsage languageModelUsage(List<QueryMetrics> queries) {
        ModelUsage total = ModelUsage.NONE;
        for (QueryMetrics q : queries) {
            total = total.plus(q.languageModel());
        }
        return total;
    }

    /** Prints each query's metrics, then the total language-model usage. */
    static ModelUsage printUsage(PrintStream out, List<QueryMetrics> queries) {
        out.println("Metrics:");
        for (QueryMetrics q : queries) {
            q.toString().lines().forEach(l -> out.println("  " + l));
        }
        ModelUsage total = languageModelUsage(queries);
        out.println(TOTAL + total);
        return total;
    }

    /** Prints rows as an aligned table of the given columns. */
    static void printRows(PrintStream out, List<Row> rows, String... columns) {
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[columns.length];
        for (int c = 0; c < columns.length; c++) {
            widths[c] = columns[c].length();
        }
        for (Row row : rows) {
            String[] line = new String[columns.length];
            for (int c = 0; c < columns.length; c++) {
                line[c] = format(row.get(columns[c]));
                widths[c] = Math.max(widths[c], line[c].length());
            }
            cells.add(line);
        }
        StringBuilder header = new StringBuilder();
        for (int c = 0; c < columns.length; c++) {
            header.append(pad(columns[c], widths[c])).append(c + 1 < columns.length ? "  " : "");
        }
        out.println(header.toString().stripTrailing());
        out.println("-".repeat(header.toString().stripTrailing().length()));
        for (String[] line : cells) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < columns.length; c++) {
                sb.append(pad(line[c], widths[c])).append(c + 1 < columns.length ? "  " : "");
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String format(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(v -> items.add(format(v)));
            return String.join(", ", items);
        }
        return value.toString();
    }
}
