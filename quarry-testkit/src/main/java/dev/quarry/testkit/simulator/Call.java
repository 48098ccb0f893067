package dev.quarry.testkit.simulator;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A validated request, ready to be answered. */
sealed interface Call permits Call.Chat, Call.Embed, Call.ListModels {

    @Nullable
    String model();

    /** A text-generation request; {@code n} answers are wanted. */
    record Chat(ChatRequest request, int n, @Nullable String toolName) implements Call {
        @Override
        public String model() {
            return request.model();
        }
    }

    /** An embedding request for {@code texts}, at {@code dimensions}, as floats or base64. */
    record Embed(String model, List<String> texts, int dimensions, boolean base64) implements Call {
        public Embed {
            texts = List.copyOf(texts);
        }
    }

    /** {@code GET /v1/models}. */
    record ListModels() implements Call {
        @Override
        public @Nullable String model() {
            return null;
        }
    }
}
