package dev.quarry.internal.template;

import static dev.quarry.internal.template.Templates.assertParseError;
import static dev.quarry.internal.template.Templates.assertRenderError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.Row;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error says where (line, column, the quoted line), what, and what to do. */
class TemplateErrorTest {

    record Info(String product) {}

    // ---------------------------------------------------------------- parse errors

    @Test
    void parse_unclosedFor_namesOpeningPositionAndEndTag() {
        assertParseError("Comments:\n    {% for c in comments %}{{ c }}\n")
                .isEqualTo("Unclosed '{% for %}' opened at line 2, column 5; add '{% endfor %}'\n"
                        + "  2 |     {% for c in comments %}{{ c }}\n"
                        + "    |     ^");
    }

    @Test
    void parse_unclosedIf_namesEndTag() {
        assertParseError("{% if a %}x").contains("Unclosed '{% if %}' opened at line 1, column 1; add '{% endif %}'");
    }

    @Test
    void parse_unclosedOutput_saysToAddBraces() {
        assertParseError("Hi {{ name").contains("Unclosed '{{' at line 1, column 4; add '}}'");
    }

    @Test
    void parse_outputRunningIntoNextTag_isUnclosed() {
        assertParseError("{{ a {{ b }}")
                .contains("Unclosed '{{' at line 1, column 1", "another tag starts at line 1, column 6");
    }

    @Test
    void parse_outputClosedByBlockEnd_saysWhichCloserToUse() {
        assertParseError("{{ a %}").contains("'{{' opened at line 1, column 1 is closed by '%}'", "close it with '}}'");
    }

    @Test
    void parse_blockClosedByOutputEnd_saysWhichCloserToUse() {
        assertParseError("{% if a }}x{% endif %}").contains("is closed by '}}'", "close it with '%}'");
    }

    @Test
    void parse_unclosedComment_saysToAddCloser() {
        assertParseError("a {# note").contains("Unclosed comment '{#' at line 1, column 3; add '#}'");
    }

    @Test
    void parse_unclosedString_pointsAtItsStart() {
        assertParseError("{{ 'abc }}").contains("Unclosed string literal starting at line 1, column 4");
    }

    @Test
    void parse_endforWithoutFor_saysNothingIsOpen() {
        assertParseError("a{% endfor %}")
                .contains("Unexpected '{% endfor %}' at line 1, column 2: no '{% for %}' is open; remove it");
    }

    @Test
    void parse_endifInsideFor_namesTheOpenBlock() {
        assertParseError("{% for x in xs %}\n{% endif %}")
                .contains(
                        "Unexpected '{% endif %}' at line 2, column 1",
                        "the innermost open block is '{% for %}' opened at line 1, column 1",
                        "close it with '{% endfor %}' first");
    }

    @Test
    void parse_elifAfterElse_isRejected() {
        assertParseError("{% if a %}1{% else %}2{% elif b %}3{% endif %}")
                .contains("'{% elif %}' at line 1, column 23 comes after '{% else %}'");
    }

    @Test
    void parse_secondElse_isRejected() {
        assertParseError("{% if a %}1{% else %}2{% else %}3{% endif %}").contains("Second '{% else %}'");
    }

    @Test
    void parse_unknownTag_listsTagsAndSuggests() {
        assertParseError("{% for x in xs %}{{ x }}{% endfro %}")
                .contains(
                        "Unknown tag '{% endfro %}' at line 1, column 25",
                        "Supported tags: if,", "Did you mean 'endfor'?");
    }

    @Test
    void parse_unknownFilter_listsFiltersAndSuggests() {
        assertParseError("{{ name | uper }}")
                .contains(
                        "Unknown filter 'uper' at line 1, column 11", "Filters: upper, lower", "Did you mean 'upper'?");
    }

    @Test
    void parse_unknownTest_listsTests() {
        assertParseError("{{ x is odd }}").contains("Unknown test 'odd'", "Tests: defined, undefined, none");
    }

    @Test
    void parse_filterWithTooManyArguments_isRejected() {
        assertParseError("{{ x | upper(1) }}").contains("Filter 'upper' takes no arguments");
    }

    @Test
    void parse_filterWithUnknownKeyword_listsParameters() {
        assertParseError("{{ xs | join(sep=',') }}")
                .contains("Filter 'join' has no parameter 'sep'", "Its parameters: d, attribute");
    }

