package dev.quarry.local.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemanticSettingsTest {
    @Test
    void from_noSettings_givesTheDefaults() {
        SemanticSettings s = SemanticSettings.from(Map.of());

        assertThat(s).isEqualTo(new SemanticSettings(null, 64, true, 0, 2048, SemanticSettings.ProgressMode.AUTO));
    }

    @Test
    void from_readsEverySetting() {
        SemanticSettings s = SemanticSettings.from(Map.of(
                "quarry.budget_usd", "2.5",
                "quarry.max_concurrency", "8",
                "quarry.response_cache", "FALSE",
                "quarry.reduce_context_tokens", "4_096",
                "quarry.batch_rows", "100",
                "quarry.progress", "never"));

        assertThat(s).isEqualTo(new SemanticSettings(2.5, 8, false, 4096, 100, SemanticSettings.ProgressMode.NEVER));
    }

    @Test
    void from_malformedBudget_namesTheSettingAndTheValue() {
        assertThatThrownBy(() -> SemanticSettings.from(Map.of("quarry.budget_usd", "five")))
                .isInstanceOf(QuarryException.class)
                .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessage("Setting 'quarry.budget_usd' is 'five'; expected a finite amount of US dollars >= 0,"
                        + " e.g. 5.00.");
    }

    @Test
    void from_negativeBudget_isRefused() {
        assertThatThrownBy(() -> SemanticSettings.from(Map.of("quarry.budget_usd", "-1")))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("'-1'");
    }

    @Test
    void from_concurrencyOutOfRange_isRefused() {
        assertThatThrownBy(() -> SemanticSettings.from(Map.of("quarry.max_concurrency", "0")))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("quarry.max_concurrency")
                .hasMessageContaining("between 1 and 10000");
    }

    @Test
    void from_unknownProgressMode_listsTheModes() {
        assertThatThrownBy(() -> SemanticSettings.from(Map.of("quarry.progress", "sometimes")))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("auto, always or never");
    }

    @Test
    void from_cacheFlagNotABoolean_isRefused() {
        assertThatThrownBy(() -> SemanticSettings.from(Map.of("quarry.response_cache", "yes")))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("true or false");
    }
}
