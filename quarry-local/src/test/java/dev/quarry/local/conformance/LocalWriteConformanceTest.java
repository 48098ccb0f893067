package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.WriteConformance;
import java.nio.file.Path;

/** Runs {@link WriteConformance} on the embedded DuckDB backend. */
class LocalWriteConformanceTest extends WriteConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
