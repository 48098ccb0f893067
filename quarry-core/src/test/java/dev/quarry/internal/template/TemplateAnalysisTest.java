package dev.quarry.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** variables() and paths(): what a template reads from its context, known before any data. */
class TemplateAnalysisTest {

    @Test
    void variables_plainNames_inOrderOfFirstUse() {
        assertThat(Template.parse("{{ b }} {{ a }} {{ b }}").variables()).containsExactly("b", "a");
    }

    @Test
    void variables_textOnly_isEmpty() {
        Template t = Template.parse("no variables here");
        assertThat(t.variables()).isEmpty();
        assertThat(t.paths()).isEmpty();
    }

    @Test
    void variables_dottedAccess_reportsRoot() {
        assertThat(Template.parse("{{ left.name }} {{ right.info.title }}").variables())
                .containsExactly("left", "right");
    }

    @Test
    void paths_dottedAccess_reportsFullPath() {
        assertThat(Template.parse("Is {{ left.name }} the company {{ right.company.name }}?")
                        .paths())
                .containsExactly("left.name", "right.company.name");
    }

    @Test
    void paths_plainName_isItsOwnPath() {
        assertThat(Template.parse("{{ body }}").paths()).containsExactly("body");
    }

    @Test
    void paths_stringSubscript_isADottedPath() {
        assertThat(Template.parse("{{ left['name'] }}").paths()).containsExactly("left.name");
    }

    @Test
    void paths_integerSubscript_endsThePath() {
        Template t = Template.parse("{{ xs[0].name }}");
        assertThat(t.paths()).containsExactly("xs");
        assertThat(t.variables()).containsExactly("xs");
    }

    @Test
    void variables_computedSubscript_reportsBothSides() {
        Template t = Template.parse("{{ m[key] }}");
        assertThat(t.variables()).containsExactly("m", "key");
        assertThat(t.paths()).containsExactly("m", "key");
    }

    @Test
    void variables_loopVariable_isExcludedAndIterableIncluded() {
        assertThat(Template.parse("{% for c in comments %}{{ c }}{% endfor %}").variables())
                .containsExactly("comments");
    }

    @Test
    void variables_loopObject_isExcluded() {
        assertThat(Template.parse("{% for c in cs %}{{ loop.index }}{{ loop.last }}{% endfor %}")
                        .variables())
                .containsExactly("cs");
    }

    @Test
    void paths_attributesOfLoopVariable_areNotContextPaths() {
        Template t = Template.parse("{% for c in left.comments %}{{ c.text }} by {{ c.author }}{% endfor %}");
        assertThat(t.variables()).containsExactly("left");
        assertThat(t.paths()).containsExactly("left.comments");
    }

    @Test
    void variables_nameUsedInsideAndOutsideLoop_countsTheOutsideUse() {
        assertThat(Template.parse("{% for x in xs %}{{ x }}{% endfor %}{{ x }}").variables())
                .containsExactly("xs", "x");
    }

    @Test
    void variables_nestedLoops_excludeBothTargets() {
        Template t = Template.parse(
                "{% for g in groups %}{% for i in g.items %}{{ g.name }}{{ i }}{{ sep }}{% endfor %}" + "{% endfor %}");
        assertThat(t.variables()).containsExactly("groups", "sep");
    }

    @Test
    void variables_unpackedTargets_areExcluded() {
        assertThat(Template.parse("{% for k, v in m | items %}{{ k }}{{ v }}{% endfor %}")
                        .variables())
                .containsExactly("m");
    }

    @Test
    void variables_setName_isExcludedAndItsValueIncluded() {
        Template t = Template.parse("{% set n = left.name | upper %}{{ n }}{{ n }}");
        assertThat(t.variables()).containsExactly("left");
        assertThat(t.paths()).containsExactly("left.name");
    }

    @Test
    void variables_nameReadBeforeSet_isAContextRead() {
        assertThat(Template.parse("{{ x }}{% set x = 1 %}{{ x }}").variables()).containsExactly("x");
    }

    @Test
    void variables_setInOneBranchOnly_mayReadContext() {
        assertThat(Template.parse("{% if c %}{% set x = 1 %}{% endif %}{{ x }}").variables())
                .containsExactly("c", "x");
    }

    @Test
    void variables_setInEveryBranch_isLocal() {
        assertThat(Template.parse("{% if c %}{% set x = 1 %}{% elif d %}{% set x = 2 %}{% else %}{% set x = 3 %}"
                                + "{% endif %}{{ x }}")
                        .variables())
                .containsExactly("c", "d");
    }

    @Test
    void variables_setInLoop_isLocalToTheLoop() {
        assertThat(Template.parse("{% for i in xs %}{% set y = i %}{{ y }}{% endfor %}{{ y }}")
                        .variables())
                .containsExactly("xs", "y");
    }

    @Test
    void variables_filterArgumentsAndTests_areIncluded() {
        assertThat(Template.parse("{{ a | default(b) }}{% if c is defined %}{{ d | join(sep) }}{% endif %}")
                        .variables())
                .containsExactly("a", "b", "c", "d", "sep");
    }

    @Test
    void variables_allExpressionForms_areWalked() {
        Template t = Template.parse("{{ [a, b] }}{{ c ~ d }}{{ e if f else g }}{{ not h }}{{ i and j or k }}"
                + "{{ l < m }}{{ n in o }}{{ -p }}");
        assertThat(t.variables())
                .containsExactlyInAnyOrder(
                        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p");
    }

    @Test
    void variables_elseOfLoop_isAnalyzed() {
        assertThat(Template.parse("{% for x in xs %}{% else %}{{ fallback }}{% endfor %}")
                        .variables())
                .containsExactly("xs", "fallback");
    }

    @Test
    void variables_commentedOut_areIgnored() {
        assertThat(Template.parse("{# {{ hidden }} #}{{ shown }}").variables()).containsExactly("shown");
    }

    @Test
    void variables_areUnmodifiable() {
        Template t = Template.parse("{{ a.b }}");
        assertThatThrownBy(() -> t.variables().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.paths().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
