package dev.quarry;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.analyzer.Errors;
import dev.quarry.internal.plan.FileFormat;
import dev.quarry.internal.plan.Sink;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a DataFrame's rows to a file, a catalog table or a catalog view. The default mode,
 * {@link SaveMode#ERROR}, refuses to touch an existing target. Each setter returns a new writer;
 * the terminal methods run the query and return its metrics.
 *
 * <pre>{@code
 * enriched.write().mode(SaveMode.OVERWRITE).parquet("enriched.parquet");
 * enriched.write().saveAsTable("enriched_tickets");
 * }</pre>
 */
public final class DataFrameWriter {
    private final DataFrame frame;
    private final SaveMode mode;
    private final Map<String, String> options;

    DataFrameWriter(DataFrame frame) {
        this(frame, SaveMode.ERROR, Map.of());
    }

    private DataFrameWriter(DataFrame frame, SaveMode mode, Map<String, String> options) {
        this.frame = frame;
        this.mode = mode;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * What to do when the target exists: ERROR (default), OVERWRITE, APPEND or IGNORE.
     *
     * <pre>{@code df.write().mode(SaveMode.APPEND).saveAsTable("events")}</pre>
     *
     * @param mode the save mode
     * @return a new writer with the mode set
     */
    public DataFrameWriter mode(SaveMode mode) {
        return new DataFrameWriter(frame, requireNonNull(mode, "mode is null"), options);
    }

    /**
     * The save mode by name, ignoring case: {@code error} (or {@code errorifexists}), {@code overwrite},
     * {@code append}, {@code ignore}.
     *
     * <pre>{@code df.write().mode("overwrite").csv("out.csv")}</pre>
     *
     * @param mode the save mode name
     * @return a new writer with the mode set
     */
    public DataFrameWriter mode(String mode) {
        if (mode == null) {
            throw Errors.invalidArgument("mode(null): use error, overwrite, append or ignore");
        }
        String m = mode.trim().toLowerCase(Locale.ROOT);
        SaveMode parsed = switch (m) {
            case "error", "errorifexists", "default" -> SaveMode.ERROR;
            case "overwrite" -> SaveMode.OVERWRITE;
            case "append" -> SaveMode.APPEND;
            case "ignore" -> SaveMode.IGNORE;
            default ->
                throw Errors.invalidArgument(
                        "Unknown save mode '" + mode + "'. Use one of: error, overwrite, append, ignore");
        };
        return mode(parsed);
    }

    /**
     * A writer option, passed to the backend's writer (CSV: {@code header}, {@code delimiter};
     * Parquet: {@code compression}).
     *
     * <pre>{@code df.write().option("compression", "zstd").parquet("out.parquet")}</pre>
     *
     * @param key the option name
     * @param value its value
     * @return a new writer with the option set
     */
    public DataFrameWriter option(String key, String value) {
        if (key == null || key.isBlank()) {
            throw Errors.invalidArgument(
                    "A writer option needs a non-blank name, got " + (key == null ? "null" : "'" + key + "'"));
        }
        requireNonNull(value, "value of option '" + key + "' is null");
        Map<String, String> copy = new LinkedHashMap<>(options);
        copy.put(key, value);
        return new DataFrameWriter(frame, mode, copy);
    }

    /**
     * Writes one Parquet file.
     *
     * <pre>{@code df.write().parquet("out/enriched.parquet");}</pre>
     *
     * @param path the file path
     * @return the write's metrics ({@code outputRows} = rows written)
     * @throws QuarryException PATH_ALREADY_EXISTS under mode ERROR when the file exists
     */
    public QueryMetrics parquet(String path) {
        return file(FileFormat.PARQUET, path);
    }

    /**
     * Writes one CSV file with a header row.
     *
     * <pre>{@code df.write().mode(SaveMode.OVERWRITE).csv("out/report.csv");}</pre>
     *
     * @param path the file path
     * @return the write's metrics
     */
    public QueryMetrics csv(String path) {
        return file(FileFormat.CSV, path);
    }

    /**
     * Writes one newline-delimited JSON file.
     *
     * <pre>{@code df.write().json("out/events.ndjson");}</pre>
     *
     * @param path the file path
     * @return the write's metrics
     */
    public QueryMetrics json(String path) {
        return file(FileFormat.JSON, path);
    }

    /**
     * Stores the rows as a table of the session's catalog.
     *
     * <pre>{@code df.write().saveAsTable("enriched_tickets"); session.table("enriched_tickets").show();}</pre>
     *
     * @param name the table name
     * @return the write's metrics
     * @throws QuarryException TABLE_ALREADY_EXISTS under mode ERROR when the name is taken
     */
    public QueryMetrics saveAsTable(String name) {
        return run(new Sink.TableTarget(checkName(name, "saveAsTable")));
    }

    /**
     * Stores the query (not its rows) as a view of the session's catalog; reading the view runs it.
     *
     * <pre>{@code df.filter(col("status").equalTo("open")).write().saveAsView("open_tickets");}</pre>
     *
     * @param name the view name
     * @return the write's metrics
     */
    public QueryMetrics saveAsView(String name) {
        return run(new Sink.ViewTarget(checkName(name, "saveAsView")));
    }

    private QueryMetrics file(FileFormat format, String path) {
        if (path == null || path.isBlank()) {
            throw Errors.invalidArgument("A file path is needed to write "
                    + format.name().toLowerCase(Locale.ROOT) + ", got " + (path == null ? "null" : "a blank string"));
        }
        return run(new Sink.FileTarget(format, path, options));
    }

    private static String checkName(String name, String method) {
        if (name == null || name.isBlank()) {
            throw Errors.invalidArgument(
                    method + "(...) needs a non-blank name, got " + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }

    private QueryMetrics run(Sink.Target target) {
        Sink sink = new Sink(frame.logicalPlan(), target, mode);
        return frame.session().run(sink, false).result().metrics();
    }

    @Override
    public String toString() {
        return "DataFrameWriter[mode=" + mode + ", options=" + options + "]";
    }
}
