package dev.quarry.internal.template;

import static dev.quarry.internal.template.Templates.assertRenderError;
import static dev.quarry.internal.template.Templates.context;
import static dev.quarry.internal.template.Templates.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Row;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filters, each with Jinja's behaviour (examples from Jinja's own documentation where it has them). */
class TemplateFilterTest {

    record User(String name, Map<String, String> address) {}

    @Test
    void upper_convertsToUpperCase() {
        assertThat(render("{{ s | upper }}", "s", "Straße é")).isEqualTo("STRASSE É");
    }

    @Test
    void upper_convertsNonStringsToTextFirst() {
        assertThat(render("{{ 3 | upper }} {{ none | upper }} {{ true | upper }}"))
                .isEqualTo("3 NONE TRUE");
    }

    @Test
    void lower_convertsToLowerCase() {
        assertThat(render("{{ s | lower }}", "s", "HeLLo É")).isEqualTo("hello é");
    }

    @Test
    void trim_removesSurroundingWhitespace() {
        assertThat(render("[{{ s | trim }}]", "s", " \t\n hi there \n")).isEqualTo("[hi there]");
    }

    @Test
    void trim_withChars_removesThoseChars() {
        assertThat(render("{{ s | trim('x.') }}", "s", "x.xhix.")).isEqualTo("hi");
    }

    @Test
    void length_countsCharactersItemsAndKeys() {
        assertThat(render(
                        "{{ s | length }} {{ xs | length }} {{ m | length }} {{ '😀' | length }}",
                        "s",
                        "héllo",
                        "xs",
                        List.of(1, 2),
                        "m",
                        Map.of("a", 1, "b", 2, "c", 3)))
                .isEqualTo("5 2 3 1");
    }

    @Test
    void length_ofRow_countsFields() {
        Row row = Row.of(
                Schema.of(DataTypes.field("a", DataTypes.STRING), DataTypes.field("b", DataTypes.STRING)), "x", "y");
        assertThat(render("{{ r | length }}", "r", row)).isEqualTo("2");
    }

    @Test
    void count_isLengthAlias() {
        assertThat(render("{{ xs | count }}", "xs", List.of(1, 2, 3))).isEqualTo("3");
    }

    @Test
    void length_ofNumber_fails() {
        assertRenderError("{{ n | length }}", "n", 5).contains("Cannot take the length of 'n': it is the integer 5");
    }

    @Test
    void default_replacesUndefinedVariable() {
        assertThat(render("{{ missing | default('n/a') }}")).isEqualTo("n/a");
    }

    @Test
    void default_replacesUndefinedAttribute() {
        assertThat(render("{{ m.missing | default('n/a') }}", "m", Map.of("a", 1)))
                .isEqualTo("n/a");
    }

    @Test
    void default_keepsNoneWithoutBooleanFlag() {
        assertThat(render("[{{ x | default('n/a') }}]", "x", null)).isEqualTo("[]");
    }

    @Test
    void default_withBooleanFlag_replacesFalseValues() {
        assertThat(render("{{ x | default('n/a', true) }}|{{ y | default('n/a', boolean=true) }}", "x", null, "y", ""))
                .isEqualTo("n/a|n/a");
    }

    @Test
    void default_keepsDefinedValue() {
        assertThat(render("{{ x | default('n/a') }}", "x", "set")).isEqualTo("set");
    }

    @Test
    void default_withoutArgument_isEmptyString() {
        assertThat(render("[{{ missing | default }}]")).isEqualTo("[]");
    }

    @Test
    void default_withUnusedUndefinedArgument_doesNotFail() {
        assertThat(render("{{ x | default(other) }}", "x", "set")).isEqualTo("set");
    }

    @Test
    void d_isDefaultAlias() {
        assertThat(render("{{ missing | d('n/a') }}")).isEqualTo("n/a");
    }

    @Test
    void join_withoutSeparator_concatenates() {
        assertThat(render("{{ [1, 2, 3] | join }}")).isEqualTo("123");
    }

    @Test
    void join_withSeparator_putsItBetweenItems() {
        assertThat(render("{{ [1, 2, 3] | join('|') }}")).isEqualTo("1|2|3");
    }

    @Test
    void join_convertsItemsWithStr() {
        assertThat(render("{{ xs | join(', ') }}", "xs", Arrays.asList(1.5, true, null, "s")))
                .isEqualTo("1.5, True, None, s");
    }

    @Test
    void join_withAttribute_joinsThatAttribute() {
        List<User> users = List.of(new User("ann", Map.of("city", "Oslo")), new User("bo", Map.of("city", "Rome")));
        assertThat(render("{{ users | join(', ', attribute='name') }}", "users", users))
                .isEqualTo("ann, bo");
    }

    @Test
    void join_withDottedAttribute_followsThePath() {
        List<User> users = List.of(new User("ann", Map.of("city", "Oslo")), new User("bo", Map.of("city", "Rome")));
        assertThat(render("{{ users | join('/', attribute='address.city') }}", "users", users))
                .isEqualTo("Oslo/Rome");
    }

    @Test
    void join_onString_joinsCharacters() {
        assertThat(render("{{ 'abc' | join('-') }}")).isEqualTo("a-b-c");
    }

    @Test
    void tojson_writesSortedKeysWithPythonSeparators() {
        assertThat(render("{{ m | tojson }}", "m", context("b", List.of(1, 2.5), "a", true, "c", null)))
                .isEqualTo("{\"a\": true, \"b\": [1, 2.5], \"c\": null}");
    }

    @Test
    void tojson_escapesNonAsciiAndHtmlCharacters() {
        assertThat(render("{{ s | tojson }}", "s", "café <b> & \"q\" it's\n"))
                .isEqualTo("\"caf\\u00e9 \\u003cb\\u003e \\u0026 \\\"q\\\" it\\u0027s\\n\"");
    }

