package dev.quarry.local.catalog;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.SaveMode;
import dev.quarry.internal.plan.Cache;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.local.exec.DuckDatabase;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.io.RowLoader;
import dev.quarry.local.io.SchemaInference;
import dev.quarry.local.sql.PlanCompiler;
import dev.quarry.local.sql.Sql;
import dev.quarry.spi.CatalogEntry;
import dev.quarry.types.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The catalog: tables and views in the {@code main} schema of the session's DuckDB file, which
 * outlives the session. Names compare ignoring case, as in DuckDB.
 *
 * <p>A view stores the query, not its data. In-memory rows a view reads ({@code createDataFrame})
 * are copied into hidden tables of the {@code quarry_data} schema that belong to the view (dropped
 * with it), and cached sub-plans are read through their query, so the view still works in later
 * sessions. A view over files reads them again on each use; if they are gone, reading the view
 * fails with {@code FILE_NOT_FOUND}.
 */
public final class LocalCatalog {
    private static final String DATA_SCHEMA = "quarry_data";

    private final DuckDatabase db;

    /**
     * The catalog of a database (callers hold its lock).
     *
     * <pre>{@code new LocalCatalog(db).listTables()}</pre>
     *
     * @param db the database
     */
    public LocalCatalog(DuckDatabase db) {
        this.db = requireNonNull(db, "db is null");
    }

