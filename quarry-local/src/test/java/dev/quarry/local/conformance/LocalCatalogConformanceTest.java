package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.CatalogConformance;
import java.nio.file.Path;

/** Runs {@link CatalogConformance} on the embedded DuckDB backend. */
class LocalCatalogConformanceTest extends CatalogConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
