package dev.quarry.internal.analyzer;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.models.CohereEmbeddingModel;
import dev.quarry.models.EmbeddingModelConfig;
import dev.quarry.models.GeminiEmbeddingModel;
import dev.quarry.models.LanguageModelConfig;
import dev.quarry.models.LocalEmbeddingModel;
import dev.quarry.models.OpenAIEmbeddingModel;
import dev.quarry.spi.SessionConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The models a session has, as the analyzer sees them: it resolves the model alias of each semantic
 * operator (the session's default when none is named) and the vector length of embedding models.
 */
public final class Models {
    private static final Map<String, Integer> NATIVE_DIMENSIONS = Map.ofEntries(
            Map.entry("text-embedding-3-small", 1536),
            Map.entry("text-embedding-3-large", 3072),
            Map.entry("text-embedding-ada-002", 1536),
            Map.entry("embed-v4.0", 1536),
            Map.entry("embed-english-v3.0", 1024),
            Map.entry("embed-multilingual-v3.0", 1024),
            Map.entry("embed-english-light-v3.0", 384),
            Map.entry("embed-multilingual-light-v3.0", 384),
            Map.entry("gemini-embedding-001", 3072),
            Map.entry("text-embedding-004", 768),
            Map.entry("text-embedding-005", 768),
            Map.entry("embedding-001", 768));

    private final Map<String, LanguageModelConfig> languageModels;
    private final Map<String, EmbeddingModelConfig> embeddingModels;
    private final String defaultLanguageModel;
    private final String defaultEmbeddingModel;

    private Models(
            Map<String, LanguageModelConfig> languageModels,
            Map<String, EmbeddingModelConfig> embeddingModels,
            String defaultLanguageModel,
            String defaultEmbeddingModel) {
        this.languageModels = Collections.unmodifiableMap(new LinkedHashMap<>(languageModels));
        this.embeddingModels = Collections.unmodifiableMap(new LinkedHashMap<>(embeddingModels));
        this.defaultLanguageModel = defaultLanguageModel;
        this.defaultEmbeddingModel = defaultEmbeddingModel;
    }

    /**
     * The models of a session.
     *
     * <pre>{@code Models models = Models.of(session.config());}</pre>
     *
     * @param config the session configuration
     * @return the models
     */
    public static Models of(SessionConfig config) {
        return new Models(
                config.languageModels(),
                config.embeddingModels(),
                config.defaultLanguageModel(),
                config.defaultEmbeddingModel());
    }

    /**
     * No models at all (semantic operators fail to resolve, naming how to configure one).
     *
     * <pre>{@code new PlanBuilder(FunctionRegistry.standard(), Models.none())}</pre>
     *
     * @return the empty set of models
     */
    public static Models none() {
        return new Models(Map.of(), Map.of(), null, null);
    }

    /**
     * The language-model alias an operator calls.
     *
     * <pre>{@code models.languageModel("", "Semantic.extract") // the default alias}</pre>
     *
     * @param requested the alias named in the options, or {@link SemanticCalls#DEFAULT_MODEL}
     * @param operation the operation, for messages
     * @return a configured alias
     * @throws QuarryException MODEL_NOT_CONFIGURED naming the configured aliases
     */
    public String languageModel(String requested, String operation) {
        return resolve(requested, operation, languageModels, embeddingModels, defaultLanguageModel, "language");
    }

    /**
     * The embedding-model alias an operator calls.
     *
     * <pre>{@code models.embeddingModel("", "Semantic.embed") // the default alias}</pre>
     *
     * @param requested the alias named in the options, or {@link SemanticCalls#DEFAULT_MODEL}
     * @param operation the operation, for messages
     * @return a configured alias
     * @throws QuarryException MODEL_NOT_CONFIGURED naming the configured aliases
     */
    public String embeddingModel(String requested, String operation) {
        return resolve(requested, operation, embeddingModels, languageModels, defaultEmbeddingModel, "embedding");
    }

    /**
     * The length of the vectors an embedding model produces: the configured dimensions, else the
     * model's native length.
     *
     * <pre>{@code models.dimensions("mini") // 384}</pre>
     *
     * @param alias a configured embedding-model alias
     * @return the vector length
     * @throws QuarryException INVALID_CONFIGURATION when the length is unknown
     */
    public int dimensions(String alias) {
        EmbeddingModelConfig m = embeddingModels.get(alias);
        if (m == null) {
            throw new IllegalArgumentException("not a configured embedding model: " + alias);
        }
        OptionalInt configured = configuredDimensions(m);
        if (configured.isPresent()) {
            return configured.getAsInt();
        }
        String name = m.modelName().toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        Integer known = NATIVE_DIMENSIONS.get(slash >= 0 ? name.substring(slash + 1) : name);
        if (known != null) {
            return known;
        }
        throw new QuarryException(
                ErrorCode.INVALID_CONFIGURATION,
                "The vector length of embedding model '" + alias + "' (" + m.provider() + " " + m.modelName()
                        + ") is unknown, so the type of its embeddings cannot be fixed. Set it on the model"
                        + " configuration, e.g. " + m.getClass().getSimpleName() + ".of(\"" + m.modelName()
                        + "\").dimensions(1024)");
    }

    private static OptionalInt configuredDimensions(EmbeddingModelConfig m) {
        if (m instanceof LocalEmbeddingModel l) {
            return OptionalInt.of(l.dimensions());
        }
        if (m instanceof OpenAIEmbeddingModel o) {
            return o.dimensions();
        }
        if (m instanceof CohereEmbeddingModel c) {
            return c.dimensions();
        }
        if (m instanceof GeminiEmbeddingModel g) {
            return g.dimensions();
        }
        return OptionalInt.empty();
    }

    private static String resolve(
            String requested,
            String operation,
            Map<String, ?> models,
            Map<String, ?> otherKind,
            String defaultAlias,
            String kind) {
        String register = kind.equals("language")
                ? "Session.builder().languageModel(\"fast\", OpenAIModel.of(\"gpt-4.1-nano\"))"
                : "Session.builder().embeddingModel(\"mini\", LocalEmbeddingModel.allMiniLmL6V2())";
        String adder = kind.equals("language") ? "languageModel" : "embeddingModel";
        if (requested == null || requested.equals(SemanticCalls.DEFAULT_MODEL)) {
            if (defaultAlias != null) {
                return defaultAlias;
            }
            if (models.isEmpty()) {
                throw new QuarryException(
                        ErrorCode.MODEL_NOT_CONFIGURED,
                        operation + " needs " + article(kind) + " " + kind + " model, but the session has none."
                                + " Register one with " + register);
            }
            String first = models.keySet().iterator().next();
            throw new QuarryException(
                    ErrorCode.MODEL_NOT_CONFIGURED,
                    operation + " names no model, and the session has several " + kind + " models ("
                            + Errors.list(models.keySet()) + ") but no default. Name one with"
                            + " SemanticOptions.model(\"" + first + "\"), or set Session.builder().default"
                            + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "Model(\"" + first + "\")");
        }
        if (models.containsKey(requested)) {
            return requested;
        }
        String hint = otherKind.containsKey(requested)
                ? " '" + requested + "' is " + article(other(kind)) + " " + other(kind) + " model; " + operation
                        + " needs " + article(kind) + " " + kind + " model."
                : Suggestions.didYouMean(requested, models.keySet());
        throw new QuarryException(
                ErrorCode.MODEL_NOT_CONFIGURED,
                operation + ": model alias '" + requested + "' is not configured; configured " + kind + " models: "
                        + Errors.list(models.keySet()) + "." + hint + " Register it with Session.builder()." + adder
                        + "(\"" + requested + "\", ...)");
    }

    private static String other(String kind) {
        return kind.equals("language") ? "embedding" : "language";
    }

    private static String article(String kind) {
        return kind.startsWith("e") ? "an" : "a";
    }
}
