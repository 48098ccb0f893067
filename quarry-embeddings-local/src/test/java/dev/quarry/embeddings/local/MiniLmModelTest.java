package dev.quarry.embeddings.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmModelTest {
    private static MiniLmModel model;

    @BeforeAll
    static void load() {
        model = MiniLmModel.load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void tokenCount_shortText_countsClsAndSep() {
        assertThat(model.tokenCount("alpha zebra")).isEqualTo(4);
    }

    @Test
    void tokenCount_emptyText_isClsAndSep() {
        assertThat(model.tokenCount("")).isEqualTo(2);
    }

    @Test
    void tokenCount_longText_stopsAt256() {
        assertThat(model.tokenCount("alpha ".repeat(2_000))).isEqualTo(256);
    }

    @Test
    void meanPoolAndNormalize_averagesTokensAndScalesToLengthOne() {
        float[] hidden = new float[2 * 384];
        hidden[0] = 3; // token 1, dimension 0
        hidden[384 + 1] = 4; // token 2, dimension 1

        float[] v = MiniLmModel.meanPoolAndNormalize(FloatBuffer.wrap(hidden), 2);

        assertThat(v[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(v[1]).isCloseTo(0.8f, within(1e-6f));
        assertThat(v[2]).isZero();
    }

    @Test
    void meanPoolAndNormalize_allZeroOutput_throwsInternalError() {
        assertThatThrownBy(() -> MiniLmModel.meanPoolAndNormalize(FloatBuffer.wrap(new float[384]), 1))
                .isInstanceOf(QuarryException.class)
                .extracting(e -> ((QuarryException) e).code())
                .isEqualTo(ErrorCode.INTERNAL_ERROR);
    }
}
