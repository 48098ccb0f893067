package dev.quarry.embeddings.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.spi.LocalEmbedder;
import dev.quarry.inference.spi.LocalEmbeddingProvider;
import dev.quarry.models.LocalEmbeddingModel;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MiniLmEmbeddingProviderTest {
    private final MiniLmEmbeddingProvider provider = new MiniLmEmbeddingProvider();

    private static Optional<LocalEmbeddingProvider> discovered(LocalEmbeddingModel model) {
        return ServiceLoader.load(LocalEmbeddingProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.supports(model))
                .findFirst();
    }

    @Test
    void serviceLoader_allMiniLm_findsThisProvider() {
        assertThat(discovered(LocalEmbeddingModel.allMiniLmL6V2())).containsInstanceOf(MiniLmEmbeddingProvider.class);
    }

    @Test
    void serviceLoader_otherModel_findsNoProvider() {
        assertThat(discovered(LocalEmbeddingModel.of("other", 10))).isEmpty();
    }

    @Test
    void supports_allMiniLmWithCustomBatchAndThreads_isTrue() {
        assertThat(provider.supports(
                        LocalEmbeddingModel.allMiniLmL6V2().batchSize(64).threads(1)))
                .isTrue();
    }

    @Test
    void supports_nameInOtherCase_isTrue() {
        assertThat(provider.supports(LocalEmbeddingModel.of("ALL-MINILM-L6-V2", 384)))
                .isTrue();
    }

    @Test
    void supports_allMiniLmNameWithOtherDimensions_isFalse() {
        assertThat(provider.supports(LocalEmbeddingModel.of("all-MiniLM-L6-v2", 768)))
                .isFalse();
    }

    @Test
    void create_unsupportedModel_throwsInvalidConfiguration() {
        assertThatThrownBy(() -> provider.create(LocalEmbeddingModel.of("other", 10)))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("other")
                .hasMessageContaining("LocalEmbeddingModel.allMiniLmL6V2()")
                .extracting(e -> ((QuarryException) e).code())
                .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
    }

    @Test
    void create_allMiniLm_returnsWorkingEmbedder() {
        try (LocalEmbedder embedder = provider.create(LocalEmbeddingModel.allMiniLmL6V2())) {
            assertThat(embedder.dimensions()).isEqualTo(384);
            assertThat(embedder.embed(List.of("hello")).get(0)).hasSize(384);
        }
    }
}
