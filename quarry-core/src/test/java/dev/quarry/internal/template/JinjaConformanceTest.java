package dev.quarry.internal.template;

import static dev.quarry.internal.template.Templates.context;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Representative templates with the output Jinja2 (3.1, default Environment with StrictUndefined)
 * gives for them. Each expected value follows from Jinja's documented semantics; the comment says
 * which rule it exercises.
 */
class JinjaConformanceTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                jinja("variable", "Hello {{ name }}!", context("name", "World"), "Hello World!"),
                // loop.index is 1-based; text inside the loop, newline included, repeats per item
                jinja(
                        "numbered list",
                        "{% for c in comments %}{{ loop.index }}. {{ c }}\n{% endfor %}",
                        context("comments", List.of("slow", "broken")),
                        "1. slow\n2. broken\n"),
                // '-%}' eats the newline and indentation after the tag
                jinja(
                        "strip after block",
                        "{% for item in items -%}\n  {{ item }}\n{% endfor %}",
                        context("items", List.of(1, 2)),
                        "1\n2\n"),
                // '{%-' eats the whitespace (newline included) before the tag
                jinja("strip before block", "a  \n  {%- if true %}b{% endif %}", context(), "ab"),
                // no trim_blocks by default: the newline after a block tag stays
                jinja("newlines kept around blocks", "{% if true %}\nyes\n{% endif %}\n", context(), "\nyes\n"),
                // keep_trailing_newline=False: one final newline of the template is dropped
                jinja("trailing newline dropped", "Hi {{ name }}\n", context("name", "Ann"), "Hi Ann"),
                jinja(
                        "if elif else",
                        "{% if n > 10 %}big{% elif n > 5 %}medium{% else %}small{% endif %}",
                        context("n", 7),
                        "medium"),
                jinja(
                        "for else on empty",
                        "{% for x in xs %}{{ x }}{% else %}empty{% endfor %}",
                        context("xs", List.of()),
                        "empty"),
                // the inner loop has its own loop; the outer one is back after it ends
                jinja(
                        "nested loops",
                        "{% for row in rows %}{% for c in row %}{{ loop.index }}{{ c }}{% endfor %}|{{ loop.index }};{%"
                                + " endfor %}",
                        context("rows", List.of(List.of("a", "b"), List.of("c"))),
                        "1a2b|1;1c|2;"),
                jinja(
                        "loop first and last",
                        "{% for x in xs %}{% if not loop.first %}, {% endif %}{{ x }}{% if loop.last %}.{% endif %}{%"
                                + " endfor %}",
                        context("xs", List.of("a", "b", "c")),
                        "a, b, c."),
                jinja(
                        "loop length and revindex",
                        "{% for x in xs %}{{ loop.index }}/{{ loop.length }}:{{ loop.revindex }} {% endfor %}",
                        context("xs", List.of("x", "y")),
                        "1/2:2 2/2:1 "),
                // a set inside a loop does not leak out of it (a well-known Jinja rule)
                jinja(
                        "set in loop is scoped",
                        "{% set total = 'none' %}{% for x in xs %}{% set total = x %}{% endfor %}{{ total }}",
                        context("xs", List.of(1, 2)),
                        "none"),
                jinja("booleans print as Python", "{{ a }} {{ b }}", context("a", true, "b", false), "True False"),
                jinja(
                        "floats print as Python repr",
                        "{{ a }} {{ b }} {{ c }} {{ d }}",
                        context("a", 1.5, "b", 3.0, "c", 1e-5, "d", 1e16),
                        "1.5 3.0 1e-05 1e+16"),
                jinja(
                        "list and dict repr",
                        "{{ tags }} {{ m }}",
                        context("tags", List.of("a", "it's"), "m", Map.of("k", 1)),
                        "['a', \"it's\"] {'k': 1}"),
                jinja("join", "{{ tags | join(', ') }}", context("tags", List.of("a", "b", "c")), "a, b, c"),
                // default applies to undefined only, unless boolean=true
                jinja(
                        "default",
                        "{{ missing | default('n/a') }} [{{ empty | default('n/a') }}] {{ empty | d('n/a', true) }}",
                        context("empty", ""),
                        "n/a [] n/a"),
                jinja("trim then upper", "{{ '  Hi There ' | trim | upper }}", context(), "HI THERE"),
                // length counts characters, not bytes
                jinja(
                        "length",
                        "{{ items | length }} {{ 'héllo' | length }}",
                        context("items", List.of(1, 2, 3)),
                        "3 5"),
                // truncate(12): cut at 12 - len('...') = 9, back to the last space, add '...';
                // leeway 5 keeps text up to 12 + 5 characters whole
                jinja(
                        "truncate",
                        "{{ s | truncate(12) }}|{{ s | truncate(12, true) }}|{{ 'Hello world' | truncate(9) }}",
                        context("s", "Hello beautiful world"),
                        "Hello...|Hello bea...|Hello world"),
                // tojson: keys sorted, ', ' and ': ' separators, ' escaped for HTML safety
                jinja(
                        "tojson",
                        "{{ data | tojson }}",
                        context("data", context("b", 1, "a", List.of("x", "y's"), "c", null)),
                        "{\"a\": [\"x\", \"y\\u0027s\"], \"b\": 1, \"c\": null}"),
                jinja(
                        "in and not in",
                        "{% if 'err' in msg %}yes{% endif %}{% if 3 not in nums %} no3{% endif %}",
                        context("msg", "an error", "nums", List.of(1, 2)),
                        "yes no3"),
                // 'or' and 'and' return an operand, not a boolean
                jinja(
                        "and or return operands",
                        "{{ nick or name }} {{ a and b }}",
                        context("nick", "", "name", "Ann", "a", 1, "b", "x"),
                        "Ann x"),
                jinja("comments", "a{# note #}b{#- x -#}   c", context(), "abc"),
                jinja("chained comparison", "{{ 1 < x < 5 }} {{ 1 < y < 5 }}", context("x", 3, "y", 7), "True False"),
                jinja("inline if", "{{ 'many' if n > 1 else 'one' }} {{ 'x' if false }}.", context("n", 2), "many ."),
                jinja("string iteration", "{% for ch in 'abc' %}{{ ch }}-{% endfor %}", context(), "a-b-c-"),
                // iterating a dict yields its keys in insertion order
                jinja(
                        "mapping iteration and items",
                        "{% for k in m %}{{ k }}={{ m[k] }};{% endfor %} {% for k, v in m | items %}{{ k }}:{{ v }} {%"
                                + " endfor %}",
                        context("m", context("a", 1, "b", 2)),
                        "a=1;b=2; a:1 b:2 "),
                jinja(
                        "subscripts",
                        "{{ xs[0] }}{{ xs[-1] }}{{ m['k'] }}{{ m.k }}",
                        context("xs", List.of("f", "g", "l"), "m", Map.of("k", "v")),
                        "flvv"),
                // Python equality: 10 == 10.0 and True == 1
                jinja(
                        "numeric equality",
                        "{{ 10 == 10.0 }} {{ true == 1 }} {{ '1' == 1 }}",
                        context(),
                        "True True False"),
                // '~' converts with str(): None prints as None here
                jinja("concat", "{{ 'a' ~ 1 ~ none ~ true }}", context(), "a1NoneTrue"),
                jinja(
                        "is defined and is none",
                        "{{ x is defined }} {{ y is defined }} {{ x is none }} {{ x is not none }}",
                        context("x", null),
                        "True False True False"));
    }

    private static Arguments jinja(String name, String template, Map<String, Object> context, String expected) {
        return Arguments.of(name, template, context, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void render_matchesJinja(String name, String template, Map<String, Object> context, String expected) {
        assertThat(Template.parse(template).render(context)).isEqualTo(expected);
    }
}
