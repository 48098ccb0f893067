package dev.quarry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quarry.models.LocalEmbeddingModel;
import dev.quarry.models.OpenAIModel;
import dev.quarry.testing.FakeBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionBuilderTest {
    @TempDir
    Path dir;

    private final FakeBackend backend = new FakeBackend();

    private Session.Builder builder() {
        return Session.builder().dataDir(dir.resolve("q")).backendFactory(backend.factory());
    }

    @Test
    void build_createsDataDirAndHandsConfigToBackend() {
        try (Session s = builder().appName("app").config("duckdb.threads", "2").build()) {
            assertThat(Files.isDirectory(dir.resolve("q"))).isTrue();
            assertThat(backend.config.appName()).isEqualTo("app");
            assertThat(backend.config.settings()).containsEntry("duckdb.threads", "2");
            assertThat(s.backendName()).isEqualTo("fake");
        }
    }

    @Test
    void close_closesTheBackendOnce() {
        Session s = builder().build();
        s.close();
        s.close();
        assertThat(backend.closed).isTrue();
        assertThat(s.isClosed()).isTrue();
    }

    @Test
    void closedSession_refusesNewWork() {
        Session s = builder().build();
        s.close();
        QuarryException e = catchThrowableOfType(QuarryException.class, s::read);
        assertThat(e.getMessage()).contains("is closed");
    }

    @Test
    void defaultLanguageModel_singleModel_isTheDefault() {
        try (Session s =
                builder().languageModel("fast", OpenAIModel.of("gpt-4.1-nano")).build()) {
            assertThat(s.defaultLanguageModel()).isEqualTo("fast");
        }
    }

    @Test
    void defaultLanguageModel_severalModelsAndNoChoice_isNull() {
        try (Session s = builder()
                .languageModel("fast", OpenAIModel.of("gpt-4.1-nano"))
                .languageModel("smart", OpenAIModel.of("gpt-4.1"))
                .build()) {
            assertThat(s.defaultLanguageModel()).isNull();
        }
    }

    @Test
    void defaultLanguageModel_unknownAlias_listsConfiguredModels() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class,
                () -> builder()
                        .languageModel("fast", OpenAIModel.of("gpt-4.1-nano"))
                        .embeddingModel("mini", LocalEmbeddingModel.allMiniLmL6V2())
                        .defaultLanguageModel("smart")
                        .build());
        assertThat(e.code()).isEqualTo(ErrorCode.MODEL_NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("'smart' is not configured").contains("configured language models: fast");
    }

    @Test
    void defaultLanguageModel_aliasOfEmbeddingModel_saysSo() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class,
                () -> builder()
                        .embeddingModel("mini", LocalEmbeddingModel.allMiniLmL6V2())
                        .defaultLanguageModel("mini")
                        .build());
        assertThat(e.getMessage()).contains("configured as an embedding model");
    }

    @Test
    void languageModel_aliasTwice_saysWhatIsAlreadySet() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class,
                () -> builder()
                        .languageModel("fast", OpenAIModel.of("gpt-4.1-nano"))
                        .languageModel("fast", OpenAIModel.of("gpt-4.1")));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getMessage()).contains("already configured (openai gpt-4.1-nano)");
    }

    @Test
    void appName_blank_isRefusedWithCurrentValue() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> builder().appName("x").appName(" "));
        assertThat(e.getMessage()).contains("currently 'x'");
    }

    @Test
    void disableRule_unknownName_listsTheRules() {
        QuarryException e =
                catchThrowableOfType(QuarryException.class, () -> builder().disableRule("MergeFilter"));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getMessage())
                .contains("Unknown optimizer rule 'MergeFilter'")
                .contains("PruneColumns")
                .contains("Did you mean 'MergeFilters'?");
    }

    @Test
    void disableRule_knownName_reachesTheConfig() {
        try (Session s = builder().disableRule("PruneColumns").build()) {
            assertThat(s.config().disabledRules()).containsExactly("PruneColumns");
        }
    }

    @Test
    void backend_unknownName_listsAvailableBackends() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class,
                () -> Session.builder().dataDir(dir).backend("sparky").build());
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getMessage()).containsAnyOf("No backend named 'sparky'", "No Quarry backend found");
    }

    @Test
    void backendAndBackendFactory_together_areRefused() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> Session.builder().backend("local").backendFactory(backend.factory()));
        assertThat(e.getMessage()).contains("backend(\"local\") is already set");
    }

    @Test
    void config_nullValue_isRefused() {
        QuarryException e =
                catchThrowableOfType(QuarryException.class, () -> builder().config("k", null));
        assertThat(e.getMessage()).contains("config(\"k\", null)");
    }

    @Test
    void build_noBackendOnClasspath_saysWhichDependencyToAdd() {
        QuarryException e = catchThrowableOfType(
                QuarryException.class, () -> Session.builder().dataDir(dir).build());
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getMessage()).contains("No Quarry backend found").contains("dev.quarry:quarry");
    }
}