    @Test
    void parse_filterArgumentGivenTwice_isRejected() {
        assertParseError("{{ xs | join(',', d=';') }}").contains("Filter 'join' gets 'd' twice");
    }

    @Test
    void parse_filterMissingRequiredArgument_showsSignature() {
        assertParseError("{{ s | replace('a') }}")
                .contains("Filter 'replace'", "needs 'new'", "replace(old, new, count)");
    }

    @Test
    void parse_emptyOutput_isRejected() {
        assertParseError("a {{ }} b").contains("Empty expression '{{ }}' at line 1, column 3");
    }

    @Test
    void parse_arithmetic_isRejectedWithAlternative() {
        assertParseError("{{ a + b }}").contains("Arithmetic ('+') at line 1, column 6 is not supported");
    }

    @Test
    void parse_methodCall_isRejectedWithFilterSuggestion() {
        assertParseError("{{ name.upper() }}").contains("Calling 'name.upper(...)'", "use a filter");
    }

    @Test
    void parse_singleEquals_suggestsDoubleEquals() {
        assertParseError("{% if a = 1 %}x{% endif %}").contains("Unexpected '='", "Use '==' to compare.");
    }

    @Test
    void parse_twoNamesInOutput_expectsCloser() {
        assertParseError("{{ a b }}").contains("Unexpected 'b' at line 1, column 6: expected '}}' to close '{{'");
    }

    @Test
    void parse_unexpectedCharacter_isNamed() {
        assertParseError("{{ a ! b }}").contains("Unexpected character '!' at line 1, column 6");
    }

    @Test
    void parse_forWithoutIn_showsSyntax() {
        assertParseError("{% for x of xs %}{% endfor %}").contains("Expected 'in'", "'{% for item in items %}'");
    }

    @Test
    void parse_loopFilter_isRejectedWithAlternative() {
        assertParseError("{% for x in xs if x %}{% endfor %}").contains("Loop filters", "put an '{% if %}' inside");
    }

    @Test
    void parse_blockSet_isRejectedWithAlternative() {
        assertParseError("{% set x %}v{% endset %}").contains("Block assignments", "'{% set x = value %}'");
    }

    @Test
    void parse_keywordAsExpression_isRejected() {
        assertParseError("{{ and }}").contains("Expected an expression at line 1, column 4, found 'and'");
    }

    @Test
    void parse_errorOnLaterLine_reportsLineAndColumn() {
        assertParseError("line one\nline two\n  ok {{ x | nope }}")
                .contains("at line 3, column 13")
                .endsWith("  3 |   ok {{ x | nope }}\n    |             ^");
    }

    @Test
    void parse_veryLongLine_quotesWindowAroundColumn() {
        String template = "x".repeat(500) + "{{ a | nope }}" + "y".repeat(500);
        assertParseError(template)
                .contains("column 508")
                .contains("{{ a | nope }}")
                .doesNotContain("x".repeat(200));
    }

    @Test
    void parse_deepNesting_isRejected() {
        assertParseError("{{ " + "(".repeat(500) + "1" + ")".repeat(500) + " }}")
                .contains("nested more than 100 deep");
    }

    @Test
    void parse_longChainOfUnaryOperators_isRejected() {
        assertParseError("{{ " + "not ".repeat(5000) + "x }}").contains("nested more than 100 deep");
        assertParseError("{{ " + "-".repeat(5000) + "1 }}").contains("nested more than 100 deep");
    }

    @Test
    void parse_nullSource_isInvalidTemplate() {
        assertThatThrownBy(() -> Template.parse(null))
                .isInstanceOf(QuarryException.class)
                .extracting(e -> ((QuarryException) e).code())
                .isEqualTo(ErrorCode.INVALID_TEMPLATE);
    }

    // ---------------------------------------------------------------- render errors

    @Test
    void render_undefinedVariable_namesItAndListsContext() {
        assertRenderError("Hi {{ nmae }}", "id", 1, "name", "Ann")
                .isEqualTo("Cannot render template at line 1, column 7: variable 'nmae' is undefined. The context has:"
                        + " id, name. Did you mean 'name'?\n"
                        + "  1 | Hi {{ nmae }}\n"
                        + "    |       ^");
    }

    @Test
    void render_undefinedVariableInIf_fails() {
        assertRenderError("{% if missing %}x{% endif %}").contains("variable 'missing' is undefined");
    }

    @Test
    void render_undefinedVariableInLoop_fails() {
        assertRenderError("{% for x in missing %}x{% endfor %}").contains("variable 'missing' is undefined");
    }

