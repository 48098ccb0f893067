package dev.quarry.testkit.assertions;

import static dev.quarry.testkit.assertions.QuarryAssertions.array;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExpectedRowTest {
    @Test
    void row_nullArray_isOneNullValue() {
        assertThat(row((Object[]) null).values()).containsExactly((Object) null);
    }

    @Test
    void row_keepsNullsInOrder() {
        assertThat(row(1L, null, "a").values()).containsExactly(1L, null, "a");
    }

    @Test
    void row_isNotChangedByTheCallersArray() {
        Object[] values = {1L, "a"};
        ExpectedRow r = row(values);

        values[0] = 2L;

        assertThat(r.values()).containsExactly(1L, "a");
    }

    @Test
    void row_primitiveArrayOtherThanFloat_isRejectedWithAdvice() {
        assertThatThrownBy(() -> row(1L, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("int[]")
                .hasMessageContaining("QuarryAssertions.array(...)");
    }

    @Test
    void equals_comparesEmbeddingsByContent() {
        assertThat(row(new float[] {1f, 2f})).isEqualTo(row(new float[] {1f, 2f}));
        assertThat(row(new float[] {1f, 2f})).isNotEqualTo(row(new float[] {1f, 3f}));
    }

    @Test
    void toString_rendersJavaLiterals() {
        assertThat(row(1L, 2, 1.5f, "x", null, array("a", null), row(true)))
                .hasToString("row(1L, 2, 1.5f, \"x\", null, [\"a\", null], row(true))");
    }

    @Test
    void array_acceptsNullElements() {
        assertThat(array("a", null)).isEqualTo(Arrays.asList("a", null));
    }
}
