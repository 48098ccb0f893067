package dev.quarry.spi;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;

/**
 * A table or view of a backend's catalog.
 *
 * @param name the name
 * @param kind table or view
 * @param schema its columns
 */
public record CatalogEntry(String name, Kind kind, Schema schema) {
    /** Tables hold data; views hold a query. */
    public enum Kind {
        TABLE,
        VIEW
    }

    /** Validates. */
    public CatalogEntry {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(schema, "schema is null");
    }
}
