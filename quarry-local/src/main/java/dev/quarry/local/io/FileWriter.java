package dev.quarry.local.io;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.SaveMode;
import dev.quarry.internal.plan.FileFormat;
import dev.quarry.internal.plan.FileScan;
import dev.quarry.internal.plan.Sink;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.sql.Sql;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes query results to a single file with DuckDB's {@code COPY ... TO}, so the rows stream from
 * DuckDB to disk without passing through the Java heap. The file is written next to the target
 * under a hidden temporary name and moved into place when complete, so a failed write leaves the
 * target as it was.
 *
 * <p>Save modes: {@code ERROR} refuses an existing path ({@code PATH_ALREADY_EXISTS}, nothing
 * touched); {@code OVERWRITE} replaces it; {@code APPEND} writes the existing rows followed by the
 * new ones (the column names must match; existing columns are cast to the new types);
 * {@code IGNORE} leaves an existing path alone.
 *
 * <p>Writer options (keys ignore case): CSV {@code header} (default true), {@code delimiter} /
 * {@code sep}, {@code quote}, {@code escape}, {@code nullValue}, {@code compression}; Parquet
 * {@code compression} ({@code snappy} default, {@code zstd}, {@code gzip}, {@code uncompressed}),
 * {@code rowGroupSize}; JSON {@code compression}.
 */
public final class FileWriter {
    private static final Set<String> CSV =
            Set.of("header", "delimiter", "sep", "quote", "escape", "nullValue", "compression");
    private static final Set<String> PARQUET = Set.of("compression", "rowGroupSize");
    private static final Set<String> JSON = Set.of("compression");

    private final Connection connection;
    private final FileSources sources;

    /**
     * A writer over a connection (the caller holds its lock).
     *
     * <pre>{@code new FileWriter(connection, sources).write(target, mode, sql, schema)}</pre>
     *
     * @param connection the connection
     * @param sources renders reads of existing files for APPEND
     */
    public FileWriter(Connection connection, FileSources sources) {
        this.connection = connection;
        this.sources = sources;
    }

