package dev.quarry.spi;

import static java.util.Objects.requireNonNull;

import dev.quarry.models.EmbeddingModelConfig;
import dev.quarry.models.LanguageModelConfig;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a session was configured with, handed to its backend.
 *
 * @param appName the application name
 * @param dataDir the directory for the catalog, caches and temporary files
 * @param languageModels chat models by alias, in registration order
 * @param embeddingModels embedding models by alias, in registration order
 * @param defaultLanguageModel the default chat model alias, or null
 * @param defaultEmbeddingModel the default embedding model alias, or null
 * @param disabledRules names of optimizer rules switched off
 * @param settings free-form backend settings (e.g. {@code duckdb.memory_limit}), sorted by key
 */
public record SessionConfig(
        String appName,
        Path dataDir,
        Map<String, LanguageModelConfig> languageModels,
        Map<String, EmbeddingModelConfig> embeddingModels,
        String defaultLanguageModel,
        String defaultEmbeddingModel,
        Set<String> disabledRules,
        Map<String, String> settings) {
    /** Validates and copies. */
    public SessionConfig {
        requireNonNull(appName, "appName is null");
        requireNonNull(dataDir, "dataDir is null");
        languageModels = Collections.unmodifiableMap(
                new LinkedHashMap<>(requireNonNull(languageModels, "languageModels is null")));
        embeddingModels = Collections.unmodifiableMap(
                new LinkedHashMap<>(requireNonNull(embeddingModels, "embeddingModels is null")));
        disabledRules = Set.copyOf(requireNonNull(disabledRules, "disabledRules is null"));
        settings = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(settings, "settings is null")));
    }
}
