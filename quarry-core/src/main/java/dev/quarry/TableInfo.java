package dev.quarry;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;

/**
 * A table or view of the session's catalog.
 *
 * <pre>{@code
 * for (TableInfo t : session.catalog().listTables()) {
 *     System.out.println(t.name() + (t.isView() ? " (view)" : "") + " " + t.schema().names());
 * }
 * }</pre>
 *
 * @param name the name
 * @param isView true for a view (a stored query), false for a table (stored data)
 * @param schema its columns
 */
public record TableInfo(String name, boolean isView, Schema schema) {
    /** Validates. */
    public TableInfo {
        requireNonNull(name, "name is null");
        requireNonNull(schema, "schema is null");
    }

    /**
     * One line: name, kind and columns.
     *
     * <pre>{@code t.toString() // "per_team (table): team: string, n: bigint"}</pre>
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(isView ? " (view): " : " (table): ");
        for (int i = 0; i < schema.fields().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(schema.fields().get(i));
        }
        return sb.toString();
    }
}
