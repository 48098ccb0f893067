package dev.quarry.models;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * What every model served over HTTP shares: rate limits, endpoint, key, concurrency, response cache,
 * request timeout and an optional price override. Instances are immutable; every setter returns a
 * copy, so one configuration can be the template of several.
 *
 * <pre>{@code
 * OpenAIModel fast = OpenAIModel.of("gpt-4.1-nano").rpm(500).tpm(200_000).maxConcurrency(32);
 * OpenAIModel local = fast.baseUrl("http://localhost:8000/v1").apiKey(ApiKey.none()).price(ModelPrice.FREE);
 * }</pre>
 *
 * <p>Unset limits take the provider's defaults documented on each subclass. Token limits are either
 * one combined budget for input and output ({@link #tpm(long)}, OpenAI and Gemini style) or separate
 * input and output budgets ({@link #inputTpm(long)}, {@link #outputTpm(long)}, Anthropic style), or
 * both.
 *
 * @param <T> the concrete configuration type, returned by every setter
 */
public abstract sealed class HostedModelConfig<T extends HostedModelConfig<T>> implements ModelConfig
        permits OpenAIModel,
                AnthropicModel,
                GeminiModel,
                OpenAIEmbeddingModel,
                CohereEmbeddingModel,
                GeminiEmbeddingModel {

    /** The settings every hosted model has; {@code null} means "use the default". */
    record Settings(
            String modelName,
            Integer rpm,
            Long tpm,
            Long inputTpm,
            Long outputTpm,
            String baseUrl,
            ApiKey apiKey,
            Integer maxConcurrency,
            Boolean responseCache,
            ModelPrice price,
            Duration requestTimeout,
            Integer dimensions) {
        Settings {
            requireNonNull(modelName, "modelName is null");
            requireNonNull(apiKey, "apiKey is null");
        }

        static Settings of(String modelName, ApiKey apiKey) {
            requireNonNull(modelName, "model name is null");
            if (modelName.isBlank()) {
                throw new QuarryException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "model name is blank; pass the provider's model name, e.g. 'gpt-4.1-nano'");
            }
            return new Settings(modelName.strip(), null, null, null, null, null, apiKey, null, null, null, null, null);
        }

        Builder toBuilder() {
            return new Builder(this);
        }

        /** A mutable copy of some settings, for setters that change one component. */
        static final class Builder {
            String modelName;
            Integer rpm;
            Long tpm;
            Long inputTpm;
            Long outputTpm;
            String baseUrl;
            ApiKey apiKey;
            Integer maxConcurrency;
            Boolean responseCache;
            ModelPrice price;
            Duration requestTimeout;
            Integer dimensions;

            private Builder(Settings s) {
                modelName = s.modelName;
                rpm = s.rpm;
                tpm = s.tpm;
                inputTpm = s.inputTpm;
                outputTpm = s.outputTpm;
                baseUrl = s.baseUrl;
                apiKey = s.apiKey;
                maxConcurrency = s.maxConcurrency;
                responseCache = s.responseCache;
                price = s.price;
                requestTimeout = s.requestTimeout;
                dimensions = s.dimensions;
            }

            Settings build() {
                return new Settings(
                        modelName,
                        rpm,
                        tpm,
                        inputTpm,
                        outputTpm,
                        baseUrl,
                        apiKey,
                        maxConcurrency,
                        responseCache,
                        price,
                        requestTimeout,
                        dimensions);
            }
        }
    }

    private final Settings settings;

    HostedModelConfig(Settings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    abstract T with(Settings settings);

    /** The default requests per minute of this provider and kind of model. */
    abstract int defaultRpm();

    /** The default combined tokens per minute, 0 when the provider has none. */
    abstract long defaultTpm();

    /** The default input tokens per minute, 0 when the provider has none. */
    long defaultInputTpm() {
        return 0;
    }

    /** The default output tokens per minute, 0 when the provider has none. */
    long defaultOutputTpm() {
        return 0;
    }

    /** The default base URL of the provider's API. */
    abstract String defaultBaseUrl();

    Settings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ setters

    /**
     * Requests per minute the client allows itself.
     *
     * <pre>{@code OpenAIModel.of("gpt-4.1-nano").rpm(500)}</pre>
     *
     * @param rpm requests per minute, &gt; 0
     * @return a copy with the limit
     */
    public T rpm(int rpm) {
        positive("rpm", rpm);
        return change(b -> b.rpm = rpm);
    }

    /**
     * Tokens per minute, input and output together (OpenAI and Gemini count them in one budget).
     *
     * <pre>{@code GeminiModel.of("gemini-2.5-flash").tpm(1_000_000)}</pre>
     *
     * @param tpm tokens per minute, &gt; 0
     * @return a copy with the limit
     */
    public T tpm(long tpm) {
        positive("tpm", tpm);
        return change(b -> b.tpm = tpm);
    }

    /**
     * Input (prompt) tokens per minute, a budget separate from output tokens (Anthropic style).
     *
     * <pre>{@code AnthropicModel.of("claude-haiku-4-5").inputTpm(50_000)}</pre>
     *
     * @param inputTpm input tokens per minute, &gt; 0
     * @return a copy with the limit
     */
    public T inputTpm(long inputTpm) {
        positive("inputTpm", inputTpm);
        return change(b -> b.inputTpm = inputTpm);
    }

    /**
     * Output (completion) tokens per minute, a budget separate from input tokens (Anthropic style).
     *
     * <pre>{@code AnthropicModel.of("claude-haiku-4-5").outputTpm(10_000)}</pre>
     *
     * @param outputTpm output tokens per minute, &gt; 0
     * @return a copy with the limit
     */
    public T outputTpm(long outputTpm) {
        positive("outputTpm", outputTpm);
        return change(b -> b.outputTpm = outputTpm);
    }

    /**
     * The base URL of the API, for proxies, self-hosted and OpenAI-compatible servers.
     *
     * <pre>{@code OpenAIModel.of("qwen2.5-7b-instruct").baseUrl("http://localhost:8000/v1")}</pre>
     *
     * @param baseUrl an absolute http or https URL
     * @return a copy with the endpoint
     */
    public T baseUrl(String baseUrl) {
        requireNonNull(baseUrl, "baseUrl is null");
        String url = baseUrl.strip();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new QuarryException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "baseUrl '" + baseUrl + "' is not a valid URL: " + e.getMessage(),
                    e);
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new QuarryException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "baseUrl '" + baseUrl + "' must be an absolute http(s) URL such as http://localhost:8000/v1");
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        String withoutTrailingSlash = url;
        return change(b -> b.baseUrl = withoutTrailingSlash);
    }

    /**
     * An explicit API key instead of the environment variable.
     *
     * <pre>{@code OpenAIModel.of("gpt-4.1-nano").apiKey(secrets.get("openai"))}</pre>
     *
     * @param apiKey the key, not blank; it never appears in {@code toString()}, logs or errors
     * @return a copy with the key
     */
    public T apiKey(String apiKey) {
        return apiKey(ApiKey.of(apiKey));
    }

    /**
     * Where the API key comes from, e.g. {@link ApiKey#none()} for a local server or another variable.
     *
     * <pre>{@code OpenAIModel.of("llama3").baseUrl("http://localhost:11434/v1").apiKey(ApiKey.none())}</pre>
     *
     * @param apiKey the key source
     * @return a copy with the key source
     */
    public T apiKey(ApiKey apiKey) {
        requireNonNull(apiKey, "apiKey is null");
        return change(b -> b.apiKey = apiKey);
    }

    /**
     * The most requests to this model in flight at once.
     *
     * <pre>{@code OpenAIModel.of("gpt-4.1-nano").maxConcurrency(16)}</pre>
     *
     * @param maxConcurrency requests in flight, &gt; 0
     * @return a copy with the cap
     */
    public T maxConcurrency(int maxConcurrency) {
        positive("maxConcurrency", maxConcurrency);
        return change(b -> b.maxConcurrency = maxConcurrency);
    }

    /**
     * Turns Quarry's persistent response cache on or off for this model, overriding the session's
     * setting. When on, answers to requests at temperature 0 are stored and reused.
     *
     * <pre>{@code OpenAIModel.of("gpt-4.1-nano").responseCache(false)}</pre>
     *
     * @param enabled whether to use the response cache
     * @return a copy with the setting
     */
    public T responseCache(boolean enabled) {
        return change(b -> b.responseCache = enabled);
    }

    /**
     * Prices this model explicitly instead of from the built-in catalog (custom endpoints, negotiated prices).
     *
     * <pre>{@code OpenAIModel.of("my-finetune").price(new ModelPrice(0.30, 0.15, 1.20))}</pre>
     *
     * @param price US dollars per million tokens
     * @return a copy with the price
     */
    public T price(ModelPrice price) {
        requireNonNull(price, "price is null");
        return change(b -> b.price = price);
    }

    /**
     * Prices this model explicitly; shorthand for {@link #price(ModelPrice)}.
     *
     * <pre>{@code OpenAIModel.of("my-finetune").price(0.30, 0.15, 1.20)}</pre>
     *
     * @param inputPerMillion US dollars per million uncached input tokens
     * @param cachedInputPerMillion US dollars per million cached input tokens
     * @param outputPerMillion US dollars per million output tokens
     * @return a copy with the price
     */
    public T price(double inputPerMillion, double cachedInputPerMillion, double outputPerMillion) {
        return price(new ModelPrice(inputPerMillion, cachedInputPerMillion, outputPerMillion));
    }

    /**
     * How long one HTTP request may take before it is abandoned and retried (default 120 seconds).
     *
     * <pre>{@code AnthropicModel.of("claude-sonnet-4-5").requestTimeout(Duration.ofMinutes(5))}</pre>
     *
     * @param timeout a positive duration
     * @return a copy with the timeout
     */
    public T requestTimeout(Duration timeout) {
        requireNonNull(timeout, "requestTimeout is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new QuarryException(
                    ErrorCode.INVALID_CONFIGURATION, "requestTimeout must be positive, was " + timeout);
        }
        return change(b -> b.requestTimeout = timeout);
    }

    T withDimensions(int dimensions) {
        positive("dimensions", dimensions);
        return change(b -> b.dimensions = dimensions);
    }

    // ------------------------------------------------------------------ accessors

    @Override
    public String modelName() {
        return settings.modelName();
    }

    /**
     * Requests per minute: the configured value or the provider default.
     *
     * <pre>{@code int rpm = OpenAIModel.of("gpt-4.1-nano").rpm(); // 500}</pre>
     *
     * @return requests per minute
     */
    public int rpm() {
        return settings.rpm() != null ? settings.rpm() : defaultRpm();
    }

    /**
     * Combined input+output tokens per minute, or 0 when no combined budget applies.
     *
     * <pre>{@code long tpm = GeminiModel.of("gemini-2.5-flash").tpm();}</pre>
     *
     * @return tokens per minute, 0 for none
     */
    public long tpm() {
        return settings.tpm() != null ? settings.tpm() : defaultTpm();
    }

    /**
     * Input tokens per minute, or 0 when no separate input budget applies.
     *
     * <pre>{@code long in = AnthropicModel.of("claude-haiku-4-5").inputTpm();}</pre>
     *
     * @return input tokens per minute, 0 for none
     */
    public long inputTpm() {
        return settings.inputTpm() != null ? settings.inputTpm() : defaultInputTpm();
    }

    /**
     * Output tokens per minute, or 0 when no separate output budget applies.
     *
     * <pre>{@code long out = AnthropicModel.of("claude-haiku-4-5").outputTpm();}</pre>
     *
     * @return output tokens per minute, 0 for none
     */
    public long outputTpm() {
        return settings.outputTpm() != null ? settings.outputTpm() : defaultOutputTpm();
    }

    /**
     * The base URL requests go to: the configured one or the provider's.
     *
     * <pre>{@code OpenAIModel.of("gpt-4.1").baseUrl() // "https://api.openai.com/v1"}</pre>
     *
     * @return the base URL without a trailing slash
     */
    public String baseUrl() {
        return settings.baseUrl() != null ? settings.baseUrl() : defaultBaseUrl();
    }

    /**
     * True when {@link #baseUrl(String)} was set, i.e. the model is served by a custom endpoint.
     *
     * <pre>{@code boolean custom = model.hasCustomBaseUrl();}</pre>
     *
     * @return whether the base URL was configured
     */
    public boolean hasCustomBaseUrl() {
        return settings.baseUrl() != null;
    }

    /**
     * Where the API key comes from; resolve it with {@link ApiKey#resolve}.
     *
     * <pre>{@code String key = model.apiKey().resolve("fast", model.provider(), System::getenv);}</pre>
     *
     * @return the key source
     */
    public ApiKey apiKey() {
        return settings.apiKey();
    }

    /**
     * The configured concurrency cap, empty when the session default applies.
     *
     * <pre>{@code int cap = model.maxConcurrency().orElse(64);}</pre>
     *
     * @return the cap
     */
    public OptionalInt maxConcurrency() {
        return settings.maxConcurrency() == null ? OptionalInt.empty() : OptionalInt.of(settings.maxConcurrency());
    }

    /**
     * The per-model response cache setting, empty when the session default applies.
     *
     * <pre>{@code boolean cached = model.responseCache().orElse(true);}</pre>
     *
     * @return the setting
     */
    public Optional<Boolean> responseCache() {
        return Optional.ofNullable(settings.responseCache());
    }

    /**
     * The price override, empty when the built-in catalog prices the model.
     *
     * <pre>{@code model.price().ifPresent(p -> System.out.println(p.outputPerMillion()));}</pre>
     *
     * @return the override
     */
    public Optional<ModelPrice> price() {
        return Optional.ofNullable(settings.price());
    }

    /**
     * The timeout of one HTTP request.
     *
     * <pre>{@code Duration t = model.requestTimeout(); // PT2M by default}</pre>
     *
     * @return the timeout
     */
    public Duration requestTimeout() {
        return settings.requestTimeout() != null ? settings.requestTimeout() : Duration.ofMinutes(2);
    }

    OptionalInt configuredDimensions() {
        return settings.dimensions() == null ? OptionalInt.empty() : OptionalInt.of(settings.dimensions());
    }

    // ------------------------------------------------------------------ helpers

    /** A copy of this configuration with the settings {@code edit} changes. */
    private T change(Consumer<Settings.Builder> edit) {
        Settings.Builder b = settings.toBuilder();
        edit.accept(b);
        return with(b.build());
    }

    static void positive(String name, long value) {
        if (value <= 0) {
            throw new QuarryException(ErrorCode.INVALID_CONFIGURATION, name + " must be > 0, was " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && settings.equals(((HostedModelConfig<?>) o).settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), settings);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(getClass().getSimpleName())
                .append("[model=")
                .append(modelName())
                .append(", rpm=")
                .append(rpm());
        if (tpm() > 0) b.append(", tpm=").append(tpm());
        if (inputTpm() > 0) b.append(", inputTpm=").append(inputTpm());
        if (outputTpm() > 0) b.append(", outputTpm=").append(outputTpm());
        b.append(", baseUrl=").append(baseUrl());
        b.append(", apiKey=").append(apiKey());
        maxConcurrency().ifPresent(c -> b.append(", maxConcurrency=").append(c));
        responseCache().ifPresent(c -> b.append(", responseCache=").append(c));
        price().ifPresent(p -> b.append(", price=").append(p));
        configuredDimensions().ifPresent(d -> b.append(", dimensions=").append(d));
        return b.append(']').toString();
    }
}
