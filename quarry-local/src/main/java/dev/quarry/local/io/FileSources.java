package dev.quarry.local.io;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.plan.FileFormat;
import dev.quarry.internal.plan.FileScan;
import dev.quarry.local.sql.DuckTypes;
import dev.quarry.local.sql.PlanCompiler;
import dev.quarry.local.sql.Sql;
import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Renders file scans as DuckDB table functions, pinned to the scan's schema so that the query reads
 * exactly the columns and types the DataFrame was built with:
 *
 * <ul>
 *   <li>CSV: {@code read_csv} with the dialect and {@code columns={...}} given, auto-detection
 *       off; {@code PERMISSIVE} reads every column as text (short lines padded, lax quoting) and
 *       converts leniently ({@code TRY(CAST(...))}); {@code DROPMALFORMED} skips lines that do not parse;
 *   <li>newline-delimited JSON: {@code read_json} with {@code columns={...}};
 *       with {@code mode=PERMISSIVE} (or {@code DROPMALFORMED}) a malformed line reads as a row of
 *       nulls instead of failing;
 *   <li>Parquet: {@code read_parquet} and a cast of each column to the schema's type.
 * </ul>
 *
 * <p>Relative paths are made absolute against the working directory, so a view stored in the
 * catalog keeps reading the same files.
 */
public final class FileSources implements PlanCompiler.Sources {

    /** Finds the date and timestamp formats of a CSV file when the options give none. */
    @FunctionalInterface
    public interface CsvFormatDetector {
        /**
         * The detected formats.
         *
         * @param path the absolute path or glob
         * @param options the reader options
         * @return the formats; a null member means ISO 8601
         */
        DetectedFormats detect(String path, CsvOptions options);
    }

    /**
     * Date and timestamp formats of a CSV file.
     *
     * @param dateFormat strftime date format, or null for ISO 8601
     * @param timestampFormat strftime timestamp format, or null for ISO 8601
     */
    public record DetectedFormats(String dateFormat, String timestampFormat) {
        /** ISO 8601 for both. */
        public static final DetectedFormats ISO = new DetectedFormats(null, null);
    }

    private static final Set<String> JSON_OPTIONS = Set.of("mode");
    private static final Set<String> PARQUET_OPTIONS = Set.of("unionByName");

    private final String catalogName;
    private final CsvFormatDetector formats;

    /**
     * Sources over a catalog.
     *
     * <pre>{@code new FileSources("catalog", (path, options) -> DetectedFormats.ISO)}</pre>
     *
     * @param catalogName DuckDB's name of the catalog database
     * @param formats detects CSV date formats when a scan needs them
     */
    public FileSources(String catalogName, CsvFormatDetector formats) {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        this.formats = requireNonNull(formats, "formats is null");
    }

    /**
     * A path made absolute against the working directory; URLs ({@code s3://...}) are kept.
     *
     * <pre>{@code FileSources.absolute("data/*.csv") // /home/me/project/data/*.csv}</pre>
     *
     * @param path a path or glob
     * @return the absolute path
     */
    public static String absolute(String path) {
        if (path.contains("://")) {
            return path;
        }
        try {
            return Path.of("").toAbsolutePath().resolve(path).normalize().toString();
        } catch (RuntimeException e) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Invalid path '" + path + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String table(String name) {
        return Sql.qualified(catalogName, "main", name);
    }

    @Override
    public String fileScan(FileScan scan) {
        String path = Sql.string(absolute(scan.path()));
        return switch (scan.format()) {
            case CSV -> csv(scan, path);
            case JSON -> json(scan, path);
            case PARQUET -> parquet(scan, path);
        };
    }

    private static String parquet(FileScan scan, String path) {
        Options o = Options.of(scan.options(), PARQUET_OPTIONS, "Parquet reader");
        String union = o.flag("unionByName", false, "Parquet") ? ", union_by_name=true" : "";
        return PlanCompiler.normalized(scan.schema(), "read_parquet(" + path + union + ")");
    }

