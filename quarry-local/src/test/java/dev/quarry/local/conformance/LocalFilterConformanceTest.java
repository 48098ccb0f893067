package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.FilterConformance;
import java.nio.file.Path;

/** Runs {@link FilterConformance} on the embedded DuckDB backend. */
class LocalFilterConformanceTest extends FilterConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
