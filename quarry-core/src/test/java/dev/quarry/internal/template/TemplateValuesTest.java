package dev.quarry.internal.template;

import static dev.quarry.internal.template.Templates.context;
import static dev.quarry.internal.template.Templates.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Row;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How values print: Python's str() and repr(), with none as empty text in {{ }}. */
class TemplateValuesTest {

    record Point(int x, double y) {}

    @ParameterizedTest(name = "{0} prints {1}")
    @CsvSource({
        "1.5, 1.5",
        "3.0, 3.0",
        "0.1, 0.1",
        "100.0, 100.0",
        "-2.5, -2.5",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "2.5e-7, 2.5e-07",
        "123456789.0, 123456789.0",
        "1e15, 1000000000000000.0",
        "1e16, 1e+16",
        "1.5e300, 1.5e+300",
        "0.3333333333333333, 0.3333333333333333",
        "-0.0, -0.0",
        "NaN, nan",
        "Infinity, inf",
        "-Infinity, -inf"
    })
    void render_double_printsLikePythonRepr(double value, String expected) {
        assertThat(render("{{ x }}", "x", value)).isEqualTo(expected);
    }

    /** Seeded: every printed double reads back as the same double. */
    @ParameterizedTest
    @ValueSource(longs = {7, 11, 13})
    void render_randomDoubles_printRoundTrippableText(long seed) {
        Random random = new Random(seed);
        Template t = Template.parse("{{ x }}");
        for (int i = 0; i < 2000; i++) {
            double d = switch (i % 3) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                default -> random.nextInt(100000) / 100.0;
            };
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String text = t.render(Map.of("x", d));
            assertThat(Double.parseDouble(text)).as("%s printed as %s", d, text).isEqualTo(d);
            assertThat(text)
                    .as("Python repr has a '.' or an exponent: %s", text)
                    .containsAnyOf(".", "e");
        }
    }

    @Test
    void render_float_printsShortestDecimal() {
        assertThat(render("{{ x }}", "x", 0.1f)).isEqualTo("0.1");
    }

    @Test
    void render_integers_printDigits() {
        assertThat(render(
                        "{{ a }} {{ b }} {{ c }} {{ d }}",
                        "a",
                        7,
                        "b",
                        -9_000_000_000L,
                        "c",
                        new BigInteger("123456789012345678901234567890"),
                        "d",
                        (short) 3))
                .isEqualTo("7 -9000000000 123456789012345678901234567890 3");
    }

    @Test
    void render_bigDecimal_printsItsDecimalText() {
        assertThat(render("{{ x }}", "x", new BigDecimal("1.50"))).isEqualTo("1.50");
    }

    @Test
    void render_booleans_printPythonStyle() {
        assertThat(render("{{ a }}/{{ b }}", "a", true, "b", false)).isEqualTo("True/False");
    }

    @Test
    void render_none_printsNothing() {
        assertThat(render("[{{ x }}]", "x", null)).isEqualTo("[]");
    }

    @Test
    void render_noneInsideList_printsNone() {
        assertThat(render("{{ xs }}", "xs", Arrays.asList(1, null))).isEqualTo("[1, None]");
    }

    @Test
    void render_list_printsPythonRepr() {
        assertThat(render("{{ xs }}", "xs", List.of("a", 1, 2.0, true))).isEqualTo("['a', 1, 2.0, True]");
    }

    @Test
    void render_stringInList_usesPythonQuoting() {
        assertThat(render("{{ xs }}", "xs", List.of("it's", "say \"hi\"", "both ' \"", "a\nb\\")))
                .isEqualTo("[\"it's\", 'say \"hi\"', 'both \\' \"', 'a\\nb\\\\']");
    }

    @Test
    void render_emptyContainers_printBrackets() {
        assertThat(render("{{ a }} {{ b }}", "a", List.of(), "b", Map.of())).isEqualTo("[] {}");
    }

    @Test
    void render_map_printsPythonDictRepr() {
        assertThat(render("{{ m }}", "m", context("a", 1, "b", List.of(true), "c", null)))
                .isEqualTo("{'a': 1, 'b': [True], 'c': None}");
    }

    @Test
    void render_row_printsAsDict() {
        Row row = Row.of(
                Schema.of(DataTypes.field("id", DataTypes.LONG), DataTypes.field("name", DataTypes.STRING)), 1L, "Ann");
        assertThat(render("{{ r }}", "r", row)).isEqualTo("{'id': 1, 'name': 'Ann'}");
    }

    @Test
    void render_record_printsAsDict() {
        assertThat(render("{{ p }}", "p", new Point(1, 2.5))).isEqualTo("{'x': 1, 'y': 2.5}");
    }

    @Test
    void render_embedding_printsAsList() {
        assertThat(render("{{ v }}", "v", new float[] {0.5f, 1f})).isEqualTo("[0.5, 1.0]");
    }

    @Test
    void render_date_printsIsoDate() {
        assertThat(render("{{ d }}", "d", LocalDate.of(2024, 1, 5))).isEqualTo("2024-01-05");
    }

    @Test
    void render_timestamp_printsLikePythonDatetime() {
        assertThat(render(
                        "{{ a }} | {{ b }}",
                        "a",
                        LocalDateTime.of(2024, 1, 5, 9, 30),
                        "b",
                        LocalDateTime.of(2024, 1, 5, 9, 30, 1, 250_000_000)))
                .isEqualTo("2024-01-05 09:30:00 | 2024-01-05 09:30:01.250000");
    }

    @Test
    void render_unicodeText_passesThroughUnchanged() {
        assertThat(render("{{ s }}", "s", "日本語 😀 ñ")).isEqualTo("日本語 😀 ñ");
    }

    @Test
    void render_noAutoescaping_keepsHtmlAsIs() {
        assertThat(render("{{ s }}", "s", "<b>&amp;</b>")).isEqualTo("<b>&amp;</b>");
    }
}
