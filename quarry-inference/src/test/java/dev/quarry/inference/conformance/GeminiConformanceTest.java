package dev.quarry.inference.conformance;

import dev.quarry.models.GeminiModel;
import dev.quarry.models.LanguageModelConfig;
import dev.quarry.testkit.simulator.Provider;

class GeminiConformanceTest extends ChatConformanceSuite {
    @Override
    Provider provider() {
        return Provider.GEMINI;
    }

    @Override
    String keyVariable() {
        return "GEMINI_API_KEY";
    }

    @Override
    LanguageModelConfig config(String model, String baseUrl) {
        return GeminiModel.of(model).baseUrl(baseUrl).rpm(10_000).tpm(10_000_000);
    }

    @Override
    String modelName() {
        return "gemini-2.5-flash";
    }
}
