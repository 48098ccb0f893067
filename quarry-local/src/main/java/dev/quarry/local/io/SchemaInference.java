package dev.quarry.local.io;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.plan.FileFormat;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.sql.DuckTypes;
import dev.quarry.local.sql.Sql;
import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads the schema of files with DuckDB's own readers: Parquet metadata, JSON and CSV sampling.
 *
 * <p>A CSV file so malformed that DuckDB's sniffer cannot detect its layout is handled in two
 * steps: the column names come from its first line, and (in {@code FAILFAST} mode) a strict scan
 * finds the first bad line, which fails with {@code MALFORMED_INPUT} naming file and line. In the
 * lenient modes the types come from a lenient sample.
 */
public final class SchemaInference implements FileSources.CsvFormatDetector {
    private final Connection connection;

    /**
     * Inference over a connection (the caller holds its lock).
     *
     * <pre>{@code new SchemaInference(connection).infer(FileFormat.CSV, "a.csv", Map.of())}</pre>
     *
     * @param connection a DuckDB connection
     */
    public SchemaInference(Connection connection) {
        this.connection = connection;
    }

    /**
     * The schema of a file or glob; every column nullable.
     *
     * <pre>{@code Schema s = inference.infer(FileFormat.PARQUET, "data/*.parquet", Map.of());}</pre>
     *
     * @param format the format
     * @param path the path or glob
     * @param options the reader options
     * @return the schema
     * @throws QuarryException FILE_NOT_FOUND, MALFORMED_INPUT, INVALID_ARGUMENT
     */
    public Schema infer(FileFormat format, String path, Map<String, String> options) {
        String absolute = FileSources.absolute(path);
        String quoted = Sql.string(absolute);
        String doing = "reading the schema of '" + path + "'";
        switch (format) {
            case PARQUET:
                Options p = Options.of(options, Set.of("unionByName"), "Parquet reader");
                String union = p.flag("unionByName", false, "Parquet") ? ", union_by_name=true" : "";
                return ParquetTypes.restore(
                        connection, quoted, describe("SELECT * FROM read_parquet(" + quoted + union + ")", doing));
            case JSON:
                Options j = Options.of(options, Set.of("mode"), "JSON reader");
                boolean lenient = !j.get("mode", "FAILFAST").equalsIgnoreCase("FAILFAST");
                return describe(
                        "SELECT * FROM read_json(" + quoted + ", format='newline_delimited'"
                                + (lenient ? ", ignore_errors=true" : "") + ")",
                        doing);
            case CSV:
            default:
                return csv(absolute, quoted, CsvOptions.parse(options), doing);
        }
    }

