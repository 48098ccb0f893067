package dev.quarry.cli;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.count;

import dev.quarry.DataFrame;
import dev.quarry.Description;
import dev.quarry.QueryMetrics;
import dev.quarry.Row;
import dev.quarry.SaveMode;
import dev.quarry.Session;
import dev.quarry.functions.ClassDefinition;
import dev.quarry.functions.Semantic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's pipeline over the bundled support tickets, as one would write it with Quarry: keep the
 * open tickets, extract a record from each, classify it to a team, keep the angry customers, embed
 * the texts, cluster them, write Parquet, and reduce each cluster to its theme.
 *
 * <pre>{@code
 * DemoPipeline.Run run = new DemoPipeline(session, workDir, 6).run(ticketsCsv, customersCsv);
 * }</pre>
 */
final class DemoPipeline {
    /** What the demo extracts from each ticket. */
    record TicketInfo(
            @Description("the product the customer writes about")
            String product,

            @Description("true if the customer asks for money back (a refund, reversing a charge)")
            boolean wantsRefund,

            @Description("error codes quoted in the ticket, such as E-1042 or HTTP 502")
            List<String> errorCodes) {}

    static final List<ClassDefinition> TEAMS = List.of(
            ClassDefinition.of("billing", "charges, invoices, refunds, renewals and VAT"),
            ClassDefinition.of("technical", "errors, crashes, sync failures, slow pages, login and API problems"),
            ClassDefinition.of("sales", "quotes, seats, discounts, trials and plans"),
            ClassDefinition.of("account", "workspace ownership, locked accounts, users and workspace settings"));

    static final String ANGRY =
            "The customer who wrote this support ticket is angry or frustrated.\nTicket: {{ body }}";

    static final String THEME =
            "In one sentence, name the common complaints in these support tickets and the products they concern.";

    /** The demo's outcome: tables to print and the metrics of the queries that called models. */
    record Run(
            long tickets,
            long customers,
            long openTickets,
            long angryTickets,
            List<Row> sample,
            List<Row> themes,
            Map<Integer, String> teamsPerCluster,
            Path angryParquet,
            Path themesParquet,
            List<QueryMetrics> modelQueries) {
        Run {
            sample = List.copyOf(sample);
            themes = List.copyOf(themes);
            teamsPerCluster = Map.copyOf(teamsPerCluster);
            modelQueries = List.copyOf(modelQueries);
        }
    }

    private final Session session;
    private final Path work;
    private final int clusters;

    DemoPipeline(Session session, Path work, int clusters) {
        this.session = session;
        this.work = work;
        this.clusters = clusters;
    }

    Run run(Path ticketsCsv, Path customersCsv, int sampleRows) {
        DataFrame tickets = session.read().csv(ticketsCsv.toString());
        DataFrame customers = session.read().csv(customersCsv.toString());
        DataFrame open = tickets.filter(col("status").isin("open", "pending"));

        DataFrame angry = open.withColumn("info", Semantic.extract(col("body"), TicketInfo.class))
                .withColumn("team", Semantic.classify(col("body"), TEAMS))
                .filter(Semantic.predicate(ANGRY))
                .withColumn("embedding", Semantic.embed(col("body")))
                .semantic()
                .withClusterLabels(col("embedding"), clusters);
        DataFrame withCustomer = angry.join(customers.select("customer_id", "company", "plan"), "customer_id")
                .select(
                        col("ticket_id"),
                        col("company"),
                        col("plan"),
                        col("priority"),
                        col("team"),
                        col("info"),
                        col("cluster_label").as("cluster"),
                        col("body"),
                        col("embedding"));

        Path angryParquet = work.resolve("angry_tickets.parquet");
        QueryMetrics enrich = withCustomer.write().mode(SaveMode.OVERWRITE).parquet(angryParquet.toString());

        DataFrame written = session.read().parquet(angryParquet.toString());
        List<Row> sample = written.select(
                        col("ticket_id"),
                        col("company"),
                        col("info").getField("product").as("product"),
                        col("team"),
                        col("info").getField("wantsRefund").as("refund"),
                        col("info").getField("errorCodes").as("error_codes"),
                        col("cluster"))
                .orderBy(col("ticket_id").asc())
                .limit(sampleRows)
                .collectAsList();

        Path themesParquet = work.resolve("themes.parquet");
        QueryMetrics reduce = written.groupBy(col("cluster"))
                .agg(
                        count(col("ticket_id")).as("tickets"),
                        Semantic.reduce(THEME, col("body")).as("theme"))
                .write()
                .mode(SaveMode.OVERWRITE)
                .parquet(themesParquet.toString());
        List<Row> themes = session.read()
                .parquet(themesParquet.toString())
                .orderBy(col("tickets").desc(), col("cluster").asc())
                .collectAsList();

        Map<Integer, String> teams = teamsPerCluster(written);
        return new Run(
                tickets.count(),
                customers.count(),
                open.count(),
                written.count(),
                sample,
                themes,
                teams,
                angryParquet,
                themesParquet,
                List.of(enrich, reduce));
    }

    /** "billing 12, technical 3" per cluster, most frequent team first. */
    private static Map<Integer, String> teamsPerCluster(DataFrame written) {
        List<Row> rows = written.groupBy(col("cluster"), col("team"))
                .agg(count(col("ticket_id")).as("n"))
                .orderBy(col("cluster").asc(), col("n").desc(), col("team").asc())
                .collectAsList();
        Map<Integer, String> out = new TreeMap<>();
        for (Row r : rows) {
            int cluster = ((Number) r.get("cluster")).intValue();
            String entry = r.getString("team") + " " + r.getLong("n");
            out.merge(cluster, entry, (a, b) -> a + ", " + b);
        }
        return out;
    }
}
