package dev.quarry.internal.template;

import static dev.quarry.internal.template.Templates.context;
import static dev.quarry.internal.template.Templates.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Row;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expressions: access to maps, rows and records, literals, operators, tests. */
class TemplateExpressionTest {

    record Info(String product, boolean wantsRefund, List<String> errorCodes) {}

    record Ticket(long id, Info info) {}

    record Contact(String name, java.util.Optional<String> email) {}

    private static Row row(String name, Object value, String other, Object otherValue) {
        Schema schema = Schema.of(DataTypes.field(name, DataTypes.STRING), DataTypes.field(other, DataTypes.STRING));
        return Row.of(schema, value, otherValue);
    }

    // ---------------------------------------------------------------- access

    @Test
    void render_attributeOnMap_readsKey() {
        assertThat(render("{{ left.name }}", "left", Map.of("name", "Ann"))).isEqualTo("Ann");
    }

    @Test
    void render_attributeOnRow_readsField() {
        assertThat(render("{{ left.name }}/{{ left.title }}", "left", row("name", "Ann", "title", "CEO")))
                .isEqualTo("Ann/CEO");
    }

    @Test
    void render_attributeOnRow_matchesFieldNameIgnoringCase() {
        assertThat(render("{{ r.NAME }}", "r", row("name", "Ann", "title", "CEO")))
                .isEqualTo("Ann");
    }

    @Test
    void render_nestedRow_readsThroughStructs() {
        Schema inner = Schema.of(DataTypes.field("product", DataTypes.STRING));
        Schema outer = Schema.of(DataTypes.field("info", inner.toStructType()));
        Row row = Row.of(outer, Row.of(inner, "Widget"));
        assertThat(render("{{ t.info.product }}", "t", row)).isEqualTo("Widget");
    }

    @Test
    void render_attributeOnRecord_callsAccessor() {
        Info info = new Info("Widget", true, List.of("E1", "E2"));
        assertThat(render("{{ info.product }} {{ info.wantsRefund }} {{ info.errorCodes | join('+') }}", "info", info))
                .isEqualTo("Widget True E1+E2");
    }

    @Test
    void render_nestedRecord_readsThroughAccessors() {
        Ticket t = new Ticket(7, new Info("Gadget", false, List.of()));
        assertThat(render("#{{ t.id }} {{ t.info.product }}", "t", t)).isEqualTo("#7 Gadget");
    }

    @Test
    void render_optionalRecordComponent_readsValueOrNone() {
        String t = "{{ c.name }}{% if c.email is not none %} <{{ c.email }}>{% endif %}";
        assertThat(render(t, "c", new Contact("Ann", java.util.Optional.of("ann@example.com"))))
                .isEqualTo("Ann <ann@example.com>");
        assertThat(render(t, "c", new Contact("Bo", java.util.Optional.empty())))
                .isEqualTo("Bo");
    }

    @Test
    void render_recordSubscriptWithName_readsComponent() {
        assertThat(render("{{ info['product'] }}", "info", new Info("Widget", false, List.of())))
                .isEqualTo("Widget");
    }

    @Test
    void render_renderRow_readsColumnsAsVariables() {
        assertThat(Template.parse("{{ name }} is {{ title }}").render(row("name", "Ann", "title", "CEO")))
                .isEqualTo("Ann is CEO");
    }

    @Test
    void render_subscriptOnList_readsPosition() {
        assertThat(render("{{ xs[0] }}{{ xs[2] }}", "xs", List.of("a", "b", "c")))
                .isEqualTo("ac");
    }

    @Test
    void render_negativeSubscript_countsFromEnd() {
        assertThat(render("{{ xs[-1] }}{{ xs[-3] }}", "xs", List.of("a", "b", "c")))
                .isEqualTo("ca");
    }

    @Test
    void render_dotDigit_readsListPosition() {
        assertThat(render("{{ xs.1 }}", "xs", List.of("a", "b"))).isEqualTo("b");
    }

    @Test
    void render_subscriptOnString_readsCharacter() {
        assertThat(render("{{ s[0] }}{{ s[-1] }}", "s", "héllo")).isEqualTo("ho");
    }

    @Test
    void render_subscriptOnArray_readsElement() {
        assertThat(render("{{ xs[1] }}", "xs", new String[] {"a", "b"})).isEqualTo("b");
    }

    @Test
    void render_subscriptWithStringKey_readsMapEntry() {
        assertThat(render("{{ m['first name'] }}", "m", Map.of("first name", "Ann")))
                .isEqualTo("Ann");
    }

    @Test
    void render_subscriptWithVariableKey_readsEntryNamedByVariable() {
        assertThat(render("{{ m[k] }}", "m", Map.of("a", 1, "b", 2), "k", "b")).isEqualTo("2");
    }

    @Test
    void render_subscriptWithIntegerKey_readsMapWithLongKeys() {
        assertThat(render("{{ m[1] }}", "m", Map.of(1L, "one"))).isEqualTo("one");
    }

    @Test
    void render_loopVariableAttribute_readsEachItem() {
        assertThat(render(
                        "{% for p in people %}{{ p.name }};{% endfor %}",
                        "people", List.of(Map.of("name", "Ann"), Map.of("name", "Bo"))))
                .isEqualTo("Ann;Bo;");
    }

