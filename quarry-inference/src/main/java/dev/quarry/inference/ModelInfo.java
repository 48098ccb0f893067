package dev.quarry.inference;

import dev.quarry.models.ModelPrice;

/**
 * What the runtime knows about a configured model.
 *
 * <pre>{@code ModelInfo info = runtime.modelInfo("fast"); int window = info.contextWindow();}</pre>
 *
 * @param alias the alias
 * @param provider the provider id
 * @param modelName the provider's model name
 * @param kind language or embedding model
 * @param contextWindow the context window in tokens, 0 when unknown or not a chat model
 * @param maxOutputTokens the largest output, 0 when unknown
 * @param dimensions the embedding length, 0 when unknown or not an embedding model
 * @param price the price (configured, else the catalog's, else free)
 * @param priced false when neither the configuration nor the catalog prices the model
 */
public record ModelInfo(
        String alias,
        String provider,
        String modelName,
        ModelKind kind,
        int contextWindow,
        int maxOutputTokens,
        int dimensions,
        ModelPrice price,
        boolean priced) {}
