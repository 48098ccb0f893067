package dev.quarry.models;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a model's API key comes from: a value given in the program, or environment variables read
 * lazily, the first time a request needs the key. The key itself never appears in {@link #toString()}.
 *
 * <pre>{@code
 * ApiKey key = ApiKey.fromEnvironment("GEMINI_API_KEY", "GOOGLE_API_KEY");
 * String secret = key.resolve("gemini", "gemini", System::getenv); // fails naming the variables when unset
 * }</pre>
 */
public final class ApiKey {
    private final String value;
    private final List<String> variables;

    private ApiKey(String value, List<String> variables) {
        this.value = value;
        this.variables = List.copyOf(variables);
    }

    /**
     * A key given explicitly.
     *
     * <pre>{@code ApiKey key = ApiKey.of(System.getProperty("my.key"));}</pre>
     *
     * @param value the key, not blank
     * @return the key holder
     */
    public static ApiKey of(String value) {
        requireNonNull(value, "API key is null");
        if (value.isBlank()) {
            throw new QuarryException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "API key is blank; pass a non-empty key or leave it unset to read the environment");
        }
        return new ApiKey(value, List.of());
    }

    /**
     * A key read from the first of these environment variables that is set and not blank.
     *
     * <pre>{@code ApiKey key = ApiKey.fromEnvironment("OPENAI_API_KEY");}</pre>
     *
     * @param variables the environment variable names, in order of preference
     * @return the key holder
     */
    public static ApiKey fromEnvironment(String... variables) {
        if (variables.length == 0) {
            throw new QuarryException(ErrorCode.INVALID_CONFIGURATION, "at least one environment variable is needed");
        }
        return new ApiKey(null, List.of(variables));
    }

    /**
     * A model that needs no key (for example a local OpenAI-compatible server).
     *
     * <pre>{@code OpenAIModel.of("qwen").baseUrl("http://localhost:8000/v1").apiKey(ApiKey.none())}</pre>
     *
     * @return a holder that resolves to no key
     */
    public static ApiKey none() {
        return new ApiKey("", List.of());
    }

    /**
     * The environment variables consulted, empty for an explicit key.
     *
     * <pre>{@code ApiKey.fromEnvironment("COHERE_API_KEY").variables() // [COHERE_API_KEY]}</pre>
     *
     * @return the variable names
     */
    public List<String> variables() {
        return variables;
    }

    /**
     * The key if one can be found, without failing.
     *
     * <pre>{@code Optional<String> k = key.find(System::getenv);}</pre>
     *
     * @param environment reads an environment variable, returning null when unset
     * @return the key, empty when none is set ({@link #none()} resolves to an empty string)
     */
    public Optional<String> find(Function<String, String> environment) {
        if (value != null) {
            return Optional.of(value);
        }
        for (String variable : variables) {
            String v = environment.apply(variable);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
    }

    /**
     * The key, or a {@link QuarryException} ({@link ErrorCode#AUTHENTICATION_FAILED}) naming the
     * model alias and the environment variable to set.
     *
     * <pre>{@code String k = config.apiKey().resolve("fast", "openai", System::getenv);}</pre>
     *
     * @param alias the model alias, for the message
     * @param provider the provider id, for the message
     * @param environment reads an environment variable, returning null when unset
     * @return the key ({@code ""} for {@link #none()})
     */
    public String resolve(String alias, String provider, Function<String, String> environment) {
        return find(environment)
                .orElseThrow(() -> new QuarryException(
                        ErrorCode.AUTHENTICATION_FAILED,
                        "Model '" + alias + "' (" + provider + ") has no API key: set the environment variable "
                                + String.join(" or ", variables)
                                + ", or pass one with .apiKey(...) on the model configuration"));
    }

    @Override
    public String toString() {
        return value == null
                ? "ApiKey[env " + String.join("|", variables) + "]"
                : value.isEmpty() ? "ApiKey[none]" : "ApiKey[****]";
    }
}