    /**
     * A table or view by name, ignoring case.
     *
     * <pre>{@code catalog.lookup("tickets").map(CatalogEntry::schema)}</pre>
     *
     * @param name the name
     * @return the entry, or empty
     * @throws QuarryException EXECUTION_FAILED when a view exists but can no longer be read
     */
    public Optional<CatalogEntry> lookup(String name) {
        Optional<Found> found = find(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Found f = found.get();
        try {
            return Optional.of(new CatalogEntry(f.name(), f.kind(), describe(f.name())));
        } catch (SQLException e) {
            QuarryException q =
                    DuckErrors.translate(e, "reading the " + kindName(f.kind()) + " '" + f.name() + "'", false);
            throw new QuarryException(
                    q.code() == ErrorCode.INTERNAL_ERROR ? ErrorCode.EXECUTION_FAILED : q.code(),
                    "The " + kindName(f.kind()) + " '" + f.name() + "' can no longer be read: " + q.getMessage()
                            + " Drop it or save it again.",
                    e);
        }
    }

    /**
     * Every table and view, sorted by name. A view that can no longer be read is listed with an
     * empty schema.
     *
     * <pre>{@code for (CatalogEntry e : catalog.listTables()) System.out.println(e.name());}</pre>
     *
     * @return the entries
     */
    public List<CatalogEntry> listTables() {
        List<Found> all = new ArrayList<>();
        String query =
                "SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main'"
                        + " AND NOT temporary UNION ALL SELECT view_name, 'VIEW' FROM duckdb_views() WHERE database_name = ?"
                        + " AND schema_name = 'main' AND NOT internal AND NOT temporary ORDER BY 1";
        try (PreparedStatement ps = db.connection().prepareStatement(query)) {
            ps.setString(1, db.catalogName());
            ps.setString(2, db.catalogName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new Found(rs.getString(1), CatalogEntry.Kind.valueOf(rs.getString(2))));
                }
            }
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "listing the catalog", false);
        }
        List<CatalogEntry> entries = new ArrayList<>();
        for (Found f : all) {
            Schema schema;
            try {
                schema = describe(f.name());
            } catch (SQLException e) {
                schema = Schema.EMPTY;
            }
            entries.add(new CatalogEntry(f.name(), f.kind(), schema));
        }
        return entries;
    }

    /**
     * Drops a table or view (and a view's hidden data).
     *
     * <pre>{@code catalog.drop("old_results")}</pre>
     *
     * @param name the name, ignoring case
     * @return whether something was dropped
     */
    public boolean drop(String name) {
        Optional<Found> found = find(name);
        if (found.isEmpty()) {
            return false;
        }
        Found f = found.get();
        execute(
                "DROP " + (f.kind() == CatalogEntry.Kind.VIEW ? "VIEW " : "TABLE ") + qualified(f.name()),
                "dropping '" + f.name() + "'");
        if (f.kind() == CatalogEntry.Kind.VIEW) {
            dropViewData(f.name(), List.of());
        }
        return true;
    }

    /**
     * Saves the rows of a query as a table.
     *
     * <pre>{@code long n = catalog.saveTable("results", SaveMode.OVERWRITE, sql, schema, false);}</pre>
     *
     * @param name the table name
     * @param mode what to do when the name exists
     * @param query the {@code SELECT} producing the rows
     * @param schema the query's schema
     * @param userSql whether the query holds user SQL
     * @return rows written (0 when ignored)
     */
    public long saveTable(String name, SaveMode mode, String query, Schema schema, boolean userSql) {
        checkName(name);
        Optional<Found> existing = find(name);
        String target = qualified(existing.map(Found::name).orElse(name));
        String doing = "saving table '" + name + "'";
        if (existing.isPresent()) {
            Found f = existing.get();
            switch (mode) {
                case ERROR:
                    throw new QuarryException(
                            ErrorCode.TABLE_ALREADY_EXISTS,
                            "A " + kindName(f.kind()) + " named '" + f.name() + "' already exists; nothing was written."
                                    + " Use mode(SaveMode.OVERWRITE) to replace it, mode(SaveMode.APPEND) to add to it,"
                                    + " or another name.");
                case IGNORE:
                    return 0;
                case APPEND:
                    if (f.kind() == CatalogEntry.Kind.VIEW) {
                        throw new QuarryException(
                                ErrorCode.INVALID_ARGUMENT,
                                "Cannot append to '" + f.name() + "': it is a view, which stores a query, not rows."
                                        + " Use mode(SaveMode.OVERWRITE) to replace it by a table.");
                    }
                    checkAppendable(f.name(), schema);
                    return update(
                            "INSERT INTO " + target + " BY NAME SELECT * FROM (" + query + ") AS \"added\"",
                            doing,
                            userSql);
                case OVERWRITE:
                default:
                    if (f.kind() == CatalogEntry.Kind.VIEW) {
                        inTransaction(doing, userSql, "DROP VIEW " + target, "CREATE TABLE " + target + " AS " + query);
                        dropViewData(f.name(), List.of());
                        return count(target);
                    }
                    return update("CREATE OR REPLACE TABLE " + target + " AS " + query, doing, userSql);
            }
        }
        return update("CREATE TABLE " + target + " AS " + query, doing, userSql);
    }

    /**
     * Saves a plan as a view. {@code compile} turns the plan into SQL with the relations it is
     * given, which copy in-memory rows into the view's hidden tables and read caches through their
     * query.
     *
     * <pre>{@code catalog.saveView("open_tickets", SaveMode.ERROR, relations -> compiler(relations).compile(plan), false);}</pre>
     *
     * @param name the view name
     * @param mode ERROR, OVERWRITE or IGNORE (APPEND is refused)
     * @param compile compiles the plan with the given relations
     * @param userSql whether the plan holds user SQL
     */
    public void saveView(
            String name, SaveMode mode, Function<PlanCompiler.Relations, String> compile, boolean userSql) {
        checkName(name);
        if (mode == SaveMode.APPEND) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Cannot append to view '" + name + "': a view stores a query, not rows. Use"
                            + " mode(SaveMode.OVERWRITE) to replace it.");
        }
        Optional<Found> existing = find(name);
        if (existing.isPresent()) {
            if (mode == SaveMode.ERROR) {
                Found f = existing.get();
                throw new QuarryException(
                        ErrorCode.TABLE_ALREADY_EXISTS,
                        "A " + kindName(f.kind()) + " named '" + f.name() + "' already exists; nothing was changed."
                                + " Use mode(SaveMode.OVERWRITE) to replace it, or another name.");
            }
            if (mode == SaveMode.IGNORE) {
                return;
            }
        }
        String viewName = existing.map(Found::name).orElse(name);
        List<String> created = new ArrayList<>();
        try {
            String sql = compile.apply(viewRelations(viewName, created));
            String target = qualified(viewName);
            String doing = "saving view '" + name + "'";
            if (existing.isPresent() && existing.get().kind() == CatalogEntry.Kind.TABLE) {
                inTransaction(doing, userSql, "DROP TABLE " + target, "CREATE VIEW " + target + " AS " + sql);
            } else {
                execute("CREATE OR REPLACE VIEW " + target + " AS " + sql, doing, userSql);
            }
        } catch (RuntimeException e) {
            for (String table : created) {
                executeQuietly("DROP TABLE IF EXISTS " + Sql.qualified(db.catalogName(), DATA_SCHEMA, table));
            }
            throw e;
        }
        dropViewData(viewName, created);
    }

    /** Relations for a view: in-memory rows copied into the view's own hidden tables; caches inlined. */
    private PlanCompiler.Relations viewRelations(String viewName, List<String> created) {
        String prefix = dataPrefix(viewName);
        return new PlanCompiler.Relations() {
            @Override
            public String relationFor(LogicalPlan plan) {
                if (plan instanceof Cache) {
                    return null;
                }
                if (!(plan instanceof LocalRelation local)) {
                    return null;
                }
                execute(
                        "CREATE SCHEMA IF NOT EXISTS " + Sql.qualified(db.catalogName(), DATA_SCHEMA),
                        "preparing the view");
                String table =
                        prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                created.add(table);
                RowLoader.load(
                        db.connection(), db.catalogName(), DATA_SCHEMA, table, false, local.schema(), local.rows());
                return Sql.qualified(db.catalogName(), DATA_SCHEMA, table);
            }
        };
    }

    private void dropViewData(String viewName, List<String> keep) {
        String prefix = dataPrefix(viewName);
        List<String> stale = new ArrayList<>();
        try (PreparedStatement ps = db.connection()
                .prepareStatement(
                        "SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = ? AND"
                                + " starts_with(table_name, ?)")) {
            ps.setString(1, db.catalogName());
            ps.setString(2, DATA_SCHEMA);
            ps.setString(3, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!keep.contains(rs.getString(1))) {
                        stale.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "cleaning up the data of view '" + viewName + "'", false);
        }
        for (String table : stale) {
            execute(
                    "DROP TABLE IF EXISTS " + Sql.qualified(db.catalogName(), DATA_SCHEMA, table),
                    "dropping view data");
        }
    }

    private static String dataPrefix(String viewName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(viewName.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "v_" + HexFormat.of().formatHex(digest, 0, 8) + "_";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private void checkAppendable(String table, Schema schema) {
        Schema existing;
        try {
            existing = describe(table);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "reading table '" + table + "'", false);
        }
        boolean same = existing.size() == schema.size();
        for (String n : schema.names()) {
            same &= existing.find(n).isPresent();
        }
        if (!same) {
            throw new QuarryException(
                    ErrorCode.INVALID_SCHEMA,
                    "Cannot append to table '" + table + "': its columns are " + existing.names()
                            + " but the data's are "
                            + schema.names() + "; nothing was written. Select matching columns or use"
                            + " mode(SaveMode.OVERWRITE).");
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "A table or view name must not be blank");
        }
    }

    private Schema describe(String name) throws SQLException {
        return SchemaInference.describeQuery(db.connection(), "SELECT * FROM " + qualified(name));
    }

    /**
     * The catalog-qualified, quoted name of a table or view.
     *
     * <pre>{@code catalog.qualified("t") // "catalog"."main"."t"}</pre>
     *
     * @param name the name
     * @return SQL text
     */
    public String qualified(String name) {
        return Sql.qualified(db.catalogName(), "main", name);
    }

    private record Found(String name, CatalogEntry.Kind kind) {}

    private Optional<Found> find(String name) {
        String query =
                "SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main'"
                        + " AND NOT temporary AND lower(table_name) = lower(?) UNION ALL SELECT view_name, 'VIEW' FROM"
                        + " duckdb_views() WHERE database_name = ? AND schema_name = 'main' AND NOT internal AND NOT temporary"
                        + " AND lower(view_name) = lower(?)";
        try (PreparedStatement ps = db.connection().prepareStatement(query)) {
            ps.setString(1, db.catalogName());
            ps.setString(2, name);
            ps.setString(3, db.catalogName());
            ps.setString(4, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Found(rs.getString(1), CatalogEntry.Kind.valueOf(rs.getString(2))));
            }
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "looking up '" + name + "'", false);
        }
    }

    private long count(String target) {
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + target)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "counting rows", false);
        }
    }

    private long update(String sql, String doing, boolean userSql) {
        try (Statement st = db.connection().createStatement()) {
            st.execute(sql);
            return Math.max(st.getLargeUpdateCount(), 0);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, doing, userSql);
        }
    }

    private void execute(String sql, String doing) {
        execute(sql, doing, false);
    }

    private void execute(String sql, String doing, boolean userSql) {
        try (Statement st = db.connection().createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, doing, userSql);
        }
    }

    private void executeQuietly(String sql) {
        try (Statement st = db.connection().createStatement()) {
            st.execute(sql);
        } catch (SQLException ignored) {
            // best effort clean-up after a failure that is being reported
        }
    }

    private void inTransaction(String doing, boolean userSql, String... statements) {
        try (Statement st = db.connection().createStatement()) {
            st.execute("BEGIN TRANSACTION");
            try {
                for (String s : statements) {
                    st.execute(s);
                }
                st.execute("COMMIT");
            } catch (SQLException e) {
                try {
                    st.execute("ROLLBACK");
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw DuckErrors.translate(e, doing, userSql);
        }
    }

    private static String kindName(CatalogEntry.Kind kind) {
        return kind == CatalogEntry.Kind.VIEW ? "view" : "table";
    }
}
