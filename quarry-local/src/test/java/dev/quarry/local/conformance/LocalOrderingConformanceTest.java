package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.OrderingConformance;
import java.nio.file.Path;

/** Runs {@link OrderingConformance} on the embedded DuckDB backend. */
class LocalOrderingConformanceTest extends OrderingConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
