package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.ExpressionConformance;
import java.nio.file.Path;

/** Runs {@link ExpressionConformance} on the embedded DuckDB backend. */
class LocalExpressionConformanceTest extends ExpressionConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