    // ---------------------------------------------------------------- literals

    @Test
    void render_literals_printAsPython() {
        assertThat(render("{{ 'a' }} {{ \"b\" }} {{ 42 }} {{ 2.5 }} {{ true }} {{ False }} [{{ none }}] {{ 1_000 }}"))
                .isEqualTo("a b 42 2.5 True False [] 1000");
    }

    @Test
    void render_stringEscapes_areDecoded() {
        assertThat(render("{{ 'it\\'s\\tx\\n\\u00e9\\x41' }}")).isEqualTo("it's\tx\né" + "A");
    }

    @Test
    void render_adjacentStrings_areJoined() {
        assertThat(render("{{ 'a' 'b' \"c\" }}")).isEqualTo("abc");
    }

    @Test
    void render_negativeNumbers_parse() {
        assertThat(render("{{ -3 }} {{ -2.5 }} {{ -x }}", "x", 4)).isEqualTo("-3 -2.5 -4");
    }

    @Test
    void render_scientificNotation_isFloat() {
        assertThat(render("{{ 1e3 }} {{ 2.5E-2 }}")).isEqualTo("1000.0 0.025");
    }

    @Test
    void render_listLiteral_printsAsPythonList() {
        assertThat(render("{{ [1, 'a', none, x] }}", "x", true)).isEqualTo("[1, 'a', None, True]");
    }

    @Test
    void render_listLiteralWithTrailingComma_isAccepted() {
        assertThat(render("{{ [1, 2,] | length }}")).isEqualTo("2");
    }

