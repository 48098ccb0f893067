package dev.quarry.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Template object itself: source, equality, printing, reuse. */
class TemplateTest {

    @Test
    void source_isTheTextAsGiven() {
        assertThat(Template.parse("Hi {{ x }}\n").source()).isEqualTo("Hi {{ x }}\n");
    }

    @Test
    void equals_sameSource_isEqual() {
        assertThat(Template.parse("{{ a }}"))
                .isEqualTo(Template.parse("{{ a }}"))
                .hasSameHashCodeAs(Template.parse("{{ a }}"))
                .isNotEqualTo(Template.parse("{{ b }}"));
    }

    @Test
    void toString_abbreviatesLongSource() {
        assertThat(Template.parse("x".repeat(100)).toString()).isEqualTo("Template[" + "x".repeat(57) + "...]");
    }

    @Test
    void toString_escapesNewlines() {
        assertThat(Template.parse("a\nb").toString()).isEqualTo("Template[a\\nb]");
    }

    @Test
    void render_sameTemplateManyTimes_givesIndependentResults() {
        Template t = Template.parse("{% for x in xs %}{{ x }}{% endfor %}|{% set s = y %}{{ s }}");
        assertThat(t.render(Map.of("xs", java.util.List.of(1, 2), "y", "a"))).isEqualTo("12|a");
        assertThat(t.render(Map.of("xs", java.util.List.of(), "y", "b"))).isEqualTo("|b");
    }
}
