package dev.quarry.local;

import static dev.quarry.local.LocalFixtures.collect;
import static dev.quarry.local.LocalFixtures.field;
import static dev.quarry.local.LocalFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.plan.SqlRelation;
import dev.quarry.spi.Backend;
import dev.quarry.spi.BackendFactory;
import dev.quarry.types.DataTypes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackendFactoryTest {
    @TempDir
    Path dir;

    private static String setting(LocalBackend backend, String name) {
        SqlRelation sql = new SqlRelation(
                "SELECT current_setting('" + name + "')::VARCHAR AS v", Map.of(), schema(field("v", DataTypes.STRING)));
        return (String) collect(backend, sql).get(0).get(0);
    }

    @Test
    void serviceLoader_findsTheLocalBackend() {
        List<String> names = ServiceLoader.load(BackendFactory.class).stream()
                .map(p -> p.get().name())
                .toList();
        assertThat(names).contains("local");
    }

    @Test
    void create_opensABackendOnTheDataDirectory() {
        BackendFactory factory = new LocalBackendFactory();
        try (Backend backend = factory.create(LocalFixtures.config(dir))) {
            assertThat(backend.listTables()).isEmpty();
        }
        assertThat(factory.priority()).isPositive();
    }

    @Test
    void settings_arePassedToDuckDb() {
        Map<String, String> settings =
                Map.of("duckdb.threads", "1", "duckdb.memory_limit", "512MB", "other.key", "ignored");
        try (LocalBackend backend =
                new LocalBackend(LocalFixtures.config(dir, settings), dev.quarry.local.udf.JavaFunctions.standard())) {
            assertThat(setting(backend, "threads")).isEqualTo("1");
            assertThat(setting(backend, "memory_limit")).contains("MiB");
        }
    }

    @Test
    void tempDirectory_isInsideTheDataDirectory() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            assertThat(Path.of(setting(backend, "temp_directory")))
                    .isEqualTo(dir.toAbsolutePath().resolve("tmp"));
            assertThat(setting(backend, "TimeZone")).isEqualTo("UTC");
        }
    }

    @Test
    void settings_unknownDuckDbOptionIsInvalidConfiguration() {
        assertThatThrownBy(() -> new LocalBackend(
                        LocalFixtures.config(dir, Map.of("duckdb.no_such_option", "1")),
                        dev.quarry.local.udf.JavaFunctions.standard()))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("duckdb.no_such_option");
    }

    @Test
    void settings_malformedOptionNameIsInvalidConfiguration() {
        assertThatThrownBy(() -> new LocalBackend(
                        LocalFixtures.config(dir, Map.of("duckdb.bad name", "1")),
                        dev.quarry.local.udf.JavaFunctions.standard()))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
    }

    @Test
    void close_makesFurtherCallsFailClearly() {
        LocalBackend backend = LocalFixtures.backend(dir);
        backend.close();
        assertThatThrownBy(backend::listTables)
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("closed");
        backend.close();
    }
}