    @Test
    void render_missingMapKey_listsKeys() {
        assertRenderError("{{ left.nmae }}", "left", Map.of("name", "Ann"))
                .contains(
                        "'left.nmae' is undefined: the mapping has no key 'nmae'. Available: name.",
                        "Did you mean 'name'?");
    }

    @Test
    void render_missingRowField_listsFields() {
        Row row = Row.of(
                Schema.of(DataTypes.field("id", DataTypes.LONG), DataTypes.field("name", DataTypes.STRING)), 1L, "A");
        assertRenderError("{{ right.title }}", "right", row)
                .contains("'right.title' is undefined: the struct has no field 'title'. Available: id, name.");
    }

    @Test
    void render_missingRecordComponent_listsComponents() {
        assertRenderError("{{ info.prodcut }}", "info", new Info("w"))
                .contains("record Info has no component 'prodcut'. Available: product.", "Did you mean 'product'?");
    }

    @Test
    void render_attributeOfNone_suggestsGuard() {
        assertRenderError("{{ info.product }}", "info", null)
                .contains("'info.product' is undefined: 'info' is none", "guard it with '{% if info %}'");
    }

    @Test
    void render_attributeOfString_namesType() {
        assertRenderError("{{ s.length }}", "s", "abc").contains("'s' is a string, which has no attribute 'length'");
    }

    @Test
    void render_indexOutOfRange_givesLength() {
        assertRenderError("{{ xs[3] }}", "xs", List.of(1, 2))
                .contains("'xs[3]' is undefined: index 3 is out of range for a list of length 2");
    }

    @Test
    void render_unknownLoopAttribute_listsLoopAttributes() {
        assertRenderError("{% for x in xs %}{{ loop.indx }}{% endfor %}", "xs", List.of(1))
                .contains("'loop.indx' is undefined", "index, index0", "Did you mean 'index'?");
    }

    @Test
    void render_previtemOnFirstIteration_explains() {
        assertRenderError("{% for x in xs %}{{ loop.previtem }}{% endfor %}", "xs", List.of(1))
                .contains("no previous item on the first iteration");
    }

    @Test
    void render_loopOverNone_suggestsGuard() {
        assertRenderError("{% for c in comments %}{{ c }}{% endfor %}", "comments", null)
                .contains("Cannot loop over 'comments': it is none; guard the loop with '{% if comments %}'");
    }

    @Test
    void render_loopOverNumber_namesType() {
        assertRenderError("{% for c in n %}{% endfor %}", "n", 3).contains("Cannot loop over 'n': it is the integer 3");
    }

    @Test
    void render_compareStringWithNumber_fails() {
        assertRenderError("{{ s < 3 }}", "s", "a")
                .contains("Cannot compare the string 'a' with the integer 3 using '<'");
    }

    @Test
    void render_inStringWithNumber_fails() {
        assertRenderError("{{ 1 in s }}", "s", "abc").contains("needs a string on the left, got the integer 1");
    }

    @Test
    void render_unpackMismatch_givesCounts() {
        assertRenderError("{% for a, b in xs %}{% endfor %}", "xs", List.of(List.of(1, 2, 3)))
                .contains("Cannot unpack item 1 of 'xs' into a, b: it has 3 values, not 2");
    }

    @Test
    void render_negateString_fails() {
        assertRenderError("{{ -s }}", "s", "a").contains("Cannot negate 's'");
    }

    @Test
    void render_errorOnLaterLine_reportsItsPosition() {
        assertRenderError("ok\n{% for x in xs %}\n  {{ x.name }}\n{% endfor %}", "xs", List.of(Map.of("id", 1)))
                .startsWith("Cannot render template at line 3, column 6: 'x.name' is undefined")
                .endsWith("  3 |   {{ x.name }}\n    |      ^");
    }

    @Test
    void render_nullContext_isInvalidArgument() {
        Template t = Template.parse("x");
        assertThatThrownBy(() -> t.render((Map<String, ?>) null))
                .isInstanceOf(QuarryException.class)
                .extracting(e -> ((QuarryException) e).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void render_failure_leavesTemplateUsable() {
        Template t = Template.parse("{{ a }}");
        assertThatThrownBy(() -> t.render(Map.of())).isInstanceOf(QuarryException.class);
        assertThat(t.render(Map.of("a", "ok"))).isEqualTo("ok");
    }
}
