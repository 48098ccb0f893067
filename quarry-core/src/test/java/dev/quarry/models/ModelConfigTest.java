package dev.quarry.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelConfigTest {
    private static final String KEY = "sk-proj-VERY-SECRET-123";

    @Test
    void setters_returnCopiesAndLeaveTheOriginal() {
        OpenAIModel base = OpenAIModel.of("gpt-4.1-nano");
        OpenAIModel fast = base.rpm(42).tpm(1_000);
        assertThat(base.rpm()).isEqualTo(500);
        assertThat(fast.rpm()).isEqualTo(42);
        assertThat(fast.tpm()).isEqualTo(1_000);
        assertThat(fast).isNotEqualTo(base).isEqualTo(base.rpm(42).tpm(1_000));
    }

    @Test
    void defaults_perProvider() {
        AnthropicModel a = AnthropicModel.of("claude-haiku-4-5");
        assertThat(a.tpm()).isZero();
        assertThat(a.inputTpm()).isEqualTo(50_000);
        assertThat(a.outputTpm()).isEqualTo(10_000);
        assertThat(a.baseUrl()).isEqualTo("https://api.anthropic.com");
        assertThat(GeminiModel.of("gemini-2.5-flash").apiKey().variables())
                .containsExactly("GEMINI_API_KEY", "GOOGLE_API_KEY");
        assertThat(OpenAIModel.of("gpt-4.1").hasCustomBaseUrl()).isFalse();
    }

    @Test
    void rpm_notPositiveIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> OpenAIModel.of("gpt-4.1").rpm(0))
                .isInstanceOf(QuarryException.class)
                .hasMessage("rpm must be > 0, was 0");
        assertThatThrownBy(() -> AnthropicModel.of("claude-haiku-4-5").outputTpm(-5))
                .hasMessageContaining("outputTpm");
    }

    @Test
    void baseUrl_mustBeAbsoluteHttpAndLosesTrailingSlash() {
        assertThat(OpenAIModel.of("qwen").baseUrl("http://localhost:8000/v1/").baseUrl())
                .isEqualTo("http://localhost:8000/v1");
        assertThatThrownBy(() -> OpenAIModel.of("qwen").baseUrl("localhost:8000"))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("localhost:8000");
    }

    @Test
    void toString_neverShowsTheKey() {
        OpenAIModel m = OpenAIModel.of("gpt-4.1").apiKey(KEY);
        assertThat(m.toString()).doesNotContain(KEY).contains("****", "gpt-4.1");
        assertThat(CohereEmbeddingModel.of("embed-v4.0").apiKey(KEY).toString()).doesNotContain(KEY);
        assertThat(AnthropicModel.of("claude-haiku-4-5").apiKey(KEY).toString()).doesNotContain(KEY);
        assertThat(GeminiEmbeddingModel.of("gemini-embedding-001").apiKey(KEY).toString())
                .doesNotContain(KEY);
    }

    @Test
    void resolve_readsEnvironmentLazilyInOrder() {
        ApiKey k = GeminiModel.of("gemini-2.5-flash").apiKey();
        assertThat(k.resolve("g", "gemini", Map.of("GOOGLE_API_KEY", "g2")::get))
                .isEqualTo("g2");
        assertThat(k.resolve("g", "gemini", Map.of("GOOGLE_API_KEY", "g2", "GEMINI_API_KEY", "g1")::get))
                .isEqualTo("g1");
    }

    @Test
    void resolve_missingKeyNamesAliasAndVariable() {
        assertThatThrownBy(() -> OpenAIModel.of("gpt-4.1").apiKey().resolve("fast", "openai", name -> null))
                .isInstanceOf(QuarryException.class)
                .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED))
                .hasMessageContaining("'fast'")
                .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test
    void price_overrideIsValidated() {
        assertThat(OpenAIModel.of("custom").price(0.3, 0.1, 1.2).price()).hasValue(new ModelPrice(0.3, 0.1, 1.2));
        assertThatThrownBy(() -> new ModelPrice(-1, 0, 0)).hasMessageContaining("inputPerMillion");
    }

    @Test
    void requestTimeout_mustBePositive() {
        assertThatThrownBy(() -> OpenAIModel.of("x").requestTimeout(Duration.ZERO))
                .hasMessageContaining("requestTimeout");
    }

    @Test
    void localEmbeddingModel_knowsDimensionsAndValidates() {
        assertThat(LocalEmbeddingModel.allMiniLmL6V2().dimensions()).isEqualTo(384);
        assertThat(LocalEmbeddingModel.allMiniLmL6V2().provider()).isEqualTo("local");
        assertThatThrownBy(() -> LocalEmbeddingModel.allMiniLmL6V2().batchSize(0))
                .hasMessageContaining("batchSize");
    }

    @Test
    void localEmbeddingModel_responseCacheFollowsTheSessionUnlessSet() {
        assertThat(LocalEmbeddingModel.allMiniLmL6V2().responseCache()).isEmpty();
        assertThat(LocalEmbeddingModel.allMiniLmL6V2().responseCache(false).responseCache())
                .contains(false);
        assertThat(LocalEmbeddingModel.allMiniLmL6V2().responseCache(false))
                .isNotEqualTo(LocalEmbeddingModel.allMiniLmL6V2());
    }
}
