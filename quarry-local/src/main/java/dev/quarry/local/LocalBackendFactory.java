package dev.quarry.local;

import dev.quarry.local.udf.JavaFunctions;
import dev.quarry.spi.Backend;
import dev.quarry.spi.BackendFactory;
import dev.quarry.spi.SessionConfig;

/**
 * Finds the embedded DuckDB backend through {@link java.util.ServiceLoader} under the name
 * {@code local}; it is the default backend (priority 100).
 *
 * <pre>{@code Session.builder().backend("local").build()}</pre>
 */
public final class LocalBackendFactory implements BackendFactory {
    /** The backend's name. */
    public static final String NAME = "local";

    /**
     * Creates the factory; the service loader calls this.
     *
     * <pre>{@code Session.builder().backendFactory(new LocalBackendFactory()).build()}</pre>
     */
    public LocalBackendFactory() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Backend create(SessionConfig config) {
        return new LocalBackend(config, JavaFunctions.standard());
    }
}
