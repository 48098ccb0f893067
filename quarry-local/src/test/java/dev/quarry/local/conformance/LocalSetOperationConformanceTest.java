package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.SetOperationConformance;
import java.nio.file.Path;

/** Runs {@link SetOperationConformance} on the embedded DuckDB backend. */
class LocalSetOperationConformanceTest extends SetOperationConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
