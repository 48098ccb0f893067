package dev.quarry.internal.template;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/** Shared helpers for the template tests. */
final class Templates {
    private Templates() {}

    /** A context map from alternating names and values, in order; values may be null. */
    static Map<String, Object> context(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("context needs name/value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** Parses and renders in one step. */
    static String render(String template, Object... namesAndValues) {
        return Template.parse(template).render(context(namesAndValues));
    }

    /** Asserts that parsing fails with INVALID_TEMPLATE and returns an assertion on the message. */
    static AbstractStringAssert<?> assertParseError(String template) {
        QuarryException e = (QuarryException) Assertions.catchThrowable(() -> Template.parse(template));
        Assertions.assertThat(e).as("parsing %s", template).isInstanceOf(QuarryException.class);
        Assertions.assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEMPLATE);
        return Assertions.assertThat(e.getMessage());
    }

    /** Asserts that rendering fails with INVALID_TEMPLATE and returns an assertion on the message. */
    static AbstractStringAssert<?> assertRenderError(String template, Object... namesAndValues) {
        Template t = Template.parse(template);
        Map<String, Object> context = context(namesAndValues);
        assertThatThrownBy(() -> t.render(context))
                .isInstanceOf(QuarryException.class)
                .extracting(e -> ((QuarryException) e).code())
                .isEqualTo(ErrorCode.INVALID_TEMPLATE);
        QuarryException e = (QuarryException) Assertions.catchThrowable(() -> t.render(context));
        return Assertions.assertThat(e.getMessage());
    }
}
