package dev.quarry.local.exec;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.local.sql.FunctionMapper;
import dev.quarry.local.udf.JavaFunctions;
import dev.quarry.spi.SessionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;

/**
 * The session's DuckDB database: the catalog file {@code <dataDir>/catalog.duckdb}, spilling to
 * {@code <dataDir>/tmp}, with one connection that every statement of the session uses (temporary
 * tables live on it). Calls are serialized by {@link #lock()}.
 *
 * <p>Settings: every {@code SessionConfig.settings()} entry whose key starts with {@code duckdb.}
 * is passed to DuckDB as the configuration option named by the rest of the key, when the database
 * opens: {@code duckdb.memory_limit=4GB}, {@code duckdb.threads=2},
 * {@code duckdb.max_temp_directory_size=50GB}, {@code duckdb.preserve_insertion_order=false}, ...
 * An unknown option fails the session start with {@code INVALID_CONFIGURATION}. The session time
 * zone is UTC, so {@code TIMESTAMP WITH TIME ZONE} values read as UTC wall time.
 */
public final class DuckDatabase implements AutoCloseable {
    /** The file name of the catalog inside the data directory. */
    public static final String CATALOG_FILE = "catalog.duckdb";

    private static final String PREFIX = "duckdb.";
    private static final Pattern OPTION = Pattern.compile("[a-z][a-z0-9_]*");

    private final Path dataDir;
    private final DuckDBConnection connection;
    private final String catalogName;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private DuckDatabase(Path dataDir, DuckDBConnection connection, String catalogName) {
        this.dataDir = dataDir;
        this.connection = connection;
        this.catalogName = catalogName;
    }

    /**
     * Opens (creating when absent) the database of a session.
     *
     * <pre>{@code DuckDatabase db = DuckDatabase.open(config, JavaFunctions.standard());}</pre>
     *
     * @param config the session configuration
     * @param functions the Java functions to install
     * @return the open database
     * @throws QuarryException INVALID_CONFIGURATION for a bad setting or a data directory in use
     */
    public static DuckDatabase open(SessionConfig config, JavaFunctions functions) {
        requireNonNull(config, "config is null");
        requireNonNull(functions, "functions is null");
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        Path tmp = dataDir.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new QuarryException(
                    ErrorCode.IO_ERROR,
                    "Cannot create the data directory '" + dataDir + "': " + e.getMessage()
                            + ". Choose a writable directory with Session.builder().dataDir(...)",
                    e);
        }
        Properties props = new Properties();
        props.setProperty("temp_directory", tmp.toString());
        // results are not streamed: DuckDB's JDBC driver reports a failure met while streaming as
        // "Invalid result set", losing the cause; a materialized result stays in DuckDB's memory
        // (which spills) until it is read
        for (Map.Entry<String, String> s : config.settings().entrySet()) {
            if (!s.getKey().startsWith(PREFIX)) {
                continue;
            }
            String option = s.getKey().substring(PREFIX.length()).toLowerCase(Locale.ROOT);
            if (!OPTION.matcher(option).matches()) {
                throw new QuarryException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "Setting '" + s.getKey() + "' does not name a DuckDB option (expected duckdb.<option> with"
                                + " letters, digits and underscores, e.g. duckdb.memory_limit)");
            }
            props.setProperty(option, s.getValue());
        }
        Path file = dataDir.resolve(CATALOG_FILE);
        DuckDBConnection connection;
        try {
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file, props);
        } catch (SQLException e) {
            throw openFailure(e, file, config);
        }
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("SET TimeZone = 'UTC'");
                for (String macro : FunctionMapper.MACROS) {
                    st.execute(macro);
                }
            }
            functions.install(connection);
            String name;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT current_database()")) {
                rs.next();
                name = rs.getString(1);
            }
            return new DuckDatabase(dataDir, connection, name);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw DuckErrors.translate(e, "starting the local backend", false);
        }
    }

    private static QuarryException openFailure(SQLException e, Path file, SessionConfig config) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("not recognized")
                || message.contains("Unrecognized configuration")
                || message.contains("Could not set option")
                || message.contains("Invalid Input Error")) {
            return new QuarryException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "DuckDB rejected the settings " + duckSettings(config) + ": " + firstLine(message)
                            + ". Settings named duckdb.<option> must be DuckDB configuration options with valid"
                            + " values.",
                    e);
        }
        if (message.contains("lock")) {
            return new QuarryException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "The catalog '" + file + "' is in use by another process: " + firstLine(message)
                            + ". Close the other session or give this one another dataDir.",
                    e);
        }
        return new QuarryException(
                ErrorCode.IO_ERROR, "Cannot open the catalog '" + file + "': " + firstLine(message), e);
    }

    private static String duckSettings(SessionConfig config) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> s : config.settings().entrySet()) {
            if (s.getKey().startsWith(PREFIX)) {
                sb.append(sb.length() > 1 ? ", " : "")
                        .append(s.getKey())
                        .append('=')
                        .append(s.getValue());
            }
        }
        return sb.append('}').toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * The connection; use it only while holding {@link #lock()}.
     *
     * <pre>{@code db.lock().lock(); try { db.connection().createStatement()... } finally { db.lock().unlock(); }}</pre>
     *
     * @return the connection
     */
    public DuckDBConnection connection() {
        if (closed) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT, "The session is closed; open a new session to run queries");
        }
        return connection;
    }

    /**
     * The lock serializing the session's statements.
     *
     * <pre>{@code db.lock().lock();}</pre>
     *
     * @return the lock
     */
    public ReentrantLock lock() {
        return lock;
    }

    /**
     * DuckDB's name of the catalog database (the file's base name).
     *
     * <pre>{@code db.catalogName() // "catalog"}</pre>
     *
     * @return the name
     */
    public String catalogName() {
        return catalogName;
    }

    /**
     * The session's data directory, absolute.
     *
     * <pre>{@code db.dataDir()}</pre>
     *
     * @return the directory
     */
    public Path dataDir() {
        return dataDir;
    }

    /** Closes the connection; temporary tables go with it. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw new QuarryException(ErrorCode.IO_ERROR, "Closing the catalog failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
