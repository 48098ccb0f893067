package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.TypeCoercionConformance;
import java.nio.file.Path;

/** Runs {@link TypeCoercionConformance} on the embedded DuckDB backend. */
class LocalTypeCoercionConformanceTest extends TypeCoercionConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
