package dev.quarry.functions;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How a semantic operator calls its model: which model alias, the sampling temperature, the output
 * cap, few-shot examples and the request timeout. Immutable: every setter returns a copy, so one
 * options value can be the template of several. Unset values take the operator's defaults
 * (the session's default model, temperature 0, the operator's output cap, the model's timeout).
 *
 * <pre>{@code
 * SemanticOptions careful = SemanticOptions.model("claude").temperature(0).maxOutputTokens(512);
 * df.withColumn("info", Semantic.extract(col("body"), TicketInfo.class, careful));
 * }</pre>
 */
public final class SemanticOptions {
    private static final SemanticOptions DEFAULTS = new SemanticOptions(null, null, null, List.of(), null);

    private final String model;
    private final Double temperature;
    private final Integer maxOutputTokens;
    private final List<Example> examples;
    private final Duration timeout;

    private SemanticOptions(
            String model, Double temperature, Integer maxOutputTokens, List<Example> examples, Duration timeout) {
        this.model = model;
        this.temperature = temperature;
        this.maxOutputTokens = maxOutputTokens;
        this.examples = List.copyOf(examples);
        this.timeout = timeout;
    }

    /**
     * No option set: the session's default model and the operator's defaults.
     *
     * <pre>{@code SemanticOptions.defaults().temperature(0.7)}</pre>
     *
     * @return the default options
     */
    public static SemanticOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Options naming the model alias to call (a language model for most operators, an embedding
     * model for {@code embed}); checked against the session's models when the column is used.
     *
     * <pre>{@code Semantic.summarize(col("body"), SemanticOptions.model("claude"))}</pre>
     *
     * @param alias a model alias registered with {@code Session.builder().languageModel(alias, ...)}
     * @return the options
     */
    public static SemanticOptions model(String alias) {
        return DEFAULTS.withModel(alias);
    }

    /**
     * A copy calling another model alias.
     *
     * <pre>{@code SemanticOptions.defaults().temperature(0.2).withModel("fast")}</pre>
     *
     * @param alias a configured model alias
     * @return a copy with the model alias
     */
    public SemanticOptions withModel(String alias) {
        if (alias == null || alias.isBlank()) {
            throw invalid("A model alias must be non-blank, got " + (alias == null ? "null" : "'" + alias + "'")
                    + (model == null ? "" : " (currently '" + model + "')"));
        }
        return new SemanticOptions(alias, temperature, maxOutputTokens, examples, timeout);
    }

    /**
     * A copy with a sampling temperature (default 0, the most repeatable answers; only answers at
     * temperature 0 are cached).
     *
     * <pre>{@code SemanticOptions.model("fast").temperature(0.7)}</pre>
     *
     * @param temperature between 0 and 2
     * @return a copy with the temperature
     */
    public SemanticOptions temperature(double temperature) {
        if (!(temperature >= 0 && temperature <= 2)) {
            throw invalid("temperature must be between 0 and 2, got " + temperature
                    + (this.temperature == null ? "" : " (currently " + this.temperature + ")"));
        }
        return new SemanticOptions(model, temperature, maxOutputTokens, examples, timeout);
    }

    /**
     * A copy capping the tokens of each answer.
     *
     * <pre>{@code SemanticOptions.defaults().maxOutputTokens(256)}</pre>
     *
     * @param maxOutputTokens at least 1
     * @return a copy with the cap
     */
    public SemanticOptions maxOutputTokens(int maxOutputTokens) {
        if (maxOutputTokens < 1) {
            throw invalid("maxOutputTokens must be at least 1, got " + maxOutputTokens
                    + (this.maxOutputTokens == null ? "" : " (currently " + this.maxOutputTokens + ")"));
        }
        return new SemanticOptions(model, temperature, maxOutputTokens, examples, timeout);
    }

    /**
     * A copy with few-shot examples, sent with every request in this order; replaces earlier ones.
     *
     * <pre>{@code SemanticOptions.defaults().examples(Example.of("Charged twice", "billing"), Example.of("Crash on login", "technical"))}</pre>
     *
     * @param examples the examples
     * @return a copy with the examples
     */
    public SemanticOptions examples(Example... examples) {
        requireNonNull(examples, "examples is null");
        return examples(List.of(examples));
    }

    /**
     * A copy with few-shot examples, sent with every request in this order; replaces earlier ones.
     *
     * <pre>{@code SemanticOptions.defaults().examples(List.of(Example.of("Charged twice", "billing")))}</pre>
     *
     * @param examples the examples
     * @return a copy with the examples
     */
    public SemanticOptions examples(List<Example> examples) {
        requireNonNull(examples, "examples is null");
        List<Example> copy = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            if (e == null) {
                throw invalid("Example " + (i + 1) + " of " + examples.size() + " is null");
            }
            copy.add(e);
        }
        return new SemanticOptions(model, temperature, maxOutputTokens, copy, timeout);
    }

    /**
     * A copy with a per-request timeout (default: the model configuration's request timeout).
     *
     * <pre>{@code SemanticOptions.defaults().timeout(Duration.ofSeconds(30))}</pre>
     *
     * @param timeout a positive duration
     * @return a copy with the timeout
     */
    public SemanticOptions timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw invalid("timeout must be a positive duration, got " + timeout
                    + (this.timeout == null ? "" : " (currently " + this.timeout + ")"));
        }
        return new SemanticOptions(model, temperature, maxOutputTokens, examples, timeout);
    }

    /**
     * The model alias, if one was named.
     *
     * <pre>{@code SemanticOptions.model("claude").modelAlias() // Optional[claude]}</pre>
     *
     * @return the alias, or empty for the session's default
     */
    public Optional<String> modelAlias() {
        return Optional.ofNullable(model);
    }

    /**
     * The temperature, if set.
     *
     * <pre>{@code SemanticOptions.defaults().temperature(0.5).temperature() // OptionalDouble[0.5]}</pre>
     *
     * @return the temperature, or empty for the default
     */
    public OptionalDouble temperature() {
        return temperature == null ? OptionalDouble.empty() : OptionalDouble.of(temperature);
    }

    /**
     * The output cap, if set.
     *
     * <pre>{@code SemanticOptions.defaults().maxOutputTokens(64).maxOutputTokens() // OptionalInt[64]}</pre>
     *
     * @return the cap, or empty for the operator's default
     */
    public OptionalInt maxOutputTokens() {
        return maxOutputTokens == null ? OptionalInt.empty() : OptionalInt.of(maxOutputTokens);
    }

    /**
     * The few-shot examples, in order.
     *
     * <pre>{@code List<Example> shots = options.examples();}</pre>
     *
     * @return the examples (empty when none)
     */
    public List<Example> examples() {
        return examples;
    }

    /**
     * The per-request timeout, if set.
     *
     * <pre>{@code Optional<Duration> t = options.timeout();}</pre>
     *
     * @return the timeout, or empty for the model's default
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemanticOptions other
                && Objects.equals(model, other.model)
                && Objects.equals(temperature, other.temperature)
                && Objects.equals(maxOutputTokens, other.maxOutputTokens)
                && examples.equals(other.examples)
                && Objects.equals(timeout, other.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, temperature, maxOutputTokens, examples, timeout);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SemanticOptions[");
        String sep = "";
        if (model != null) {
            sb.append("model=").append(model);
            sep = ", ";
        }
        if (temperature != null) {
            sb.append(sep).append("temperature=").append(temperature);
            sep = ", ";
        }
        if (maxOutputTokens != null) {
            sb.append(sep).append("maxOutputTokens=").append(maxOutputTokens);
            sep = ", ";
        }
        if (!examples.isEmpty()) {
            sb.append(sep).append("examples=").append(examples.size());
            sep = ", ";
        }
        if (timeout != null) {
            sb.append(sep).append("timeout=").append(timeout);
        }
        return sb.append(']').toString();
    }

    private static QuarryException invalid(String message) {
        return new QuarryException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
