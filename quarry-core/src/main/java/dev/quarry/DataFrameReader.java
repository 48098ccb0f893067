package dev.quarry;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.analyzer.Errors;
import dev.quarry.internal.plan.FileFormat;
import dev.quarry.internal.plan.FileScan;
import dev.quarry.types.Schema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads files into DataFrames: CSV, Parquet and newline-delimited JSON, one file or a glob. The
 * schema is read from the files at once (so a missing file or a wrong column fails immediately),
 * unless given with {@link #schema(Schema)}. Each setter returns a new reader.
 *
 * <pre>{@code
 * DataFrame tickets = session.read().option("header", "true").csv("data/tickets-*.csv");
 * DataFrame events = session.read().json("events.ndjson");
 * }</pre>
 */
public final class DataFrameReader {
    private final Session session;
    private final Map<String, String> options;
    private final Schema schema;

    DataFrameReader(Session session) {
        this(session, Map.of(), null);
    }

    private DataFrameReader(Session session, Map<String, String> options, Schema schema) {
        this.session = session;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        this.schema = schema;
    }

    /**
     * A reader option, passed to the backend's reader. CSV: {@code header} (true/false),
     * {@code delimiter}, {@code quote}, {@code escape}, {@code nullValue}, {@code dateFormat},
     * {@code mode} ({@code FAILFAST} = a malformed line fails the query naming file and line,
     * {@code PERMISSIVE} = bad fields become null).
     *
     * <pre>{@code session.read().option("delimiter", ";").csv("data.csv")}</pre>
     *
     * @param key the option name
     * @param value its value
     * @return a new reader with the option set
     */
    public DataFrameReader option(String key, String value) {
        if (key == null || key.isBlank()) {
            throw Errors.invalidArgument(
                    "A reader option needs a non-blank name, got " + (key == null ? "null" : "'" + key + "'"));
        }
        requireNonNull(value, "value of option '" + key + "' is null");
        Map<String, String> copy = new LinkedHashMap<>(options);
        copy.put(key, value);
        return new DataFrameReader(session, copy, schema);
    }

    /**
     * A boolean reader option.
     *
     * <pre>{@code session.read().option("header", false).csv("data.csv")}</pre>
     *
     * @param key the option name
     * @param value its value
     * @return a new reader with the option set
     */
    public DataFrameReader option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    /**
     * A numeric reader option.
     *
     * <pre>{@code session.read().option("sample_size", 10_000).csv("data.csv")}</pre>
     *
     * @param key the option name
     * @param value its value
     * @return a new reader with the option set
     */
    public DataFrameReader option(String key, long value) {
        return option(key, Long.toString(value));
    }

    /**
     * Several reader options.
     *
     * <pre>{@code session.read().options(Map.of("header", "true", "delimiter", "|")).csv("data.csv")}</pre>
     *
     * @param options the options
     * @return a new reader with the options set
     */
    public DataFrameReader options(Map<String, String> options) {
        requireNonNull(options, "options is null");
        DataFrameReader r = this;
        for (Map.Entry<String, String> e : options.entrySet()) {
            r = r.option(e.getKey(), e.getValue());
        }
        return r;
    }

    /**
     * The schema to read the files with, instead of inferring it.
     *
     * <pre>{@code session.read().schema(Schema.of(field("id", LONG), field("body", STRING))).csv("t.csv")}</pre>
     *
     * @param schema the columns and their types
     * @return a new reader with the schema set
     */
    public DataFrameReader schema(Schema schema) {
        requireNonNull(schema, "schema is null");
        if (schema.size() == 0) {
            throw Errors.invalidArgument("A reader schema needs at least one column");
        }
        return new DataFrameReader(session, options, schema);
    }

    /**
     * Reads CSV files (header row expected unless {@code option("header", "false")}).
     *
     * <pre>{@code DataFrame df = session.read().csv("tickets.csv");}</pre>
     *
     * @param path a file path or glob
     * @return the DataFrame
     * @throws QuarryException FILE_NOT_FOUND naming the path
     */
    public DataFrame csv(String path) {
        return load(FileFormat.CSV, path);
    }

    /**
     * Reads Parquet files.
     *
     * <pre>{@code DataFrame df = session.read().parquet("out/*.parquet");}</pre>
     *
     * @param path a file path or glob
     * @return the DataFrame
     */
    public DataFrame parquet(String path) {
        return load(FileFormat.PARQUET, path);
    }

    /**
     * Reads newline-delimited JSON files (one object per line).
     *
     * <pre>{@code DataFrame df = session.read().json("events.ndjson");}</pre>
     *
     * @param path a file path or glob
     * @return the DataFrame
     */
    public DataFrame json(String path) {
        return load(FileFormat.JSON, path);
    }

    private DataFrame load(FileFormat format, String path) {
        session.checkOpen();
        if (path == null || path.isBlank()) {
            throw Errors.invalidArgument(
                    "A file path is needed to read " + format.name().toLowerCase(java.util.Locale.ROOT) + ", got "
                            + (path == null ? "null" : "a blank string"));
        }
        Schema s = schema != null ? schema : session.backend().inferSchema(format, path, options);
        return session.newFrame(new FileScan(format, path, options, s));
    }
}