    // ---------------------------------------------------------------- operators

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "1 == 1 | True",
                "1 != 1 | False",
                "1 < 2 | True",
                "2 <= 2 | True",
                "3 > 2 | True",
                "2 >= 3 | False",
                "'a' < 'b' | True",
                "'abc' == 'abc' | True",
                "1 == 1.0 | True",
                "1 == '1' | False",
                "none == none | True",
                "[1, 2] == [1, 2] | True",
                "[1, 2] < [1, 3] | True",
                "[1, 2] < [1, 2, 0] | True",
                "1 < 2 < 3 | True",
                "1 < 3 < 2 | False",
                "true == 1 | True",
                "2.5 > 2 | True"
            })
    void render_comparison_followsPython(String expression, String expected) {
        assertThat(render("{{ " + expression + " }}")).isEqualTo(expected);
    }

    @Test
    void render_compareMaps_comparesEntries() {
        assertThat(render("{{ a == b }}", "a", Map.of("k", 1L), "b", Map.of("k", 1.0)))
                .isEqualTo("True");
    }

    @Test
    void render_compareDates_usesNaturalOrder() {
        assertThat(render(
                        "{{ a < b }}",
                        "a",
                        java.time.LocalDate.of(2024, 1, 1),
                        "b",
                        java.time.LocalDate.of(2024, 2, 1)))
                .isEqualTo("True");
    }

    @Test
    void render_and_returnsFirstFalseOperand() {
        assertThat(render("[{{ a and b }}]", "a", "", "b", "x")).isEqualTo("[]");
        assertThat(render("[{{ a and b }}]", "a", "y", "b", "x")).isEqualTo("[x]");
    }

    @Test
    void render_or_returnsFirstTrueOperand() {
        assertThat(render("{{ a or b }}", "a", 0, "b", "fallback")).isEqualTo("fallback");
        assertThat(render("{{ a or b }}", "a", 5, "b", "fallback")).isEqualTo("5");
    }

    @Test
    void render_or_doesNotEvaluateRightWhenLeftIsTrue() {
        assertThat(render("{{ a or missing }}", "a", "set")).isEqualTo("set");
    }

    @Test
    void render_not_negatesTruth() {
        assertThat(render("{{ not a }} {{ not b }} {{ not not b }}", "a", "", "b", List.of(1)))
                .isEqualTo("True False True");
    }

    @Test
    void render_precedence_notBindsLooserThanComparison() {
        assertThat(render("{{ not 1 == 2 }}")).isEqualTo("True");
    }

    @Test
    void render_precedence_andBindsTighterThanOr() {
        assertThat(render("{{ true or false and false }}")).isEqualTo("True");
    }

    @Test
    void render_parentheses_groupExpressions() {
        assertThat(render("{{ (true or false) and false }}")).isEqualTo("False");
    }

    @Test
    void render_inOnList_testsMembership() {
        assertThat(render("{{ 2 in xs }} {{ 5 in xs }} {{ 5 not in xs }}", "xs", List.of(1, 2, 3)))
                .isEqualTo("True False True");
    }

    @Test
    void render_inOnString_testsSubstring() {
        assertThat(render("{{ 'ell' in s }} {{ 'x' in s }}", "s", "hello")).isEqualTo("True False");
    }

    @Test
    void render_inOnMap_testsKeys() {
        assertThat(render("{{ 'a' in m }} {{ 1 in m }}", "m", Map.of("a", 1))).isEqualTo("True False");
    }

    @Test
    void render_inOnRow_testsColumns() {
        assertThat(render("{{ 'name' in r }} {{ 'age' in r }}", "r", row("name", "Ann", "title", "CEO")))
                .isEqualTo("True False");
    }

    @Test
    void render_inOnSet_testsMembership() {
        assertThat(render("{{ 'b' in s }}", "s", Set.of("a", "b"))).isEqualTo("True");
    }

    @Test
    void render_concat_joinsAsText() {
        assertThat(render("{{ a ~ '-' ~ b ~ '-' ~ c }}", "a", 1, "b", 2.5, "c", false))
                .isEqualTo("1-2.5-False");
    }

    @Test
    void render_concatWithFilter_filterBindsTighter() {
        assertThat(render("{{ 'a' ~ b | upper }}", "b", "x")).isEqualTo("aX");
    }

    @Test
    void render_conditionalExpression_picksBranch() {
        assertThat(render("{{ 'yes' if ok else 'no' }}", "ok", true)).isEqualTo("yes");
        assertThat(render("{{ 'yes' if ok else 'no' }}", "ok", false)).isEqualTo("no");
    }

    @Test
    void render_conditionalWithoutElse_isEmptyWhenFalse() {
        assertThat(render("[{{ 'yes' if ok }}]", "ok", false)).isEqualTo("[]");
    }

    @Test
    void render_chainedConditional_associatesRight() {
        String t = "{{ 'a' if n == 1 else 'b' if n == 2 else 'c' }}";
        assertThat(render(t, "n", 2)).isEqualTo("b");
        assertThat(render(t, "n", 3)).isEqualTo("c");
    }

    // ---------------------------------------------------------------- truth

    @ParameterizedTest
    @CsvSource(
            quoteCharacter = '"',
            value = {"'',F", "'x',T", "0,F", "1,T", "0.0,F", "0.5,T", "none,F", "[],F", "[0],T", "false,F", "true,T"})
    void render_truthiness_followsPython(String literal, String expected) {
        assertThat(render("{% if " + literal + " %}T{% else %}F{% endif %}")).isEqualTo(expected);
    }

    @Test
    void render_truthinessOfContainers_emptyIsFalse() {
        String t = "{% if x %}T{% else %}F{% endif %}";
        assertThat(render(t, "x", Map.of())).isEqualTo("F");
        assertThat(render(t, "x", Map.of("a", 1))).isEqualTo("T");
        assertThat(render(t, "x", new int[0])).isEqualTo("F");
        assertThat(render(t, "x", Set.of(1))).isEqualTo("T");
        assertThat(render(t, "x", 0L)).isEqualTo("F");
        assertThat(render(t, "x", java.math.BigDecimal.ZERO)).isEqualTo("F");
    }

    // ---------------------------------------------------------------- tests

    @Test
    void render_isDefined_isTrueForPresentVariableEvenWhenNone() {
        assertThat(render("{{ x is defined }}", "x", null)).isEqualTo("True");
    }

    @Test
    void render_isDefined_isFalseForMissingVariable() {
        assertThat(render("{{ x is defined }} {{ x is undefined }} {{ x is not defined }}"))
                .isEqualTo("False True True");
    }

    @Test
    void render_isDefined_isFalseForMissingAttribute() {
        assertThat(render("{{ m.a is defined }} {{ m.b is defined }}", "m", Map.of("a", 1)))
                .isEqualTo("True False");
    }

    @Test
    void render_isDefinedOnNoneAttribute_isFalse() {
        assertThat(render("{{ info.product is defined }}", "info", null)).isEqualTo("False");
    }

    @Test
    void render_isDefinedOnOutOfRangeIndex_isFalse() {
        assertThat(render("{{ xs[5] is defined }}", "xs", List.of(1))).isEqualTo("False");
    }

    @Test
    void render_isNone_testsForNone() {
        assertThat(render("{{ a is none }} {{ b is none }} {{ b is not none }}", "a", null, "b", 0))
                .isEqualTo("True False True");
    }

    @Test
    void render_isNoneOnUndefined_isFalseWithoutError() {
        assertThat(render("{{ missing is none }}")).isEqualTo("False");
    }

    @Test
    void render_notWithTest_negatesTest() {
        assertThat(render("{{ not x is defined }}")).isEqualTo("True");
    }

    @Test
    void render_guardedOptionalField_skipsMissingValue() {
        String t = "{% if info is defined and info.product %}about {{ info.product }}{% else %}unknown{% endif %}";
        assertThat(render(t, "info", Map.of("product", "Widget"))).isEqualTo("about Widget");
        assertThat(render(t, "info", Map.of("product", ""))).isEqualTo("unknown");
        assertThat(render(t)).isEqualTo("unknown");
    }

    @Test
    void render_mapWithNullValues_treatsThemAsNone() {
        assertThat(render("{{ m.a is none }}", "m", context("a", null))).isEqualTo("True");
    }

    @Test
    void render_listWithNulls_iteratesThem() {
        assertThat(render("{% for x in xs %}[{{ x }}]{% endfor %}", "xs", Arrays.asList("a", null)))
                .isEqualTo("[a][]");
    }
}
