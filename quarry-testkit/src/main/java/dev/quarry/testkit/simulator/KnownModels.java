package dev.quarry.testkit.simulator;

import java.util.Map;

/** Native embedding dimensions of well-known models. */
final class KnownModels {
    private static final Map<String, Integer> DIMENSIONS = Map.ofEntries(
            Map.entry("text-embedding-3-small", 1536),
            Map.entry("text-embedding-3-large", 3072),
            Map.entry("text-embedding-ada-002", 1536),
            Map.entry("embed-english-v3.0", 1024),
            Map.entry("embed-multilingual-v3.0", 1024),
            Map.entry("embed-english-light-v3.0", 384),
            Map.entry("embed-multilingual-light-v3.0", 384),
            Map.entry("embed-v4.0", 1536),
            Map.entry("text-embedding-004", 768),
            Map.entry("text-embedding-005", 768),
            Map.entry("gemini-embedding-001", 3072),
            Map.entry("embedding-001", 768));

    private KnownModels() {}

    static int dimensions(String model, int fallback) {
        String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
        return DIMENSIONS.getOrDefault(name, fallback);
    }
}
