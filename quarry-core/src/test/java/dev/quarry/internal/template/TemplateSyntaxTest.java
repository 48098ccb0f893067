package dev.quarry.internal.template;

import static dev.quarry.internal.template.Templates.context;
import static dev.quarry.internal.template.Templates.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The statements of the template language: text, output, if, for, set, comments, whitespace control. */
class TemplateSyntaxTest {

    @Test
    void render_plainText_isCopiedUnchanged() {
        assertThat(render("Just text, { braces } and 100% } too")).isEqualTo("Just text, { braces } and 100% } too");
    }

    @Test
    void render_emptyTemplate_isEmpty() {
        assertThat(render("")).isEmpty();
    }

    @Test
    void render_output_printsVariable() {
        assertThat(render("Hi {{ name }}, hi {{name}}", "name", "Ann")).isEqualTo("Hi Ann, hi Ann");
    }

    @Test
    void render_outputWithClosingBracesInString_readsTheWholeString() {
        assertThat(render("{{ '}}' ~ x }}", "x", "!")).isEqualTo("}}!");
    }

    @Test
    void render_outputSpanningLines_isOneExpression() {
        assertThat(render("{{\n  name\n  | upper\n}}", "name", "ann")).isEqualTo("ANN");
    }

    @Test
    void render_ifTrue_rendersBody() {
        assertThat(render("{% if ok %}yes{% endif %}", "ok", true)).isEqualTo("yes");
    }

    @Test
    void render_ifFalse_rendersNothing() {
        assertThat(render("[{% if ok %}yes{% endif %}]", "ok", false)).isEqualTo("[]");
    }

    @Test
    void render_ifElse_rendersElseWhenFalse() {
        assertThat(render("{% if ok %}yes{% else %}no{% endif %}", "ok", 0)).isEqualTo("no");
    }

    @Test
    void render_elif_picksFirstTrueBranch() {
        String t = "{% if n == 1 %}one{% elif n == 2 %}two{% elif n >= 2 %}many{% else %}none{% endif %}";
        assertThat(render(t, "n", 1)).isEqualTo("one");
        assertThat(render(t, "n", 2)).isEqualTo("two");
        assertThat(render(t, "n", 3)).isEqualTo("many");
        assertThat(render(t, "n", 0)).isEqualTo("none");
    }

    @Test
    void render_nestedIf_evaluatesInnerOnlyWhenOuterIsTrue() {
        String t = "{% if a %}A{% if b %}B{% endif %}{% endif %}";
        assertThat(render(t, "a", true, "b", true)).isEqualTo("AB");
        assertThat(render(t, "a", true, "b", false)).isEqualTo("A");
        assertThat(render(t, "a", false, "b", true)).isEmpty();
    }

    @Test
    void render_forLoop_rendersBodyPerItem() {
        assertThat(render("{% for x in xs %}<{{ x }}>{% endfor %}", "xs", List.of("a", "b", "c")))
                .isEqualTo("<a><b><c>");
    }

    @Test
    void render_forLoopIndex_isOneBased() {
        assertThat(render("{% for x in xs %}{{ loop.index }}{% endfor %}", "xs", List.of("a", "b", "c")))
                .isEqualTo("123");
    }

    @Test
    void render_forLoopIndex0_isZeroBased() {
        assertThat(render("{% for x in xs %}{{ loop.index0 }}{% endfor %}", "xs", List.of("a", "b", "c")))
                .isEqualTo("012");
    }

    @Test
    void render_forLoopFirstAndLast_markTheEnds() {
        assertThat(render("{% for x in xs %}{{ loop.first }}/{{ loop.last }} {% endfor %}", "xs", List.of(1, 2, 3)))
                .isEqualTo("True/False False/False False/True ");
    }

    @Test
    void render_forLoopLength_isTheItemCount() {
        assertThat(render("{% for x in xs %}{{ loop.length }}{% endfor %}", "xs", List.of(7, 8)))
                .isEqualTo("22");
    }

    @Test
    void render_forLoopRevindex_countsDown() {
        assertThat(render(
                        "{% for x in xs %}{{ loop.revindex }}{{ loop.revindex0 }} {% endfor %}",
                        "xs", List.of(1, 2, 3)))
                .isEqualTo("32 21 10 ");
    }

