package dev.quarry.cli;

import dev.quarry.DataFrame;
import dev.quarry.Session;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry sql "<query>"}: runs DuckDB-dialect SQL over the catalog in a data directory. */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description =
                "Runs a SQL query (DuckDB dialect) over the tables and views of the catalog and prints the result.")
final class SqlCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "QUERY", description = "The query, e.g. \"SELECT * FROM tickets LIMIT 5\".")
    String query;

    @Option(
            names = {"-d", "--data-dir"},
            defaultValue = ".quarry",
            description = "The session's data directory holding the catalog (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = {"-n", "--max-rows"},
            defaultValue = "100",
            description = "The most rows to print (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Override
    public Integer call() {
        try (Session session =
                Session.builder().appName("quarry-sql").dataDir(dataDir).build()) {
            DataFrame result = session.sql(query, Map.of());
            result.show(maxRows);
        }
        return 0;
    }
}
