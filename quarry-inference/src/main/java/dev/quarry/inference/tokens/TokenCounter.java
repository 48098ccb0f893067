package dev.quarry.inference.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.FewShotExample;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts tokens with jtokkit: {@code o200k_base} for current OpenAI models (GPT-4o, GPT-4.1, GPT-5,
 * o-series), {@code cl100k_base} for GPT-4, GPT-3.5 and OpenAI embeddings. Anthropic, Gemini and
 * Cohere publish no tokenizer; for them the count is an approximation that the runtime calibrates
 * against reported usage (see {@link Calibration}).
 *
 * <pre>{@code
 * TokenCounter counter = TokenCounter.forModel("openai", "gpt-4.1-nano");
 * int n = counter.count("Hello world"); // 2
 * }</pre>
 */
public final class TokenCounter {
    /** Tokens a chat message costs beyond its content (role, separators). */
    static final int PER_MESSAGE = 4;

    /** Tokens every chat request costs beyond its messages (reply priming). */
    static final int PER_REQUEST = 3;

    private static volatile EncodingRegistry registry;

    private static final Set<EncodingType> LOADING = ConcurrentHashMap.newKeySet();

    /** Entries of the count cache of the parts requests share; past this it starts afresh. */
    static final int SHARED_PARTS_CACHED = 1024;

    private final Encoding encoding;

    /**
     * Counts of the parts many requests share (system prompt, few-shot examples, schema): a
     * semantic operator sends the same ones with every row, and counting them once instead of per
     * request takes most of the tokenizer's work off the request path.
     */
    private final ConcurrentHashMap<String, Integer> shared = new ConcurrentHashMap<>();

    private TokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    private static EncodingRegistry registry() {
        EncodingRegistry r = registry;
        if (r == null) {
            synchronized (TokenCounter.class) {
                r = registry;
                if (r == null) {
                    registry = r = Encodings.newLazyEncodingRegistry();
                }
            }
        }
        return r;
    }

    /**
     * The counter for a model.
     *
     * <pre>{@code TokenCounter.forModel("anthropic", "claude-haiku-4-5")}</pre>
     *
     * @param provider the provider id
     * @param modelName the model name
     * @return the counter
     */
    public static TokenCounter forModel(String provider, String modelName) {
        return new TokenCounter(registry().getEncoding(encodingType(provider, modelName)));
    }

    /**
     * Starts loading a model's encoding on a background thread, if no one has yet, so that the first
     * request does not wait for it: loading the {@code o200k_base} tables takes about a second.
     * {@link #forModel} and the first count wait for a load in progress instead of starting another.
     *
     * <pre>{@code TokenCounter.loadInBackground("openai", "gpt-4.1-nano");}</pre>
     *
     * @param provider the provider id
     * @param modelName the model name
     */
    public static void loadInBackground(String provider, String modelName) {
        EncodingType type = encodingType(provider, modelName);
        if (!LOADING.add(type)) return;
        Thread t = new Thread(
                () -> {
                    try {
                        registry().getEncoding(type);
                    } catch (RuntimeException e) {
                        // forModel loads it again in the caller's thread and reports the failure there
                        LOADING.remove(type);
                    }
                },
                "quarry-tokenizer-load");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The encoding used for a model.
     *
     * <pre>{@code TokenCounter.encodingType("openai", "gpt-4") // CL100K_BASE}</pre>
     *
     * @param provider the provider id
     * @param modelName the model name
     * @return the encoding
     */
    public static EncodingType encodingType(String provider, String modelName) {
        String m = modelName.toLowerCase(Locale.ROOT);
        if (provider.equals("openai")) {
            if (m.startsWith("gpt-4o")
                    || m.startsWith("gpt-4.1")
                    || m.startsWith("gpt-4.5")
                    || m.startsWith("gpt-5")
                    || m.startsWith("o1")
                    || m.startsWith("o3")
                    || m.startsWith("o4")
                    || m.startsWith("chatgpt")) {
                return EncodingType.O200K_BASE;
            }
            if (m.startsWith("gpt-4") || m.startsWith("gpt-3.5") || m.startsWith("text-embedding")) {
                return EncodingType.CL100K_BASE;
            }
            return EncodingType.O200K_BASE;
        }
        if (provider.equals("gemini")) {
            return EncodingType.O200K_BASE;
        }
        return EncodingType.CL100K_BASE;
    }

    /**
     * Counts the tokens of a text.
     *
     * <pre>{@code int n = counter.count("some text");}</pre>
     *
     * @param text the text
     * @return the token count
     */
    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /**
     * Counts the prompt tokens of a chat request: every message with its overhead, and the schema.
     *
     * <pre>{@code int n = counter.countRequest(request);}</pre>
     *
     * @param request the request
     * @return the uncalibrated prompt token count
     */
    public int countRequest(ChatRequest request) {
        int n = PER_REQUEST;
        if (request.system() != null) n += PER_MESSAGE + countShared(request.system());
        for (FewShotExample ex : request.examples()) {
            n += 2 * PER_MESSAGE + countShared(ex.user()) + countShared(ex.assistant());
        }
        n += PER_MESSAGE + count(request.user());
        if (request.schema() != null) n += countShared(request.schema().json());
        return n;
    }

    /** {@link #count} of a text that many requests share, remembered. */
    int countShared(String text) {
        if (text == null || text.isEmpty()) return 0;
        Integer known = shared.get(text);
        if (known != null) return known;
        int n = count(text);
        if (shared.size() >= SHARED_PARTS_CACHED) shared.clear();
        shared.put(text, n);
        return n;
    }

    /** The number of shared parts whose counts are remembered; for tests. */
    int sharedPartsCached() {
        return shared.size();
    }
}