    @Test
    void render_forLoopPrevAndNextItem_areNeighbours() {
        String t = "{% for x in xs %}{% if loop.previtem is defined %}{{ loop.previtem }}<{% endif %}{{ x }}"
                + "{% if loop.nextitem is defined %}>{{ loop.nextitem }}{% endif %} {% endfor %}";
        assertThat(render(t, "xs", List.of("a", "b", "c"))).isEqualTo("a>b a<b>c b<c ");
    }

    @Test
    void render_nestedLoops_eachLoopHasItsOwnIndex() {
        String t = "{% for g in groups %}{{ loop.index }}:{% for x in g %}{{ loop.index }}{{ x }}{% endfor %}"
                + "({{ loop.index }}/{{ loop.length }}) {% endfor %}";
        assertThat(render(t, "groups", List.of(List.of("a", "b"), List.of(), List.of("c"))))
                .isEqualTo("1:1a2b(1/3) 2:(2/3) 3:1c(3/3) ");
    }

    @Test
    void render_nestedLoops_innerReadsOuterVariable() {
        String t = "{% for a in as %}{% for b in bs %}{{ a }}{{ b }} {% endfor %}{% endfor %}";
        assertThat(render(t, "as", List.of("x", "y"), "bs", List.of(1, 2))).isEqualTo("x1 x2 y1 y2 ");
    }

    @Test
    void render_loopDepth_countsNesting() {
        String t = "{% for a in xs %}{{ loop.depth }}{% for b in xs %}{{ loop.depth }}{{ loop.depth0 }}{% endfor %}"
                + "{% endfor %}";
        assertThat(render(t, "xs", List.of(1))).isEqualTo("121");
    }

    @Test
    void render_forElse_rendersElseOnlyWhenEmpty() {
        String t = "{% for x in xs %}{{ x }}{% else %}nothing{% endfor %}";
        assertThat(render(t, "xs", List.of())).isEqualTo("nothing");
        assertThat(render(t, "xs", List.of(1))).isEqualTo("1");
    }

    @Test
    void render_forVariable_shadowsContextVariableOnlyInsideLoop() {
        assertThat(render("{{ x }}{% for x in xs %}{{ x }}{% endfor %}{{ x }}", "x", "o", "xs", List.of(1, 2)))
                .isEqualTo("o12o");
    }

    @Test
    void render_forWithUnpacking_bindsEachTarget() {
        assertThat(render(
                        "{% for k, v in pairs %}{{ k }}={{ v }};{% endfor %}",
                        "pairs", List.of(List.of("a", 1), List.of("b", 2))))
                .isEqualTo("a=1;b=2;");
    }

    @Test
    void render_forOverMappingItems_unpacksKeyAndValue() {
        assertThat(render("{% for k, v in m | items %}{{ k }}={{ v }} {% endfor %}", "m", context("x", 1, "y", null)))
                .isEqualTo("x=1 y= ");
    }

    @Test
    void render_set_bindsName() {
        assertThat(render("{% set greeting = 'Hello ' ~ name %}{{ greeting }}!", "name", "Ann"))
                .isEqualTo("Hello Ann!");
    }

    @Test
    void render_setShadowingContextVariable_readsOuterValueOnItsRightSide() {
        assertThat(render("{% set x = x ~ '!' %}{{ x }}", "x", "hi")).isEqualTo("hi!");
    }

    @Test
    void render_setInsideIf_isVisibleAfterIf() {
        assertThat(render("{% if true %}{% set x = 'in' %}{% endif %}{{ x }}")).isEqualTo("in");
    }

    @Test
    void render_setInsideFalseIf_fallsBackToContext() {
        assertThat(render("{% if false %}{% set x = 'in' %}{% endif %}{{ x }}", "x", "ctx"))
                .isEqualTo("ctx");
    }

    @Test
    void render_setInsideLoop_doesNotLeakOut() {
        assertThat(render(
                        "{% set last = 'none' %}{% for x in xs %}{% set last = x %}{{ last }}{% endfor %}|{{ last }}",
                        "xs", List.of(1, 2)))
                .isEqualTo("12|none");
    }

    @Test
    void render_setInsideLoop_doesNotCarryToNextIteration() {
        String t = "{% set v = 'outer' %}{% for x in xs %}{{ v }},{% if loop.first %}{% set v = 'first' %}{% endif %}"
                + "{{ v }};{% endfor %}";
        assertThat(render(t, "xs", List.of(1, 2))).isEqualTo("outer,first;outer,outer;");
    }

    @Test
    void render_comment_isDropped() {
        assertThat(render("a{# {{ not rendered }} {% if %} #}b")).isEqualTo("ab");
    }