    @Test
    void tojson_withIndent_writesOneItemPerLine() {
        assertThat(render("{{ m | tojson(indent=2) }}", "m", context("b", List.of(1, 2), "a", Map.of())))
                .isEqualTo("{\n  \"a\": {},\n  \"b\": [\n    1,\n    2\n  ]\n}");
    }

    @Test
    void tojson_ofRecordAndRow_writesObjects() {
        Row row = Row.of(
                Schema.of(DataTypes.field("z", DataTypes.LONG), DataTypes.field("y", DataTypes.DOUBLE)), 1L, 0.5);
        User user = new User("ann", Map.of("city", "Oslo"));
        assertThat(render("{{ r | tojson }} {{ u | tojson }}", "r", row, "u", user))
                .isEqualTo("{\"y\": 0.5, \"z\": 1} {\"address\": {\"city\": \"Oslo\"}, \"name\": \"ann\"}");
    }

    @Test
    void tojson_ofScalars_writesJsonScalars() {
        assertThat(render("{{ 1 | tojson }} {{ 1e20 | tojson }} {{ none | tojson }} {{ false | tojson }}"))
                .isEqualTo("1 1e+20 null false");
    }

    @Test
    void tojson_ofEmbedding_writesNumberArray() {
        assertThat(render("{{ v | tojson }}", "v", new float[] {0.5f, 0.1f})).isEqualTo("[0.5, 0.1]");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = "->",
            quoteCharacter = '"',
            value = {
                // the examples of Jinja's documentation
                "'foo bar baz qux' | truncate(9) -> foo...",
                "'foo bar baz qux' | truncate(9, True) -> foo ba...",
                "'foo bar baz qux' | truncate(11) -> foo bar baz qux",
                "'foo bar baz qux' | truncate(11, False, '...', 0) -> foo bar...",
                // short text is kept; a word longer than the cut is cut
                "'short' | truncate(10) -> short",
                "'abcdefghijklmnopqrstuvwxyz' | truncate(10) -> abcdefg...",
                "'foo bar baz qux' | truncate(length=9, end='!') -> foo bar!",
                "'foo bar baz qux' | truncate(9, leeway=10) -> foo bar baz qux"
            })
    void truncate_followsJinja(String expression, String expected) {
        assertThat(render("{{ " + expression + " }}")).isEqualTo(expected);
    }

    @Test
    void truncate_withDefaultLength_keeps255Characters() {
        String longText = "word ".repeat(100);
        String out = render("{{ s | truncate }}", "s", longText);
        assertThat(out).endsWith("...").hasSizeLessThanOrEqualTo(255);
        assertThat(longText).startsWith(out.substring(0, out.length() - 3));
    }

    @Test
    void truncate_lengthShorterThanEnd_fails() {
        assertRenderError("{{ 'abcdefghij' | truncate(2) }}").contains("truncate length must be at least", "'...'");
    }

    @Test
    void first_returnsFirstItem() {
        assertThat(render("{{ xs | first }} {{ 'abc' | first }}", "xs", List.of(3, 4)))
                .isEqualTo("3 a");
    }

    @Test
    void last_returnsLastItem() {
        assertThat(render("{{ xs | last }} {{ 'abc' | last }}", "xs", List.of(3, 4)))
                .isEqualTo("4 c");
    }

    @Test
    void first_ofEmptyList_isUndefined() {
        assertThat(render("{{ [] | first is defined }}")).isEqualTo("False");
        assertRenderError("{{ [] | first }}").contains("the sequence is empty");
    }

    @Test
    void replace_replacesEveryOccurrence() {
        assertThat(render("{{ 'Hello World' | replace('Hello', 'Goodbye') }}")).isEqualTo("Goodbye World");
    }

    @Test
    void replace_withCount_replacesFirstOccurrencesOnly() {
        assertThat(render("{{ 'aaaaargh' | replace('a', \"d'oh, \", 2) }}")).isEqualTo("d'oh, d'oh, aaargh");
    }

    @Test
    void replace_withEmptyOld_insertsBetweenCharacters() {
        assertThat(render("{{ 'abc' | replace('', '-') }} {{ 'abc' | replace('', '-', 2) }}"))
                .isEqualTo("-a-b-c- -a-bc");
    }

    @Test
    void string_convertsWithStr() {
        assertThat(render("{{ none | string }} {{ true | string }} {{ [1] | string }} {{ 2.0 | string }}"))
                .isEqualTo("None True [1] 2.0");
    }

    @Test
    void items_ofUndefined_isEmpty() {
        assertThat(render("[{% for k, v in missing | items %}x{% endfor %}]")).isEqualTo("[]");
    }

    @Test
    void items_ofRecord_listsComponents() {
        assertThat(render(
                        "{% for k, v in u | items %}{{ k }}={{ v }};{% endfor %}",
                        "u", new User("ann", Map.of("city", "Oslo"))))
                .isEqualTo("name=ann;address={'city': 'Oslo'};");
    }

    @Test
    void items_ofList_fails() {
        assertRenderError("{{ xs | items }}", "xs", List.of(1))
                .contains("Cannot list the items of 'xs'", "not a mapping");
    }

    @Test
    void filters_chain_leftToRight() {
        assertThat(render(
                        "{{ s | trim | lower | replace(' ', '_') | truncate(8, true, '') }}",
                        "s",
                        "  Hello Big World "))
                .isEqualTo("hello_bi");
    }

    @Test
    void filterArguments_mayBeExpressions() {
        assertThat(render("{{ xs | join(sep ~ ' ') }}", "xs", List.of("a", "b"), "sep", ";"))
                .isEqualTo("a; b");
    }
}
