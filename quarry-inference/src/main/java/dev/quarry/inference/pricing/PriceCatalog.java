package dev.quarry.inference.pricing;

import dev.quarry.models.ModelPrice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Published list prices (US dollars per million tokens: input, cached input, output), context
 * windows and embedding sizes of current models of OpenAI, Anthropic, Google Gemini and Cohere.
 * Dated versions match by prefix ({@code claude-sonnet-4-5-20250929} → {@code claude-sonnet-4-5}).
 * Prices change: override them per model with {@code .price(...)} on the configuration.
 *
 * <pre>{@code
 * ModelPrice p = PriceCatalog.lookup("openai", "gpt-4.1-nano").map(CatalogEntry::price).orElse(ModelPrice.FREE);
 * }</pre>
 */
public final class PriceCatalog {
    private static final List<CatalogEntry> ENTRIES = new ArrayList<>();

    static {
        // OpenAI chat
        chat("openai", "gpt-5", 1.25, 0.125, 10.00, 400_000, 128_000);
        chat("openai", "gpt-5-mini", 0.25, 0.025, 2.00, 400_000, 128_000);
        chat("openai", "gpt-5-nano", 0.05, 0.005, 0.40, 400_000, 128_000);
        chat("openai", "gpt-4.1", 2.00, 0.50, 8.00, 1_047_576, 32_768);
        chat("openai", "gpt-4.1-mini", 0.40, 0.10, 1.60, 1_047_576, 32_768);
        chat("openai", "gpt-4.1-nano", 0.10, 0.025, 0.40, 1_047_576, 32_768);
        chat("openai", "gpt-4o", 2.50, 1.25, 10.00, 128_000, 16_384);
        chat("openai", "gpt-4o-mini", 0.15, 0.075, 0.60, 128_000, 16_384);
        chat("openai", "o3", 2.00, 0.50, 8.00, 200_000, 100_000);
        chat("openai", "o3-mini", 1.10, 0.55, 4.40, 200_000, 100_000);
        chat("openai", "o4-mini", 1.10, 0.275, 4.40, 200_000, 100_000);
        chat("openai", "gpt-3.5-turbo", 0.50, 0.50, 1.50, 16_385, 4_096);
        // OpenAI embeddings
        embedding("openai", "text-embedding-3-small", 0.02, 1536);
        embedding("openai", "text-embedding-3-large", 0.13, 3072);
        embedding("openai", "text-embedding-ada-002", 0.10, 1536);
        // Anthropic
        chat("anthropic", "claude-opus-4-5", 5.00, 0.50, 25.00, 200_000, 64_000);
        chat("anthropic", "claude-opus-4-1", 15.00, 1.50, 75.00, 200_000, 32_000);
        chat("anthropic", "claude-opus-4", 15.00, 1.50, 75.00, 200_000, 32_000);
        chat("anthropic", "claude-sonnet-4-5", 3.00, 0.30, 15.00, 200_000, 64_000);
        chat("anthropic", "claude-sonnet-4", 3.00, 0.30, 15.00, 200_000, 64_000);
        chat("anthropic", "claude-3-7-sonnet", 3.00, 0.30, 15.00, 200_000, 64_000);
        chat("anthropic", "claude-haiku-4-5", 1.00, 0.10, 5.00, 200_000, 64_000);
        chat("anthropic", "claude-3-5-haiku", 0.80, 0.08, 4.00, 200_000, 8_192);
        chat("anthropic", "claude-3-haiku", 0.25, 0.03, 1.25, 200_000, 4_096);
        // Google Gemini
        chat("gemini", "gemini-2.5-pro", 1.25, 0.31, 10.00, 1_048_576, 65_536);
        chat("gemini", "gemini-2.5-flash", 0.30, 0.03, 2.50, 1_048_576, 65_536);
        chat("gemini", "gemini-2.5-flash-lite", 0.10, 0.01, 0.40, 1_048_576, 65_536);
        chat("gemini", "gemini-2.0-flash", 0.10, 0.025, 0.40, 1_048_576, 8_192);
        chat("gemini", "gemini-2.0-flash-lite", 0.075, 0.075, 0.30, 1_048_576, 8_192);
        embedding("gemini", "gemini-embedding-001", 0.15, 3072);
        embedding("gemini", "text-embedding-004", 0.00, 768);
        // Cohere
        embedding("cohere", "embed-v4.0", 0.12, 1536);
        embedding("cohere", "embed-english-v3.0", 0.10, 1024);
        embedding("cohere", "embed-multilingual-v3.0", 0.10, 1024);
        embedding("cohere", "embed-english-light-v3.0", 0.10, 384);
        embedding("cohere", "embed-multilingual-light-v3.0", 0.10, 384);
        // longest names first, so that prefixes match the most specific entry
        ENTRIES.sort(
                Comparator.comparingInt((CatalogEntry e) -> e.model().length()).reversed());
    }

    private PriceCatalog() {}

    private static void chat(
            String provider, String model, double in, double cached, double out, int context, int maxOut) {
        ENTRIES.add(new CatalogEntry(provider, model, new ModelPrice(in, cached, out), context, maxOut, 0));
    }

    private static void embedding(String provider, String model, double in, int dimensions) {
        ENTRIES.add(new CatalogEntry(provider, model, new ModelPrice(in, in, 0), 0, 0, dimensions));
    }

    /**
     * Finds a model: exact name, else the longest catalog name that prefixes it followed by
     * {@code -} (a dated version). Prefixes such as {@code models/} or {@code openai/} are ignored.
     *
     * <pre>{@code PriceCatalog.lookup("anthropic", "claude-sonnet-4-5-20250929")}</pre>
     *
     * @param provider the provider id
     * @param modelName the model name
     * @return the entry, empty for unknown models
     */
    public static Optional<CatalogEntry> lookup(String provider, String modelName) {
        String name = modelName.toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        if (slash >= 0) name = name.substring(slash + 1);
        for (CatalogEntry e : ENTRIES) {
            if (!e.provider().equals(provider)) continue;
            if (name.equals(e.model())) return Optional.of(e);
        }
        for (CatalogEntry e : ENTRIES) {
            if (!e.provider().equals(provider)) continue;
            if (name.startsWith(e.model() + "-")
                    && isVersionSuffix(name.substring(e.model().length() + 1))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static boolean isVersionSuffix(String suffix) {
        // dates (20250929, 2024-08-06), "latest", "preview-..." and numbered revisions
        return suffix.matches("\\d{4}-?\\d{2}-?\\d{2}.*|latest|preview.*|\\d{3}|exp.*");
    }

    /**
     * Every entry, longest names first.
     *
     * <pre>{@code PriceCatalog.entries().forEach(System.out::println);}</pre>
     *
     * @return the entries
     */
    public static List<CatalogEntry> entries() {
        return List.copyOf(ENTRIES);
    }
}
