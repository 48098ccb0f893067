package dev.quarry.testkit.simulator;

/**
 * The model providers whose wire protocols the {@link LlmSimulator} speaks.
 *
 * <pre>{@code
 * String url = sim.baseUrl(Provider.OPENAI); // http://127.0.0.1:PORT/v1
 * }</pre>
 */
public enum Provider {
    /** OpenAI chat completions, embeddings and model list, under {@code /v1}. */
    OPENAI("/v1"),
    /** Anthropic Messages, {@code /v1/messages}; the base URL has no path, as in Anthropic's SDKs. */
    ANTHROPIC(""),
    /** Gemini {@code generateContent} and embeddings, under {@code /v1beta/models/...}; base URL has no path. */
    GEMINI(""),
    /** Cohere embed v2, {@code /v2/embed}; the base URL has no path. */
    COHERE("");

    private final String basePath;

    Provider(String basePath) {
        this.basePath = basePath;
    }

    /**
     * The path a client appends to {@code http://127.0.0.1:PORT} to form this provider's base URL
     * (what its SDKs call the base URL).
     *
     * <pre>{@code Provider.OPENAI.basePath() // "/v1"}</pre>
     *
     * @return the base path, empty when the base URL is the bare origin
     */
    public String basePath() {
        return basePath;
    }
}
