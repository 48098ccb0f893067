package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.ProjectionConformance;
import java.nio.file.Path;

/** Runs {@link ProjectionConformance} on the embedded DuckDB backend. */
class LocalProjectionConformanceTest extends ProjectionConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
