package dev.quarry.inference.pricing;

import dev.quarry.models.ModelPrice;

/**
 * What the catalog knows about one model.
 *
 * <pre>{@code CatalogEntry e = PriceCatalog.lookup("openai", "gpt-4.1-nano").orElseThrow();}</pre>
 *
 * @param provider the provider id
 * @param model the catalog name (a prefix of dated model versions)
 * @param price the price per million tokens
 * @param contextWindow the context window in tokens (0 for embedding models)
 * @param maxOutputTokens the largest output (0 for embedding models)
 * @param dimensions the embedding length (0 for chat models)
 */
public record CatalogEntry(
        String provider, String model, ModelPrice price, int contextWindow, int maxOutputTokens, int dimensions) {}
