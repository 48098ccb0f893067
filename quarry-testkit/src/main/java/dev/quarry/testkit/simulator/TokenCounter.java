package dev.quarry.testkit.simulator;

import static java.util.Objects.requireNonNull;

/**
 * How the simulator counts tokens: the same simple, documented rule for every provider, so tests can
 * predict the usage it reports and the rate limits it enforces.
 *
 * <ul>
 *   <li>a text has {@code ceil(codePoints / 4)} tokens (an empty text has none);
 *   <li>a chat prompt has the tokens of the system prompt and of every message, plus
 *       {@value #PER_MESSAGE} per message (the system prompt counts as one), plus the tokens of the
 *       compact JSON of the response schema or forced tool when there is one;
 *   <li>an answer has the tokens of its text (for structured output, of its compact JSON);
 *   <li>an embedding request has the sum of its inputs' tokens.
 * </ul>
 *
 * <pre>{@code
 * int t = TokenCounter.count("hello world!"); // 3
 * }</pre>
 */
public final class TokenCounter {
    /** Overhead tokens per message (role markers), as chat formats add. */
    public static final int PER_MESSAGE = 4;

    private TokenCounter() {}

    /**
     * The tokens of one text: {@code ceil(codePoints / 4)}.
     *
     * <pre>{@code TokenCounter.count("abcde") // 2}</pre>
     *
     * @param text the text
     * @return its token count
     */
    public static int count(String text) {
        requireNonNull(text, "text is null");
        int cp = text.codePointCount(0, text.length());
        return (cp + 3) / 4;
    }

    /**
     * The prompt tokens of a chat request, as reported in usage and charged against TPM.
     *
     * <pre>{@code int prompt = TokenCounter.promptTokens(request);}</pre>
     *
     * @param request the parsed request
     * @return the prompt token count
     */
    public static int promptTokens(ChatRequest request) {
        requireNonNull(request, "request is null");
        int total = 0;
        if (request.system() != null) {
            total += count(request.system()) + PER_MESSAGE;
        }
        for (ChatMessage m : request.messages()) {
            total += count(m.text()) + PER_MESSAGE;
        }
        if (request.schema() != null) {
            total += SCHEMA_TOKENS.get(request.schema());
        }
        return total;
    }

    /** Token counts of schemas seen: clients send the same schema with every request. */
    private static final PerSchema<Integer> SCHEMA_TOKENS = new PerSchema<>(schema -> count(schema.toString()));

    /**
     * The longest prefix of {@code text} that has at most {@code tokens} tokens, i.e. its first
     * {@code 4 * tokens} code points. Used to cut answers at {@code max_tokens}.
     *
     * <pre>{@code TokenCounter.truncate("abcdefghij", 2) // "abcdefgh"}</pre>
     *
     * @param text the text
     * @param tokens the token budget, zero or more
     * @return the prefix
     */
    public static String truncate(String text, int tokens) {
        requireNonNull(text, "text is null");
        long cps = (long) Math.max(0, tokens) * 4;
        if (text.codePointCount(0, text.length()) <= cps) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, (int) cps));
    }
}
