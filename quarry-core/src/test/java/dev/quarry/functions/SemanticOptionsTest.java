package dev.quarry.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Options, examples and class definitions: immutable values checked when built. */
class SemanticOptionsTest {
    private static QuarryException error(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(QuarryException.class);
        return (QuarryException) t;
    }

    @Test
    void defaults_setNothing() {
        SemanticOptions o = SemanticOptions.defaults();
        assertThat(o.modelAlias()).isEmpty();
        assertThat(o.temperature()).isEmpty();
        assertThat(o.maxOutputTokens()).isEmpty();
        assertThat(o.examples()).isEmpty();
        assertThat(o.timeout()).isEmpty();
    }

    @Test
    void setters_returnCopiesAndLeaveTheOriginal() {
        SemanticOptions base = SemanticOptions.model("fast");
        SemanticOptions warm = base.temperature(0.7);
        assertThat(base.temperature()).isEmpty();
        assertThat(warm.temperature().getAsDouble()).isEqualTo(0.7);
        assertThat(warm.modelAlias()).contains("fast");
    }

    @Test
    void withModel_replacesTheAlias() {
        assertThat(SemanticOptions.model("fast").withModel("claude").modelAlias())
                .contains("claude");
    }

    @Test
    void equalOptions_areEqual() {
        assertThat(SemanticOptions.model("a").maxOutputTokens(5))
                .isEqualTo(SemanticOptions.model("a").maxOutputTokens(5))
                .hasSameHashCodeAs(SemanticOptions.model("a").maxOutputTokens(5));
    }

    @Test
    void toString_showsWhatIsSet() {
        assertThat(SemanticOptions.model("a")
                        .temperature(0.5)
                        .examples(Example.of("x", "y"))
                        .toString())
                .isEqualTo("SemanticOptions[model=a, temperature=0.5, examples=1]");
    }

    @Test
    void model_blank_isRefused() {
        QuarryException e = error(() -> SemanticOptions.model(" "));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("non-blank");
    }

    @Test
    void temperature_outOfRange_saysTheRangeAndCurrentValue() {
        QuarryException e =
                error(() -> SemanticOptions.defaults().temperature(0.2).temperature(2.5));
        assertThat(e.getMessage()).isEqualTo("temperature must be between 0 and 2, got 2.5 (currently 0.2)");
    }

    @Test
    void temperature_notANumber_isRefused() {
        QuarryException e = error(() -> SemanticOptions.defaults().temperature(Double.NaN));
        assertThat(e.getMessage()).contains("got NaN");
    }

    @Test
    void maxOutputTokens_zero_isRefused() {
        QuarryException e = error(() -> SemanticOptions.defaults().maxOutputTokens(0));
        assertThat(e.getMessage()).contains("at least 1, got 0");
    }

    @Test
    void timeout_zero_isRefused() {
        QuarryException e = error(() -> SemanticOptions.defaults().timeout(Duration.ZERO));
        assertThat(e.getMessage()).contains("positive duration, got PT0S");
    }

    @Test
    void examples_replaceEarlierOnes() {
        SemanticOptions o =
                SemanticOptions.defaults().examples(Example.of("a", "b")).examples(Example.of("c", "d"));
        assertThat(o.examples()).containsExactly(Example.of("c", "d"));
    }

    @Test
    void example_ofText_isKeyedText() {
        assertThat(Example.of("charged twice", "billing").inputs()).isEqualTo(Map.of("text", "charged twice"));
    }

    @Test
    void example_nullAnswer_isRefused() {
        QuarryException e = error(() -> Example.of("x", null));
        assertThat(e.getMessage()).contains("needs the expected answer");
    }

    @Test
    void example_noInputs_isRefused() {
        QuarryException e = error(() -> Example.of(Map.of(), true));
        assertThat(e.getMessage()).contains("at least one input value");
    }

    @Test
    void classDefinition_blankDescription_isRefused() {
        QuarryException e = error(() -> ClassDefinition.of("billing", " "));
        assertThat(e.getMessage()).contains("description of class 'billing' is blank");
    }

    @Test
    void classDefinition_labels_giveClassesWithoutDescriptions() {
        assertThat(ClassDefinition.labels("a", "b"))
                .containsExactly(new ClassDefinition("a", null), new ClassDefinition("b", null));
    }
}
