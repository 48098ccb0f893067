package dev.quarry.testkit.simulator;

/**
 * Every endpoint the {@link LlmSimulator} serves, as counted in {@link Counters} and recorded in
 * {@link RecordedRequest}.
 *
 * <pre>{@code
 * long chats = sim.counters().requests(Endpoint.OPENAI_CHAT);
 * }</pre>
 */
public enum Endpoint {
    /** {@code POST /v1/chat/completions}. */
    OPENAI_CHAT(Provider.OPENAI, true),
    /** {@code POST /v1/embeddings}. */
    OPENAI_EMBEDDINGS(Provider.OPENAI, false),
    /** {@code GET /v1/models}. */
    OPENAI_MODELS(Provider.OPENAI, false),
    /** {@code POST /v1/messages}. */
    ANTHROPIC_MESSAGES(Provider.ANTHROPIC, true),
    /** {@code POST /v1beta/models/{model}:generateContent}. */
    GEMINI_GENERATE_CONTENT(Provider.GEMINI, true),
    /** {@code POST /v1beta/models/{model}:embedContent}. */
    GEMINI_EMBED_CONTENT(Provider.GEMINI, false),
    /** {@code POST /v1beta/models/{model}:batchEmbedContents}. */
    GEMINI_BATCH_EMBED_CONTENTS(Provider.GEMINI, false),
    /** {@code POST /v2/embed}. */
    COHERE_EMBED(Provider.COHERE, false),
    /** Any path the simulator does not serve; answered 404. */
    UNKNOWN(null, false);

    private final Provider provider;
    private final boolean chat;

    Endpoint(Provider provider, boolean chat) {
        this.provider = provider;
        this.chat = chat;
    }

    /**
     * The provider whose protocol this endpoint belongs to; {@code null} for {@link #UNKNOWN}.
     *
     * <pre>{@code Endpoint.COHERE_EMBED.provider() // COHERE}</pre>
     *
     * @return the provider, or null
     */
    public Provider provider() {
        return provider;
    }

    /**
     * True for text-generation endpoints (chat completions, messages, generateContent).
     *
     * <pre>{@code Endpoint.OPENAI_CHAT.isChat() // true}</pre>
     *
     * @return whether the endpoint generates text
     */
    public boolean isChat() {
        return chat;
    }
}
