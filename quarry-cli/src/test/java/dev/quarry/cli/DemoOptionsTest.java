package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOptionsTest {
    @TempDir
    Path dataDir;

    private DemoCommand demo(int clusters, int rows) {
        DemoCommand demo =
                new DemoCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
        demo.dataDir = dataDir;
        demo.clusters = clusters;
        demo.sampleRows = rows;
        return demo;
    }

    @Test
    void call_zeroClusters_failsNamingTheOption() {
        assertThatThrownBy(() -> demo(0, 12).call())
                .isInstanceOf(QuarryException.class)
                .hasMessage("--clusters must be at least 1, got 0.")
                .extracting(e -> ((QuarryException) e).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void call_zeroRows_failsNamingTheOption() {
        assertThatThrownBy(() -> demo(7, 0).call())
                .isInstanceOf(QuarryException.class)
                .hasMessage("--rows must be at least 1, got 0.");
    }
}
