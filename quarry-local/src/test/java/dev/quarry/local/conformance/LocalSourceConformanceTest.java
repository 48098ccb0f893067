package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.SourceConformance;
import java.nio.file.Path;

/** Runs {@link SourceConformance} on the embedded DuckDB backend. */
class LocalSourceConformanceTest extends SourceConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