    /**
     * Writes the rows of a query.
     *
     * <pre>{@code long n = writer.write(new Sink.FileTarget(FileFormat.PARQUET, "out.parquet", Map.of()), SaveMode.OVERWRITE, sql, schema);}</pre>
     *
     * @param target where and how
     * @param mode what to do when the path exists
     * @param query the {@code SELECT} producing the rows
     * @param schema the query's schema
     * @return the number of rows written (0 when ignored)
     */
    public long write(Sink.FileTarget target, SaveMode mode, String query, Schema schema) {
        Path path = Path.of(FileSources.absolute(target.path()));
        String copyOptions = copyOptions(target.format(), target.options())
                + (target.format() == FileFormat.PARQUET ? ParquetTypes.kvMetadata(schema) : "");
        boolean exists = Files.exists(path);
        if (exists && Files.isDirectory(path) && mode != SaveMode.IGNORE) {
            throw new QuarryException(
                    mode == SaveMode.ERROR ? ErrorCode.PATH_ALREADY_EXISTS : ErrorCode.INVALID_ARGUMENT,
                    "Cannot write to '" + path + "': it is a directory. Writers produce a single file; give a file"
                            + " path.");
        }
        if (exists) {
            switch (mode) {
                case ERROR:
                    throw new QuarryException(
                            ErrorCode.PATH_ALREADY_EXISTS,
                            "Path '" + path + "' already exists; nothing was written. Use mode(SaveMode.OVERWRITE)"
                                    + " to replace it, mode(SaveMode.APPEND) to add to it, or another path.");
                case IGNORE:
                    return 0;
                default:
                    break;
            }
        }
        long existingRows = 0;
        String data = query;
        if (exists && mode == SaveMode.APPEND) {
            String existing = existingRows(target, path, schema);
            existingRows = count(existing, "counting the rows of '" + path + "'");
            data = "SELECT * FROM (" + existing + ") AS \"existing\" UNION ALL SELECT * FROM (" + query
                    + ") AS \"added\"";
        }
        Path parent = path.getParent();
        Path temp = parent.resolve("." + UUID.randomUUID() + "-" + path.getFileName());
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new QuarryException(
                    ErrorCode.IO_ERROR, "Cannot create the directory '" + parent + "': " + e.getMessage(), e);
        }
        long written;
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("COPY (" + data + ") TO " + Sql.string(temp.toString()) + " (" + copyOptions + ")");
                written = Math.max(st.getLargeUpdateCount(), 0);
            } catch (SQLException e) {
                throw DuckErrors.translate(e, "writing '" + path + "'", false);
            }
            move(temp, path, exists);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file is hidden and named uniquely; a leftover harms nothing
            }
        }
        return written - existingRows;
    }

    private long count(String query, String doing) {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + query + ") AS \"c\"")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, doing, false);
        }
    }

    /** The existing file's rows, columns matched to the new schema by name and cast to its types. */
    private String existingRows(Sink.FileTarget target, Path path, Schema schema) {
        Map<String, String> readOptions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (target.format() == FileFormat.CSV) {
            for (Map.Entry<String, String> e : target.options().entrySet()) {
                String k = e.getKey().toLowerCase(Locale.ROOT);
                if (!k.equals("compression")) {
                    readOptions.put(e.getKey(), e.getValue());
                }
            }
        }
        Schema existing = new SchemaInference(connection).infer(target.format(), path.toString(), readOptions);
        List<String> wanted = schema.names();
        List<String> have = existing.names();
        boolean same = wanted.size() == have.size();
        for (String n : wanted) {
            same &= existing.find(n).isPresent();
        }
        if (!same) {
            throw new QuarryException(
                    ErrorCode.INVALID_SCHEMA,
                    "Cannot append to '" + path + "': its columns are " + have + " but the data's are " + wanted
                            + "; nothing was written. Select matching columns or use mode(SaveMode.OVERWRITE).");
        }
        FileScan scan = new FileScan(target.format(), path.toString(), readOptions, existing);
        StringJoiner select = new StringJoiner(", ", "SELECT ", " FROM (" + sources.fileScan(scan) + ") AS \"old\"");
        for (StructField f : schema.fields()) {
            String name = Sql.identifier(existing.field(f.name()).name());
            select.add("CAST(" + name + " AS " + dev.quarry.local.sql.DuckTypes.toSql(f.type()) + ") AS "
                    + Sql.identifier(f.name()));
        }
        return select.toString();
    }

    private static void move(Path temp, Path target, boolean replace) {
        try {
            try {
                if (replace) {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(temp, target);
                }
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileAlreadyExistsException e) {
            throw new QuarryException(
                    ErrorCode.PATH_ALREADY_EXISTS,
                    "Path '" + target + "' appeared while it was being written; it was left as it is.",
                    e);
        } catch (IOException e) {
            throw new QuarryException(
                    ErrorCode.IO_ERROR,
                    "Cannot move the written file into place at '" + target + "': " + e.getMessage(),
                    e);
        }
    }

    /**
     * The {@code COPY} options for a format and writer options.
     *
     * <pre>{@code FileWriter.copyOptions(FileFormat.CSV, Map.of()) // FORMAT CSV, HEADER true, DELIMITER ','}</pre>
     *
     * @param format the format
     * @param raw the writer options
     * @return the option list, without parentheses
     */
    static String copyOptions(FileFormat format, Map<String, String> raw) {
        List<String> out = new ArrayList<>();
        switch (format) {
            case CSV -> {
                Options o = Options.of(raw, CSV, "CSV writer");
                out.add("FORMAT CSV");
                out.add("HEADER " + o.flag("header", true, "CSV writer"));
                out.add("DELIMITER " + Sql.string(Options.character(o.get("delimiter", o.get("sep", ",")))));
                String quote = o.get("quote");
                if (quote != null) {
                    out.add("QUOTE " + Sql.string(Options.character(quote)));
                }
                String escape = o.get("escape");
                if (escape != null) {
                    out.add("ESCAPE " + Sql.string(Options.character(escape)));
                }
                String nullValue = o.get("nullValue");
                if (nullValue != null) {
                    out.add("NULLSTR " + Sql.string(nullValue));
                }
                compression(o, out);
            }
            case PARQUET -> {
                Options o = Options.of(raw, PARQUET, "Parquet writer");
                out.add("FORMAT PARQUET");
                compression(o, out);
                String rowGroup = o.get("rowGroupSize");
                if (rowGroup != null) {
                    try {
                        out.add("ROW_GROUP_SIZE " + Long.parseLong(rowGroup.trim()));
                    } catch (NumberFormatException e) {
                        throw new QuarryException(
                                ErrorCode.INVALID_ARGUMENT,
                                "Parquet option 'rowGroupSize' must be a number, was '" + rowGroup + "'");
                    }
                }
            }
            case JSON -> {
                Options o = Options.of(raw, JSON, "JSON writer");
                out.add("FORMAT JSON");
                compression(o, out);
            }
        }
        return String.join(", ", out);
    }

    private static void compression(Options o, List<String> out) {
        String compression = o.get("compression");
        if (compression != null) {
            String c = compression.trim().toLowerCase(Locale.ROOT);
            if (!c.matches("[a-z0-9_]+")) {
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT,
                        "Writer option 'compression' is not a codec name: '" + compression + "'");
            }
            out.add("COMPRESSION " + Sql.string(c));
        }
    }
}