    private static String json(FileScan scan, String path) {
        Options o = Options.of(scan.options(), JSON_OPTIONS, "JSON reader");
        String mode = o.get("mode", "FAILFAST").trim();
        boolean lenient = mode.equalsIgnoreCase("PERMISSIVE") || mode.equalsIgnoreCase("DROPMALFORMED");
        if (!lenient && !mode.equalsIgnoreCase("FAILFAST")) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "JSON option 'mode' must be FAILFAST, PERMISSIVE or DROPMALFORMED, was '" + mode + "'");
        }
        return "SELECT * FROM read_json(" + path + ", format='newline_delimited', columns="
                + columns(scan.schema(), false) + (lenient ? ", ignore_errors=true" : "") + ")";
    }

    private String csv(FileScan scan, String path) {
        CsvOptions options = CsvOptions.parse(scan.options());
        DetectedFormats detected = DetectedFormats.ISO;
        boolean needsFormats = (hasType(scan.schema(), ScalarType.DATE) && options.dateFormat() == null)
                || (hasType(scan.schema(), ScalarType.TIMESTAMP) && options.timestampFormat() == null);
        if (needsFormats) {
            detected = formats.detect(absolute(scan.path()), options);
        }
        String dateFormat = options.dateFormat() != null ? options.dateFormat() : detected.dateFormat();
        String timestampFormat =
                options.timestampFormat() != null ? options.timestampFormat() : detected.timestampFormat();
        boolean permissive = options.mode() == CsvOptions.Mode.PERMISSIVE;

        StringBuilder read = new StringBuilder("read_csv(").append(path).append(options.dialectSql());
        read.append(", auto_detect=false, columns=").append(columns(scan.schema(), permissive));
        if (permissive) {
            // no ignore_errors here: DuckDB would push the TRY_CASTs below into the reader and drop the
            // rows whose fields do not convert instead of nulling the fields
            read.append(", null_padding=true, strict_mode=false");
        } else {
            if (dateFormat != null) {
                read.append(", dateformat=").append(Sql.string(dateFormat));
            }
            if (timestampFormat != null) {
                read.append(", timestampformat=").append(Sql.string(timestampFormat));
            }
            if (options.mode() == CsvOptions.Mode.DROPMALFORMED) {
                read.append(", ignore_errors=true");
            }
        }
        read.append(')');
        if (!permissive) {
            return "SELECT * FROM " + read;
        }
        StringJoiner select = new StringJoiner(", ", "SELECT ", " FROM " + read);
        for (StructField f : scan.schema().fields()) {
            select.add(tryConvert(f, dateFormat, timestampFormat) + " AS " + Sql.identifier(f.name()));
        }
        return select.toString();
    }

    private static String tryConvert(StructField f, String dateFormat, String timestampFormat) {
        String name = Sql.identifier(f.name());
        DataType t = f.type();
        if (t == ScalarType.DATE && dateFormat != null) {
            return "CAST(try_strptime(" + name + ", " + Sql.string(dateFormat) + ") AS DATE)";
        }
        if (t == ScalarType.TIMESTAMP && timestampFormat != null) {
            return "CAST(try_strptime(" + name + ", " + Sql.string(timestampFormat) + ") AS TIMESTAMP)";
        }
        if (t.isTextual() && t != ScalarType.JSON) {
            return name;
        }
        // TRY(CAST(...)): DuckDB 2.0 turns a TRY_CAST over a CSV column into a strict conversion
        return "TRY(CAST(" + name + " AS " + DuckTypes.toSql(t) + "))";
    }

    private static boolean hasType(Schema schema, DataType type) {
        for (StructField f : schema.fields()) {
            if (f.type().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code columns={'name': 'TYPE', ...}} argument. */
    static String columns(Schema schema, boolean allText) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (StructField f : schema.fields()) {
            j.add(Sql.string(f.name()) + ": " + Sql.string(allText ? "VARCHAR" : DuckTypes.toSql(f.type())));
        }
        return j.toString();
    }

    /**
     * The table function reading a format with default options, for schema checks.
     *
     * @param format the format
     * @param path the quoted path
     */
    static String reader(FileFormat format, String path, Map<String, String> options) {
        return switch (format) {
            case CSV -> "read_csv(" + path + CsvOptions.parse(options).dialectSql() + ")";
            case JSON -> "read_json(" + path + ", format='newline_delimited')";
            case PARQUET -> "read_parquet(" + path + ")";
        };
    }
}
