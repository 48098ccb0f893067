package dev.quarry.inference;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One chat request, independent of the provider: a system prompt, few-shot pairs, the user's
 * content, and optionally a structured output schema, a temperature, a maximum number of output
 * tokens and a timeout.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *         .system("Classify the sentiment of the review.")
 *         .example("I love it!", "positive")
 *         .user("Broke after two days.")
 *         .temperature(0)
 *         .maxOutputTokens(5)
 *         .build();
 * }</pre>
 *
 * @param system the system prompt, null for none
 * @param examples few-shot pairs, in order
 * @param user the user's content
 * @param schema the output schema, null for free text
 * @param temperature the sampling temperature, null for the provider's default
 * @param maxOutputTokens the output token cap, null for the provider's default
 * @param timeout the timeout of one HTTP attempt, null for the model's configured one
 */
public record ChatRequest(
        String system,
        List<FewShotExample> examples,
        String user,
        OutputSchema schema,
        Double temperature,
        Integer maxOutputTokens,
        Duration timeout) {

    /** Validates the request. */
    public ChatRequest {
        requireNonNull(user, "user content is null");
        examples = List.copyOf(requireNonNull(examples, "examples is null"));
        if (temperature != null && (!Double.isFinite(temperature) || temperature < 0 || temperature > 2)) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT, "temperature must be between 0 and 2, was " + temperature);
        }
        if (maxOutputTokens != null && maxOutputTokens <= 0) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT, "maxOutputTokens must be > 0, was " + maxOutputTokens);
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "timeout must be positive, was " + timeout);
        }
    }

    /**
     * A request with only user content, at temperature 0.
     *
     * <pre>{@code ChatRequest.of("Say hello")}</pre>
     *
     * @param user the user's content
     * @return the request
     */
    public static ChatRequest of(String user) {
        return builder().user(user).build();
    }

    /**
     * A builder; temperature defaults to 0 so that answers are reproducible and cacheable.
     *
     * <pre>{@code ChatRequest.builder().user("hi").build()}</pre>
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The schema, if the request asks for structured output.
     *
     * <pre>{@code request.outputSchema().ifPresent(s -> System.out.println(s.name()));}</pre>
     *
     * @return the schema
     */
    public Optional<OutputSchema> outputSchema() {
        return Optional.ofNullable(schema);
    }

    /**
     * The temperature, if set.
     *
     * <pre>{@code double t = request.temperatureValue().orElse(1.0);}</pre>
     *
     * @return the temperature
     */
    public OptionalDouble temperatureValue() {
        return temperature == null ? OptionalDouble.empty() : OptionalDouble.of(temperature);
    }

    /**
     * The output cap, if set.
     *
     * <pre>{@code int cap = request.maxOutputTokensValue().orElse(1024);}</pre>
     *
     * @return the cap
     */
    public OptionalInt maxOutputTokensValue() {
        return maxOutputTokens == null ? OptionalInt.empty() : OptionalInt.of(maxOutputTokens);
    }

    /**
     * A copy with another user content (for example a repair prompt).
     *
     * <pre>{@code ChatRequest repair = request.withUser(request.user() + "\nFix: " + error);}</pre>
     *
     * @param newUser the new user content
     * @return the copy
     */
    public ChatRequest withUser(String newUser) {
        return new ChatRequest(system, examples, newUser, schema, temperature, maxOutputTokens, timeout);
    }

    /** Builds a {@link ChatRequest}. */
    public static final class Builder {
        private String system;
        private final List<FewShotExample> examples = new ArrayList<>();
        private String user;
        private OutputSchema schema;
        private Double temperature = 0.0;
        private Integer maxOutputTokens;
        private Duration timeout;

        private Builder() {}

        /**
         * Sets the system prompt.
         *
         * <pre>{@code builder.system("You are a precise extractor.")}</pre>
         *
         * @param system the system prompt, null for none
         * @return this builder
         */
        public Builder system(String system) {
            this.system = system;
            return this;
        }

        /**
         * Adds a few-shot pair.
         *
         * <pre>{@code builder.example("2+2?", "4")}</pre>
         *
         * @param user the example input
         * @param assistant the expected answer
         * @return this builder
         */
        public Builder example(String user, String assistant) {
            examples.add(new FewShotExample(user, assistant));
            return this;
        }

        /**
         * Adds few-shot pairs.
         *
         * <pre>{@code builder.examples(List.of(new FewShotExample("a", "b")))}</pre>
         *
         * @param pairs the pairs, in order
         * @return this builder
         */
        public Builder examples(List<FewShotExample> pairs) {
            examples.addAll(pairs);
            return this;
        }

        /**
         * Sets the user's content.
         *
         * <pre>{@code builder.user("Summarize: ...")}</pre>
         *
         * @param user the content
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * Asks for structured output matching the schema.
         *
         * <pre>{@code builder.schema(OutputSchema.of(TicketInfo.class))}</pre>
         *
         * @param schema the schema, null for free text
         * @return this builder
         */
        public Builder schema(OutputSchema schema) {
            this.schema = schema;
            return this;
        }

        /**
         * Sets the temperature (default 0).
         *
         * <pre>{@code builder.temperature(0.7)}</pre>
         *
         * @param temperature 0 to 2
         * @return this builder
         */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Leaves the temperature to the provider's default (such requests are not cached by default).
         *
         * <pre>{@code builder.providerDefaultTemperature()}</pre>
         *
         * @return this builder
         */
        public Builder providerDefaultTemperature() {
            this.temperature = null;
            return this;
        }

        /**
         * Caps the output tokens.
         *
         * <pre>{@code builder.maxOutputTokens(256)}</pre>
         *
         * @param maxOutputTokens &gt; 0
         * @return this builder
         */
        public Builder maxOutputTokens(int maxOutputTokens) {
            this.maxOutputTokens = maxOutputTokens;
            return this;
        }

        /**
         * Sets the timeout of one HTTP attempt.
         *
         * <pre>{@code builder.timeout(Duration.ofSeconds(30))}</pre>
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Builds the request.
         *
         * <pre>{@code ChatRequest r = builder.build();}</pre>
         *
         * @return the request
         */
        public ChatRequest build() {
            if (user == null) {
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT, "a chat request needs user content; call .user(...)");
            }
            return new ChatRequest(system, examples, user, schema, temperature, maxOutputTokens, timeout);
        }
    }
}
