package dev.quarry.cli;

import static dev.quarry.functions.Functions.avg;
import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.count;
import static dev.quarry.functions.Functions.countDistinct;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.functions.Functions.sum;
import static dev.quarry.functions.Functions.when;

import dev.quarry.DataFrame;
import dev.quarry.QueryResult;
import dev.quarry.SaveMode;
import dev.quarry.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quarry demo}: a small but real pipeline over the support tickets bundled with Quarry. It
 * reads two CSV files, filters, joins, aggregates, sorts, writes Parquet, reads it back and prints
 * the table and the query metrics.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Runs a pipeline over 300 bundled support tickets and prints the result and its metrics.")
final class DemoCommand implements Callable<Integer> {

    @Option(
            names = {"-d", "--data-dir"},
            defaultValue = ".quarry",
            description =
                    "The session's data directory; the demo works in its 'demo' folder (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    private final PrintStream out;

    DemoCommand() {
        this(System.out);
    }

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        Path work = dataDir.resolve("demo");
        Path tickets = copyResource("tickets.csv", work);
        Path customers = copyResource("customers.csv", work);
        Path output = work.resolve("open_tickets_by_product.parquet");

        try (Session session =
                Session.builder().appName("quarry-demo").dataDir(dataDir).build()) {
            DataFrame ticketsDf = session.read().csv(tickets.toString());
            DataFrame customersDf = session.read().csv(customers.toString());
            out.println("Quarry demo: " + ticketsDf.count() + " support tickets from " + customersDf.count()
                    + " customers (bundled dataset, " + work + ")");
            out.println();

            DataFrame summary = ticketsDf
                    .filter(col("status").isin("open", "pending"))
                    .join(customersDf, "customer_id")
                    .groupBy(col("product"), col("plan"))
                    .agg(
                            count(col("ticket_id")).as("open_tickets"),
                            sum(when(col("priority").equalTo("high"), lit(1)).otherwise(lit(0)))
                                    .as("high_priority"),
                            countDistinct(col("customer_id")).as("customers"),
                            avg(col("first_response_hours")).as("avg_first_response_h"))
                    .orderBy(
                            col("open_tickets").desc(),
                            col("product").asc(),
                            col("plan").asc());

            QueryResult result = summary.collect();
            out.println("Open and pending tickets per product and customer plan:");
            out.print(TablePrinter.render(result.rows(), summary.schema(), 40));
            out.println();

            summary.write().mode(SaveMode.OVERWRITE).parquet(output.toString());
            long written = session.read().parquet(output.toString()).count();
            out.println("Wrote " + written + " rows to " + output);
            out.println();
            out.println("Metrics: " + result.metrics());
        }
        return 0;
    }

    private static Path copyResource(String name, Path dir) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource '" + name + "' is missing from the quarry jar");
            }
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo data to " + dir + ": " + e.getMessage(), e);
        }
    }
}