    @Test
    void render_multilineComment_isDropped() {
        assertThat(render("a{# line one\nline two #}b")).isEqualTo("ab");
    }

    @Test
    void render_trailingNewline_isDropped() {
        assertThat(render("line\n")).isEqualTo("line");
    }

    @Test
    void render_twoTrailingNewlines_dropOnlyOne() {
        assertThat(render("line\n\n")).isEqualTo("line\n");
    }

    @Test
    void render_windowsNewlines_becomeUnixNewlines() {
        assertThat(render("a\r\nb\rc")).isEqualTo("a\nb\nc");
    }

    @Test
    void render_blockTagLine_keepsItsNewlineWithoutWhitespaceControl() {
        assertThat(render("{% for x in xs %}\n{{ x }}\n{% endfor %}", "xs", List.of(1, 2)))
                .isEqualTo("\n1\n\n2\n");
    }

    @Test
    void render_dashBeforeBlockEnd_stripsFollowingWhitespace() {
        assertThat(render("{% for x in xs -%}\n   {{ x }}{% endfor %}", "xs", List.of(1, 2)))
                .isEqualTo("12");
    }

    @Test
    void render_dashAfterBlockStart_stripsPrecedingWhitespace() {
        assertThat(render("a \n\t {%- if true %}b{% endif %}")).isEqualTo("ab");
    }

    @Test
    void render_dashesOnOutput_stripBothSides() {
        assertThat(render("a  {{- x -}}  \n b", "x", "X")).isEqualTo("aXb");
    }

    @Test
    void render_dashesOnComment_stripBothSides() {
        assertThat(render("a \n {#- note -#} \n b")).isEqualTo("ab");
    }

    @Test
    void render_dashStrip_stopsAtNonWhitespace() {
        assertThat(render("a. {%- if true -%} .b{% endif %}")).isEqualTo("a..b");
    }

    @Test
    void render_plusModifier_isAcceptedAndChangesNothing() {
        assertThat(render("a {%+ if true +%} b{% endif %}")).isEqualTo("a  b");
    }

    @Test
    void render_typicalPromptWithWhitespaceControl_hasNoStrayBlankLines() {
        String t = """
                Review the ticket.
                {% if tags -%}
                Tags: {{ tags | join(', ') }}
                {% endif -%}
                Comments:
                {% for c in comments -%}
                {{ loop.index }}. {{ c }}
                {% endfor -%}
                Answer yes or no.
                """;
        assertThat(render(t, "tags", List.of("billing", "urgent"), "comments", List.of("late", "wrong amount")))
                .isEqualTo("Review the ticket.\nTags: billing, urgent\nComments:\n1. late\n2. wrong amount\n"
                        + "Answer yes or no.");
    }

    /** Seeded: for any whitespace around a dashed tag, nothing of it survives. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void render_dashedTagsWithRandomWhitespace_removeAllOfIt(long seed) {
        Random random = new Random(seed);
        String[] spaces = {" ", "\t", "\n", "\r\n", "\u00a0"};
        for (int i = 0; i < 50; i++) {
            String before = randomWhitespace(random, spaces);
            String after = randomWhitespace(random, spaces);
            String t = "[" + before + "{%- if true -%}" + after + "x" + before + "{{- y -}}" + after + "{% endif %}]";
            assertThat(render(t, "y", "Y")).as("template %s", t).isEqualTo("[xY]");
        }
    }

    private static String randomWhitespace(Random random, String[] spaces) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(spaces[random.nextInt(spaces.length)]);
        }
        return sb.toString();
    }

    /** Seeded: loop.index runs 1..n and loop.index0 0..n-1 for lists of random length. */
    @ParameterizedTest
    @MethodSource("randomLists")
    void render_loopIndexOverRandomLists_countsFromOne(List<Integer> items) {
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            expected.append(i + 1)
                    .append(':')
                    .append(i)
                    .append(':')
                    .append(items.get(i))
                    .append(' ');
        }
        assertThat(render("{% for x in xs %}{{ loop.index }}:{{ loop.index0 }}:{{ x }} {% endfor %}", "xs", items))
                .isEqualTo(expected.toString());
    }

    static Stream<Arguments> randomLists() {
        Random random = new Random(42);
        return IntStream.range(0, 8).mapToObj(i -> {
            List<Integer> list = new ArrayList<>();
            int n = random.nextInt(30);
            for (int k = 0; k < n; k++) {
                list.add(random.nextInt(1000));
            }
            return Arguments.of(list);
        });
    }
}
