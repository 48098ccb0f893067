package dev.quarry;

import dev.quarry.internal.analyzer.Errors;
import dev.quarry.spi.CatalogEntry;
import dev.quarry.types.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The tables and views of a session ({@code session.catalog()}), kept by the backend (for the
 * embedded backend, in a DuckDB file under the session's {@code dataDir}).
 *
 * <pre>{@code
 * Catalog catalog = session.catalog();
 * if (catalog.tableExists("enriched")) {
 *     System.out.print(catalog.describe("enriched").treeString());
 * }
 * }</pre>
 */
public final class Catalog {
    private final Session session;

    Catalog(Session session) {
        this.session = session;
    }

    /**
     * Every table and view, sorted by name.
     *
     * <pre>{@code session.catalog().listTables().forEach(t -> System.out.println(t.name()));}</pre>
     *
     * @return the tables and views
     */
    public List<TableInfo> listTables() {
        session.checkOpen();
        List<TableInfo> out = new ArrayList<>();
        for (CatalogEntry e : session.backend().listTables()) {
            out.add(new TableInfo(e.name(), e.kind() == CatalogEntry.Kind.VIEW, e.schema()));
        }
        out.sort(Comparator.comparing(TableInfo::name, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /**
     * The columns of a table or view.
     *
     * <pre>{@code Schema s = session.catalog().describe("enriched");}</pre>
     *
     * @param name the table or view name (case-insensitive)
     * @return its schema
     * @throws QuarryException TABLE_NOT_FOUND listing the tables
     */
    public Schema describe(String name) {
        session.checkOpen();
        return session.lookupOrThrow(name).schema();
    }

    /**
     * Whether a table or view of that name exists.
     *
     * <pre>{@code if (!session.catalog().tableExists("events")) { ... }}</pre>
     *
     * @param name the name (case-insensitive)
     * @return true when it exists
     */
    public boolean tableExists(String name) {
        session.checkOpen();
        return lookup(name).isPresent();
    }

    /**
     * Drops a table.
     *
     * <pre>{@code session.catalog().dropTable("scratch");}</pre>
     *
     * @param name the table name
     * @return true when a table was dropped, false when none had that name
     * @throws QuarryException INVALID_ARGUMENT when the name is a view
     */
    public boolean dropTable(String name) {
        return drop(name, CatalogEntry.Kind.TABLE);
    }

    /**
     * Drops a view.
     *
     * <pre>{@code session.catalog().dropView("open_tickets");}</pre>
     *
     * @param name the view name
     * @return true when a view was dropped, false when none had that name
     * @throws QuarryException INVALID_ARGUMENT when the name is a table
     */
    public boolean dropView(String name) {
        return drop(name, CatalogEntry.Kind.VIEW);
    }

    private boolean drop(String name, CatalogEntry.Kind kind) {
        session.checkOpen();
        Optional<CatalogEntry> entry = lookup(name);
        if (entry.isEmpty()) {
            return false;
        }
        if (entry.get().kind() != kind) {
            String is = entry.get().kind() == CatalogEntry.Kind.VIEW ? "a view" : "a table";
            String use = entry.get().kind() == CatalogEntry.Kind.VIEW ? "dropView" : "dropTable";
            throw Errors.invalidArgument("'" + entry.get().name() + "' is " + is + "; drop it with " + use + "(\""
                    + entry.get().name() + "\")");
        }
        return session.backend().drop(entry.get().name());
    }

    private Optional<CatalogEntry> lookup(String name) {
        if (name == null || name.isBlank()) {
            throw Errors.invalidArgument("A table name must not be blank");
        }
        return session.backend().lookup(name);
    }

    @Override
    public String toString() {
        return "Catalog[" + session.appName() + "]";
    }
}
