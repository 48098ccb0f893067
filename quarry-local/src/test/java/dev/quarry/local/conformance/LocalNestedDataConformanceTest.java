package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.NestedDataConformance;
import java.nio.file.Path;

/** Runs {@link NestedDataConformance} on the embedded DuckDB backend. */
class LocalNestedDataConformanceTest extends NestedDataConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
