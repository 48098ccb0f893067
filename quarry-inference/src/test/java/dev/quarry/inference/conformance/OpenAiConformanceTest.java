package dev.quarry.inference.conformance;

import dev.quarry.models.LanguageModelConfig;
import dev.quarry.models.OpenAIModel;
import dev.quarry.testkit.simulator.Provider;

class OpenAiConformanceTest extends ChatConformanceSuite {
    @Override
    Provider provider() {
        return Provider.OPENAI;
    }

    @Override
    String keyVariable() {
        return "OPENAI_API_KEY";
    }

    @Override
    LanguageModelConfig config(String model, String baseUrl) {
        return OpenAIModel.of(model).baseUrl(baseUrl).rpm(10_000).tpm(10_000_000);
    }

    @Override
    String modelName() {
        return "gpt-4.1-nano";
    }
}
