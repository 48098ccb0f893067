package dev.quarry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.testing.FakeBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Session.builder().budgetUsd(...)}: a validated setting handed to the backend. */
class SessionBudgetTest {
    @TempDir
    Path dir;

    private Session.Builder builder(FakeBackend backend) {
        return Session.builder().dataDir(dir.resolve("data")).backendFactory(backend.factory());
    }

    @Test
    void budgetUsd_isHandedToTheBackendAsASetting() {
        FakeBackend backend = new FakeBackend();
        try (Session s = builder(backend).budgetUsd(2.5).build()) {
            assertThat(backend.config.settings()).containsEntry("quarry.budget_usd", "2.5");
            assertThat(s.config().settings()).containsEntry(Session.Builder.BUDGET_USD_SETTING, "2.5");
        }
    }

    @Test
    void budgetUsd_smallAmount_isWrittenWithoutExponent() {
        FakeBackend backend = new FakeBackend();
        try (Session s = builder(backend).budgetUsd(0.0001).build()) {
            assertThat(backend.config.settings()).containsEntry("quarry.budget_usd", "0.0001");
        }
    }

    @Test
    void budgetUsd_setTwice_keepsTheLast() {
        FakeBackend backend = new FakeBackend();
        try (Session s = builder(backend).budgetUsd(1).budgetUsd(3).build()) {
            assertThat(backend.config.settings()).containsEntry("quarry.budget_usd", "3");
        }
    }

    @Test
    void budgetUsd_notSet_isAbsent() {
        FakeBackend backend = new FakeBackend();
        try (Session s = builder(backend).build()) {
            assertThat(backend.config.settings()).doesNotContainKey("quarry.budget_usd");
        }
    }

    @Test
    void budgetUsd_zero_isRefused() {
        Throwable t = catchThrowable(() -> Session.builder().budgetUsd(0));
        assertThat(t).isInstanceOf(QuarryException.class);
        assertThat(((QuarryException) t).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(t.getMessage()).contains("greater than 0, got 0.0");
    }

    @Test
    void budgetUsd_negative_saysTheCurrentValue() {
        Throwable t = catchThrowable(() -> Session.builder().budgetUsd(5).budgetUsd(-1));
        assertThat(t.getMessage()).contains("got -1.0 (currently 5)");
    }

    @Test
    void budgetUsd_infinite_isRefused() {
        Throwable t = catchThrowable(() -> Session.builder().budgetUsd(Double.POSITIVE_INFINITY));
        assertThat(t).isInstanceOf(QuarryException.class);
    }
}
