package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.ActionConformance;
import java.nio.file.Path;

/** Runs {@link ActionConformance} on the embedded DuckDB backend. */
class LocalActionConformanceTest extends ActionConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
