package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.JoinConformance;
import java.nio.file.Path;

/** Runs {@link JoinConformance} on the embedded DuckDB backend. */
class LocalJoinConformanceTest extends JoinConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
