package dev.quarry.testkit.simulator;

import java.util.SplittableRandom;

/** The default {@link AnswerFunction}: schema-valid JSON, or a deterministic sentence. */
final class DefaultAnswers implements AnswerFunction {
    static final DefaultAnswers INSTANCE = new DefaultAnswers();

    private DefaultAnswers() {}

    @Override
    public String answer(ChatRequest request) {
        long key = Hashing.combine(Hashing.hash(request.model()), Hashing.hash(request.promptText()));
        SplittableRandom random = new SplittableRandom(key);
        if (request.schema() != null) {
            return SchemaValues.valid(request.schema(), random).toString();
        }
        if (request.jsonMode()) {
            return "{\"answer\":\"" + String.format("%06x", key & 0xffffffL) + "\"}";
        }
        String quote = request.lastUserText().strip().replaceAll("\\s+", " ");
        if (quote.length() > 60) {
            quote = quote.substring(0, 57) + "...";
        }
        return "Simulated answer " + String.format("%06x", key & 0xffffffL) + " to: " + quote;
    }

    @Override
    public String toString() {
        return "AnswerFunction.defaults()";
    }
}