    private Schema csv(String absolute, String quoted, CsvOptions options, String doing) {
        StringBuilder formats = new StringBuilder();
        if (options.dateFormat() != null) {
            formats.append(", dateformat=").append(Sql.string(options.dateFormat()));
        }
        if (options.timestampFormat() != null) {
            formats.append(", timestampformat=").append(Sql.string(options.timestampFormat()));
        }
        formats.append(options.samplingSql());
        String strict = "SELECT * FROM read_csv(" + quoted + options.dialectSql() + formats + ")";
        try {
            return describeOrThrow(strict);
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains("sniffing") && !message.contains("CSV Error")) {
                throw DuckErrors.translate(e, doing, false);
            }
        }
        // the sniffer could not make sense of the file: take the names from its first line
        List<String> names = headerNames(absolute, options, doing);
        Schema allText = allText(names);
        if (options.mode() == CsvOptions.Mode.FAILFAST) {
            String scan = "SELECT count(*) FROM read_csv(" + quoted + options.dialectSql()
                    + ", auto_detect=false, columns=" + FileSources.columns(allText, true) + ")";
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery(scan)) {
                rs.next();
            } catch (SQLException e) {
                throw DuckErrors.translate(e, doing, false);
            }
        }
        Map<String, DataType> sampled = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try {
            for (StructField f : describeOrThrow("SELECT * FROM read_csv(" + quoted + options.dialectSql() + formats
                            + ", ignore_errors=true, null_padding=true, strict_mode=false)")
                    .fields()) {
                sampled.put(f.name(), f.type());
            }
        } catch (SQLException e) {
            // no usable sample: every column stays text
        }
        List<StructField> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(new StructField(n, sampled.getOrDefault(n, ScalarType.STRING), true));
        }
        return new Schema(fields);
    }

    private static Schema allText(List<String> names) {
        List<StructField> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(new StructField(n, ScalarType.STRING, true));
        }
        return new Schema(fields);
    }

    /** The column names from the first line of the first matching file. */
    private List<String> headerNames(String absolute, CsvOptions options, String doing) {
        String first;
        try (Statement st = connection.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT file FROM glob(" + Sql.string(absolute) + ") ORDER BY file LIMIT 1")) {
            if (!rs.next()) {
                throw new QuarryException(
                        ErrorCode.FILE_NOT_FOUND,
                        "File not found: '" + absolute + "'. No file matches this path or glob.");
            }
            first = rs.getString(1);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, doing, false);
        }
        String line;
        try (InputStream raw = Files.newInputStream(Path.of(first));
                InputStream in = first.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            line = reader.readLine();
        } catch (IOException e) {
            throw new QuarryException(ErrorCode.IO_ERROR, "Cannot read '" + first + "': " + e.getMessage(), e);
        }
        List<String> fields = split(line == null ? "" : line, options);
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = options.header() ? fields.get(i).trim() : "";
            if (name.isEmpty()) {
                name = "column" + i;
            }
            String unique = name;
            for (int k = 1; !seen.add(unique.toLowerCase(Locale.ROOT)); k++) {
                unique = name + "_" + k;
            }
            names.add(unique);
        }
        return names;
    }

    /** Splits one CSV line with the options' delimiter, quote and escape. */
    static List<String> split(String line, CsvOptions options) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String delimiter = options.delimiter();
        char quote = options.quote().isEmpty() ? 0 : options.quote().charAt(0);
        char escape = options.escape().isEmpty() ? quote : options.escape().charAt(0);
        boolean quoted = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == escape && i + 1 < line.length() && line.charAt(i + 1) == quote) {
                    field.append(quote);
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
            } else if (quote != 0 && c == quote) {
                quoted = true;
                i++;
            } else if (line.startsWith(delimiter, i)) {
                out.add(field.toString());
                field.setLength(0);
                i += delimiter.length();
            } else {
                field.append(c);
                i++;
            }
        }
        out.add(field.toString());
        return out;
    }

    private Schema describe(String query, String doing) {
        try {
            return describeOrThrow(query);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, doing, false);
        }
    }

    private Schema describeOrThrow(String query) throws SQLException {
        return describeQuery(connection, query);
    }

    /**
     * The columns of a query, from DuckDB's {@code DESCRIBE}, mapped to Quarry types.
     *
     * <pre>{@code Schema s = SchemaInference.describeQuery(connection, "SELECT 1 AS a");}</pre>
     *
     * @param connection the connection
     * @param query a query
     * @return the schema
     * @throws SQLException when DuckDB cannot describe the query
     */
    public static Schema describeQuery(Connection connection, String query) throws SQLException {
        List<StructField> fields = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE " + query)) {
            while (rs.next()) {
                String name = rs.getString("column_name");
                String type = rs.getString("column_type");
                String nullable = rs.getString("null");
                fields.add(new StructField(name, DuckTypes.fromSql(type), !"NO".equalsIgnoreCase(nullable)));
            }
        }
        try {
            return new Schema(fields);
        } catch (IllegalArgumentException e) {
            throw new QuarryException(
                    ErrorCode.DUPLICATE_COLUMN,
                    "The result has two columns whose names differ only in case or not at all: " + e.getMessage()
                            + ". Give them distinct names (AS ...).",
                    e);
        }
    }

    @Override
    public FileSources.DetectedFormats detect(String path, CsvOptions options) {
        try (Statement st = connection.createStatement();
                ResultSet files =
                        st.executeQuery("SELECT file FROM glob(" + Sql.string(path) + ") ORDER BY file LIMIT 1")) {
            if (!files.next()) {
                return FileSources.DetectedFormats.ISO;
            }
            String first = files.getString(1);
            try (Statement sniff = connection.createStatement();
                    ResultSet rs = sniff.executeQuery("SELECT DateFormat, TimestampFormat FROM sniff_csv("
                            + Sql.string(first) + options.dialectSql() + ")")) {
                if (!rs.next()) {
                    return FileSources.DetectedFormats.ISO;
                }
                return new FileSources.DetectedFormats(blankToNull(rs.getString(1)), blankToNull(rs.getString(2)));
            }
        } catch (SQLException e) {
            // an undetectable layout fails later, with file and line, when the scan runs
            return FileSources.DetectedFormats.ISO;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
