package dev.quarry.local.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Progress progress =
            new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::get, "semantic.extract", 1000);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void render_showsBarRowsRequestsAndElapsedTime() {
        progress.advance(500);
        progress.requests(412);

        assertThat(progress.render(75 * SECOND))
                .isEqualTo("semantic.extract [############............] 500/1,000 rows  412 requests  1:15");
    }

    @Test
    void refresh_drawsNothingDuringTheFirstSecond() {
        clock.set(SECOND / 2);
        progress.advance(10);
        progress.finish();

        assertThat(printed()).isEmpty();
    }

    @Test
    void refresh_afterASecond_redrawsInPlaceAtMostFiveTimesASecond() {
        clock.set(2 * SECOND);
        progress.advance(1);
        clock.addAndGet(SECOND / 10);
        progress.advance(1);
        clock.addAndGet(SECOND / 5);
        progress.advance(1);

        assertThat(printed().split("\r", -1)).hasSize(3);
        assertThat(printed()).startsWith("\rsemantic.extract [").doesNotContain("\n");
    }

    @Test
    void finish_endsTheLineOnceSomethingWasDrawn() {
        clock.set(2 * SECOND);
        progress.advance(1000);
        progress.finish();

        assertThat(printed()).endsWith("1,000/1,000 rows  0 requests  0:02\n");
    }

    @Test
    void silent_drawsNothing() {
        Progress silent = Progress.silent();
        silent.advance(5);
        silent.refresh();
        silent.finish();

        assertThat(silent.render(0)).isEqualTo(" 5 rows  0 requests  0:00");
    }
}
