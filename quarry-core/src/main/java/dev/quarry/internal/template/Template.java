package dev.quarry.internal.template;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.Row;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed prompt template in a Jinja2-compatible subset: parse once, render many times, from any
 * number of threads.
 *
 * <pre>{@code
 * Template t = Template.parse("Summarize this {{ kind }}: {{ body | trim }}");
 * t.variables();                                  // [kind, body]
 * t.render(Map.of("kind", "ticket", "body", " The app crashes. "));
 * // "Summarize this ticket: The app crashes."
 * }</pre>
 *
 * <h2>Syntax</h2>
 *
 * <ul>
 *   <li>{@code {{ expr }}} prints a value; {@code {# ... #}} is a comment.
 *   <li>{@code {% if expr %}...{% elif expr %}...{% else %}...{% endif %}}.
 *   <li>{@code {% for x in expr %}...{% else %}...{% endfor %}} (the else runs when there is nothing
 *       to loop over), with {@code loop.index} (1-based), {@code loop.index0}, {@code loop.revindex},
 *       {@code loop.revindex0}, {@code loop.first}, {@code loop.last}, {@code loop.length}, {@code
 *       loop.previtem}, {@code loop.nextitem}, {@code loop.depth}; {@code {% for k, v in m | items %}}
 *       unpacks pairs. A loop's variables, and names set inside it, do not leak out of it.
 *   <li>{@code {% set name = expr %}}.
 *   <li>Whitespace control as in Jinja: <code>&#123;%-</code>, <code>&#123;&#123;-</code> and
 *       <code>&#123;#-</code> remove the whitespace (newlines included) before the tag,
 *       <code>-%&#125;</code>, <code>-&#125;&#125;</code> and <code>-#&#125;</code> the whitespace
 *       after it. Jinja's defaults apply otherwise: no {@code trim_blocks}, no {@code lstrip_blocks},
 *       and a single trailing newline at the end of the template is removed.
 *   <li>Expressions: names; {@code a.b} and {@code a['b']} on maps, {@link Row}s (their fields) and
 *       records (their components; an {@code Optional} component reads as its value or none);
 *       {@code a[0]} and {@code a[-1]} on lists and strings; string, integer, float, {@code
 *       true}/{@code false} and {@code none} literals, lists {@code [a, b]};
 *       {@code == != < <= > >=} (chainable), {@code in}, {@code not in}; {@code and}, {@code or},
 *       {@code not} (which return operands, as in Python); {@code ~} (join as text); {@code x if c
 *       else y}; tests {@code is [not] defined|undefined|none}; filters {@code upper}, {@code lower},
 *       {@code trim(chars)}, {@code length} ({@code count}), {@code default(value, boolean)} ({@code
 *       d}), {@code join(sep, attribute)}, {@code tojson(indent)}, {@code truncate(length,
 *       killwords, end, leeway)}, {@code first}, {@code last}, {@code replace(old, new, count)},
 *       {@code string}, {@code items}, each with Jinja's parameters and behaviour. Arithmetic,
 *       method calls, macros, includes and autoescaping are not supported.
 * </ul>
 *
 * <h2>Values</h2>
 *
 * Values print as Jinja prints their Python counterparts: strings as they are, integers as digits,
 * floats in Python's shortest form ({@code 1.5}, {@code 3.0}, {@code 1e-05}), booleans as {@code
 * True}/{@code False}, lists and mappings (rows and records included) in Python's repr ({@code ['a',
 * 'b']}, {@code {'k': 1}}), dates in ISO form. Truth is Python's: none, false, 0, and empty strings,
 * lists and mappings are false.
 *
 * <p><b>One deliberate difference:</b> {@code {{ x }}} prints nothing when x is none, where plain
 * Jinja prints {@code None} (this is Jinja with {@code finalize=lambda v: '' if v is None else v}):
 * a prompt should not say "None". Elsewhere none stays Python's: {@code none | string} and {@code
 * ~} give {@code None}, and a none inside a list prints as {@code None}.
 *
 * <p>Undefined names are strict, as with Jinja's {@code StrictUndefined}: printing, testing or
 * looping over a variable or attribute that does not exist fails with an {@link
 * ErrorCode#INVALID_TEMPLATE} error that names it and lists what exists; only {@code is defined}
 * and {@code default} accept it. {@code tojson} writes exactly what Jinja's does (sorted keys,
 * non-ASCII and {@code <>&'} escaped as {@code \\uXXXX}).
 */
public final class Template {
    private static final int MAX_HINT = 1 << 16;

    private final String source;
    private final SourceText text;
    private final List<Node> nodes;
    private final int slotCount;
    private final int sizeHint;
    private final Set<String> variables;
    private final Set<String> paths;

    private Template(String source, SourceText text, Parser.Result parsed) {
        this.source = source;
        this.text = text;
        this.nodes = parsed.nodes();
        this.slotCount = parsed.slotCount();
        Analysis analysis = new Analysis();
        Node.analyzeAll(nodes, analysis);
        this.variables = analysis.variables();
        this.paths = analysis.paths();
        this.sizeHint = sizeHint(nodes);
    }

    /**
     * Parses a template.
     *
     * <pre>{@code Template t = Template.parse("{% for c in comments %}{{ loop.index }}. {{ c }}\n{% endfor %}");}</pre>
     *
     * @param source the template text
     * @return the parsed template, immutable and safe to share between threads
     * @throws QuarryException {@link ErrorCode#INVALID_TEMPLATE} when the text is not a valid
     *     template; the message gives the line and column, quotes the line and says what was expected
     */
    public static Template parse(String source) {
        if (source == null) {
            throw new QuarryException(
                    ErrorCode.INVALID_TEMPLATE,
                    "Template text is null; pass a string such as" + " \"Summarize: {{ body }}\"");
        }
        SourceText text = new SourceText(normalize(source));
        List<Token> tokens = Lexer.tokenize(text);
        return new Template(source, text, Parser.parse(text, tokens));
    }

    /**
     * Jinja's source normalization: {@code \r\n} and {@code \r} become {@code \n}, and one trailing
     * newline is dropped ({@code keep_trailing_newline=False}).
     */
    private static String normalize(String source) {
        String s =
                source.indexOf('\r') < 0 ? source : source.replace("\r\n", "\n").replace('\r', '\n');
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Renders the template with the variables of a map.
     *
     * <pre>{@code
     * String prompt = Template.parse("Is {{ left.name }} the same as {{ right.title }}?")
     *         .render(Map.of("left", leftRow, "right", rightRow));
     * }</pre>
     *
     * @param context the variables by name; values may be null (none)
     * @return the rendered text
     * @throws QuarryException {@link ErrorCode#INVALID_TEMPLATE} when the template reads a variable
     *     or attribute the context does not have, or applies an operation to a value of the wrong
     *     type; the message names the expression, its line and column, and what is available
     */
    public String render(Map<String, ?> context) {
        if (context == null) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT, "Template context is null; pass a map of variables, e.g. Map.of()");
        }
        return run(Context.of(context));
    }

    /**
     * Renders the template with a row's columns as its variables.
     *
     * <pre>{@code String prompt = Template.parse("Classify: {{ body }}").render(row);}</pre>
     *
     * @param row the row whose columns the template reads by name
     * @return the rendered text
     * @throws QuarryException {@link ErrorCode#INVALID_TEMPLATE} as for {@link #render(Map)}
     */
    public String render(Row row) {
        if (row == null) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Template row is null; pass the row to render");
        }
        return run(Context.of(row));
    }

    private String run(Context context) {
        Frame frame = new Frame(context, slotCount);
        StringBuilder out = new StringBuilder(sizeHint);
        try {
            Node.renderAll(nodes, frame, out);
        } catch (RenderException e) {
            throw TemplateErrors.render(text, e);
        }
        return out.toString();
    }

    /**
     * The root variables the template reads from its context, in order of first use: {@code {{
     * left.name }}} reads {@code left}; loop variables, {@code loop} and names the template sets
     * itself are not included. A name read under {@code is defined} or {@code default} counts too.
     *
     * <pre>{@code Template.parse("{% for c in comments %}{{ c }}{% endfor %}").variables() // [comments]}</pre>
     *
     * @return an unmodifiable, ordered set of names
     */
    public Set<String> variables() {
        return variables;
    }

    /**
     * The context paths the template reads, as far as they are known without data: {@code {{
     * left.name }}} reads {@code left.name}, {@code {{ x['k'] }}} reads {@code x.k}, {@code {{ x[0]
     * }}} reads {@code x}; a path stops at a computed subscript or a filter. Only the longest path of
     * each expression is listed ({@code left.name}, not also {@code left}).
     *
     * <pre>{@code Template.parse("{{ left.name }} vs {{ right.title }}").paths() // [left.name, right.title]}</pre>
     *
     * @return an unmodifiable, ordered set of dotted paths
     */
    public Set<String> paths() {
        return paths;
    }

    /**
     * The template text as given to {@link #parse}.
     *
     * <pre>{@code String s = template.source();}</pre>
     *
     * @return the source text
     */
    public String source() {
        return source;
    }

    private static int sizeHint(List<Node> nodes) {
        long size = 16;
        for (Node node : nodes) {
            size += node instanceof Node.Text t ? t.text().length() : 32;
        }
        return (int) Math.min(size, MAX_HINT);
    }

    /** Templates are equal when their source texts are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Template other && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        String s = source.length() > 60 ? source.substring(0, 57) + "..." : source;
        return "Template[" + s.replace("\n", "\\n") + "]";
    }
}
