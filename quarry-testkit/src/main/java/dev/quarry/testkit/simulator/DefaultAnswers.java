package dev.quarry.testkit.simulator;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

/** The default {@link AnswerFunction}: schema-valid JSON, or a deterministic sentence. */
final class DefaultAnswers implements AnswerFunction {
    static final DefaultAnswers INSTANCE = new DefaultAnswers();
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private DefaultAnswers() {}

    @Override
    public String answer(ChatRequest request) {
        long key = Hashing.combine(Hashing.hash(request.model()), Hashing.hash(request.promptText()));
        SplittableRandom random = new SplittableRandom(key);
        if (request.schema() != null) {
            return SchemaValues.valid(request.schema(), random).toString();
        }
        if (request.jsonMode()) {
            return "{\"answer\":\"" + hex6(key) + "\"}";
        }
        String quote = SPACES.matcher(request.lastUserText().strip()).replaceAll(" ");
        if (quote.length() > 60) {
            quote = quote.substring(0, 57) + "...";
        }
        return "Simulated answer " + hex6(key) + " to: " + quote;
    }

    private static String hex6(long key) {
        String hex = Long.toHexString((key & 0xffffffL) | 0x1000000L);
        return hex.substring(1);
    }

    @Override
    public String toString() {
        return "AnswerFunction.defaults()";
    }
}
