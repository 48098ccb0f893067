package dev.quarry.testkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.models.AnthropicModel;
import dev.quarry.models.GeminiModel;
import dev.quarry.models.OpenAIModel;
import dev.quarry.testkit.simulator.Latency;
import dev.quarry.testkit.simulator.LlmSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoModelsTest {

    @Test
    void fromEnvironment_openAiKey_usesOpenAiWithoutASimulator() {
        try (DemoModels models = DemoModels.fromEnvironment(
                Map.of("OPENAI_API_KEY", "sk-secret-1", "ANTHROPIC_API_KEY", "sk-ant-secret"))) {
            assertThat(models.isSimulated()).isFalse();
            assertThat(models.languageModel()).isInstanceOf(OpenAIModel.class);
            assertThat(models.languageModel().modelName()).isEqualTo(DemoModels.OPENAI_MODEL);
            assertThat(models.description()).contains("OpenAI").doesNotContain("sk-secret-1");
        }
    }

    @Test
    void fromEnvironment_onlyAnthropicKey_usesAnthropic() {
        try (DemoModels models = DemoModels.fromEnvironment(Map.of("ANTHROPIC_API_KEY", "sk-ant-secret"))) {
            assertThat(models.languageModel()).isInstanceOf(AnthropicModel.class);
            assertThat(models.description()).contains("ANTHROPIC_API_KEY").doesNotContain("sk-ant-secret");
        }
    }

    @Test
    void fromEnvironment_onlyGoogleKey_usesGeminiAndNamesTheVariable() {
        try (DemoModels models = DemoModels.fromEnvironment(Map.of("GOOGLE_API_KEY", "g-secret"))) {
            assertThat(models.languageModel()).isInstanceOf(GeminiModel.class);
            assertThat(models.description()).contains("GOOGLE_API_KEY").doesNotContain("g-secret");
        }
    }

    @Test
    void fromEnvironment_blankKeys_startsTheSimulatorAndSaysSo() {
        try (DemoModels models = DemoModels.fromEnvironment(Map.of("OPENAI_API_KEY", "  "))) {
            assertThat(models.isSimulated()).isTrue();
            LlmSimulator sim = models.simulator().orElseThrow();
            assertThat(models.description())
                    .isEqualTo("no provider key found, using the built-in LLM simulator at http://127.0.0.1:"
                            + sim.port() + "/v1 (answers are simulated)");
            assertThat(((OpenAIModel) models.languageModel()).baseUrl())
                    .isEqualTo("http://127.0.0.1:" + sim.port() + "/v1");
        }
    }

    @Test
    void simulated_preferredPortTaken_fallsBackToAFreePort() {
        try (DemoModels first = DemoModels.simulated(Latency.instant());
                DemoModels second = DemoModels.simulated(
                        Latency.instant(), first.simulator().orElseThrow().port())) {
            assertThat(second.simulator().orElseThrow().port())
                    .isNotEqualTo(first.simulator().orElseThrow().port());
        }
    }

    @Test
    void simulated_preferredPortFree_listensOnIt() {
        int port;
        try (DemoModels probe = DemoModels.simulated(Latency.instant())) {
            port = probe.simulator().orElseThrow().port();
        }
        try (DemoModels models = DemoModels.simulated(Latency.instant(), port)) {
            assertThat(models.simulator().orElseThrow().port()).isEqualTo(port);
        }
    }
}
