package dev.quarry.examples;

import static dev.quarry.functions.Functions.col;

import dev.quarry.DataFrame;
import dev.quarry.ErrorCode;
import dev.quarry.ModelUsage;
import dev.quarry.OperatorMetrics;
import dev.quarry.QuarryException;
import dev.quarry.QueryMetrics;
import dev.quarry.Row;
import dev.quarry.SaveMode;
import dev.quarry.Session;
import dev.quarry.functions.Semantic;
import dev.quarry.models.LanguageModelConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Entity matching: which vendors on the invoices are companies already in the CRM? Asking a model
 * about every pair (a semantic join) costs one request per pair; here the names are embedded in
 * process ({@code Semantic.embed}, all-MiniLM-L6-v2), a similarity join keeps each account's
 * {@value #CANDIDATES} most similar vendors ({@code semantic().simJoin}), and only those candidate
 * pairs are judged by the model ({@code Semantic.predicate} reading both sides of the pair): the
 * semantic join restricted to the candidates. With {@code compareWithFullJoin} the example also runs
 * the exhaustive {@code semantic().join} over every pair and reports what the pre-filter saved and
 * missed.
 *
 * <p>The bundled {@code crm_accounts.csv} and {@code vendor_invoices.csv} hold 20 names each,
 * written differently (ACME Corp. / Acme Corporation, a typo, abbreviations, an acronym) and with
 * traps (a same-named company in another city, a sister company). Without a provider key in the
 * environment the example runs against the LLM simulator.
 *
 * <pre>
 * mvn -q -pl quarry-examples exec:java -Dexec.mainClass=dev.quarry.examples.EntityMatching [-Dexec.args=work-dir]
 * </pre>
 */
public final class EntityMatching {
    private EntityMatching() {}

    /** How many vendors the similarity join keeps per account. */
    public static final int CANDIDATES = 3;

    /** The judgement of one candidate pair (one row holding both sides). */
    public static final String SAME_COMPANY = "Do these two records refer to the same company?\n"
            + "CRM account: {{ name }} ({{ city }})\nInvoice vendor: {{ vendor }} ({{ vendor_city }})";

    /** The same judgement as a semantic join template. */
    public static final String SAME_COMPANY_JOIN = "Do these two records refer to the same company?\n"
            + "CRM account: {{ left.name }} ({{ left.city }})\nInvoice vendor: {{ right.vendor }} ({{ right.vendor_city }})";

    /**
     * What the example found.
     *
     * @param matches the matched pairs: account_id, name, city, invoice_id, vendor, vendor_city, similarity
     * @param candidatePairs the pairs the similarity join kept (and the model judged)
     * @param allPairs accounts × vendors
     * @param fullJoinMatches the pairs the exhaustive semantic join kept (account_id, invoice_id), or
     *     empty when it was not run
     * @param languageModel the language-model usage of the whole run
     */
    public record Result(
            List<Row> matches,
            long candidatePairs,
            long allPairs,
            List<Row> fullJoinMatches,
            ModelUsage languageModel) {
        /** Copies the lists. */
        public Result {
            matches = List.copyOf(matches);
            fullJoinMatches = List.copyOf(fullJoinMatches);
        }
    }

    /**
     * Matches the bundled vendors to the bundled CRM accounts with {@code model}.
     *
     * <pre>{@code EntityMatching.Result r = EntityMatching.run(Path.of("work"), model, System.out, false);}</pre>
     *
     * @param workDir where the data, the session's cache and the Parquet output go
     * @param model the language model
     * @param out where the tables and metrics are printed
     * @param compareWithFullJoin also run the exhaustive semantic join (one request per pair)
     * @return the matches, the pair counts and the model usage
     */
    public static Result run(Path workDir, LanguageModelConfig model, PrintStream out, boolean compareWithFullJoin) {
        Path accountsCsv = ExampleData.copyTo(workDir, "crm_accounts.csv");
        Path vendorsCsv = ExampleData.copyTo(workDir, "vendor_invoices.csv");
        try (Session session = ExampleKit.session("entity-matching", workDir, model)) {
            DataFrame accounts = session.read().csv(accountsCsv.toString());
            DataFrame vendors = session.read().csv(vendorsCsv.toString());

            DataFrame candidates = accounts.withColumn("name_embedding", Semantic.embed(col("name")))
                    .semantic()
                    .simJoin(
                            vendors.withColumn("vendor_embedding", Semantic.embed(col("vendor"))),
                            col("name_embedding"),
                            col("vendor_embedding"),
                            CANDIDATES);
            DataFrame matches = candidates
                    .filter(Semantic.predicate(SAME_COMPANY))
                    .select("account_id", "name", "city", "invoice_id", "vendor", "vendor_city", "similarity");

            Path matchesParquet = workDir.resolve("matches.parquet");
            List<QueryMetrics> queries = new ArrayList<>();
            queries.add(matches.write().mode(SaveMode.OVERWRITE).parquet(matchesParquet.toString()));
            List<Row> matchRows = session.read()
                    .parquet(matchesParquet.toString())
                    .orderBy(col("account_id").asc(), col("invoice_id").asc())
                    .collectAsList();
            long accountCount = accounts.count();
            long vendorCount = vendors.count();
            long candidatePairs = similarityJoinRows(queries.get(0));

            out.println("Judged " + candidatePairs + " candidate pairs (the " + CANDIDATES
                    + " most similar vendors per account) instead of all " + accountCount * vendorCount + "; "
                    + matchRows.size() + " are the same company:");
            ExampleKit.printRows(out, matchRows, "name", "city", "vendor", "vendor_city", "similarity");

            List<Row> fullRows = List.of();
            if (compareWithFullJoin) {
                DataFrame full = accounts.semantic()
                        .join(vendors, SAME_COMPANY_JOIN)
                        .select("account_id", "name", "invoice_id", "vendor");
                Path fullParquet = workDir.resolve("full_join_matches.parquet");
                queries.add(full.write().mode(SaveMode.OVERWRITE).parquet(fullParquet.toString()));
                fullRows = session.read()
                        .parquet(fullParquet.toString())
                        .orderBy(col("account_id").asc(), col("invoice_id").asc())
                        .collectAsList();
                Set<String> found = pairs(matchRows);
                List<String> missed = new ArrayList<>();
                for (Row r : fullRows) {
                    if (!found.contains(r.get("account_id") + "/" + r.get("invoice_id"))) {
                        missed.add(r.getString("name") + " = " + r.getString("vendor"));
                    }
                }
                out.println();
                out.println("The exhaustive semantic join judged " + accountCount * vendorCount + " pairs and kept "
                        + fullRows.size() + "; the pre-filtered plan found " + (fullRows.size() - missed.size())
                        + " of them" + (missed.isEmpty() ? "." : ", and missed: " + String.join("; ", missed) + "."));
            }
            out.println();
            ModelUsage usage = ExampleKit.printUsage(out, queries);
            return new Result(matchRows, candidatePairs, accountCount * vendorCount, fullRows, usage);
        }
    }

    /** The rows the similarity join produced, as the engine reported them. */
    private static long similarityJoinRows(QueryMetrics metrics) {
        return metrics.operators().stream()
                .filter(op -> op.operator().startsWith("semantic.simJoin"))
                .mapToLong(OperatorMetrics::outputRows)
                .findFirst()
                .orElseThrow(() -> new QuarryException(
                        ErrorCode.INTERNAL_ERROR,
                        "The query reported no semantic.simJoin operator; its operators: " + metrics.operators()));
    }

    private static Set<String> pairs(List<Row> rows) {
        Set<String> out = new TreeSet<>();
        for (Row r : rows) {
            out.add(r.get("account_id") + "/" + r.get("invoice_id"));
        }
        return out;
    }

    /**
     * Runs the example, comparing with the exhaustive semantic join.
     *
     * @param args an optional work directory (default {@code target/examples/entity-matching})
     */
    public static void main(String[] args) {
        ExampleKit.main(
                "Entity matching",
                args,
                "target/examples/entity-matching",
                (dir, model) -> run(dir, model, System.out, true));
    }
}
