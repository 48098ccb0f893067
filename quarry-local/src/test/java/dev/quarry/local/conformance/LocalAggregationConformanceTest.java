package dev.quarry.local.conformance;

import dev.quarry.Session;
import dev.quarry.testkit.conformance.AggregationConformance;
import java.nio.file.Path;

/** Runs {@link AggregationConformance} on the embedded DuckDB backend. */
class LocalAggregationConformanceTest extends AggregationConformance {
    @Override
    protected Session newSession(Path dataDir) {
        return Session.builder().dataDir(dataDir).build();
    }
}
