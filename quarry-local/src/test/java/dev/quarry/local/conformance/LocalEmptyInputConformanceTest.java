package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.EmptyInputConformance;
import java.nio.file.Path;

/** Runs {@link EmptyInputConformance} on the embedded DuckDB backend. */
class LocalEmptyInputConformanceTest extends EmptyInputConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
