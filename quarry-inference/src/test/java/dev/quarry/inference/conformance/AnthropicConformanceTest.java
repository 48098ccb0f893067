package dev.quarry.inference.conformance;

import dev.quarry.models.AnthropicModel;
import dev.quarry.models.LanguageModelConfig;
import dev.quarry.testkit.simulator.Provider;

class AnthropicConformanceTest extends ChatConformanceSuite {
    @Override
    Provider provider() {
        return Provider.ANTHROPIC;
    }

    @Override
    String keyVariable() {
        return "ANTHROPIC_API_KEY";
    }

    @Override
    LanguageModelConfig config(String model, String baseUrl) {
        return AnthropicModel.of(model)
                .baseUrl(baseUrl)
                .rpm(10_000)
                .inputTpm(10_000_000)
                .outputTpm(10_000_000);
    }

    @Override
    String modelName() {
        return "claude-haiku-4-5";
    }
}
