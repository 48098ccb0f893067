package dev.quarry.internal.template;

import dev.quarry.QuarryException;
import dev.quarry.internal.analyzer.Suggestions;
import dev.quarry.internal.template.Expr.CompareOp;
import dev.quarry.internal.template.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns tokens into {@link Node}s, resolving every name while it parses: a name bound by an
 * enclosing {@code for} or an earlier {@code set} becomes a {@link Expr.Local} slot, any other name a
 * {@link Expr.Global} read from the context. Scoping follows Jinja: a {@code for} body is a scope of
 * its own (its targets, {@code loop} and the names it sets do not leak out); {@code if} is not.
 *
 * <p>Operator precedence, loosest first, as in Jinja: {@code x if c else y}; {@code or}; {@code
 * and}; {@code not}; comparisons and {@code in} (chainable); {@code ~}; unary {@code -}; then
 * postfix {@code .name}, {@code [key]}, {@code | filter} and {@code is test}.
 */
final class Parser {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else");
    private static final List<String> TAGS = List.of("if", "elif", "else", "endif", "for", "endfor", "set");
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "//", "%", "**");
    private static final int MAX_NESTING = 100;

    /** A parsed template: its nodes and how many local slots a render needs. */
    record Result(List<Node> nodes, int slotCount) {
        Result {
            nodes = List.copyOf(nodes);
        }
    }

    /** A block tag waiting for its end tag. */
    private record Open(String tag, int pos) {}

    /** Names bound in one scope: slot numbers, and which are surely assigned at this point. */
    private static final class Scope {
        final @Nullable Scope parent;
        final Map<String, Integer> slots = new HashMap<>();
        final List<Integer> setSlots = new ArrayList<>();
        Set<String> definite = new HashSet<>();

        Scope(@Nullable Scope parent) {
            this.parent = parent;
        }
    }

    private final SourceText source;
    private final List<Token> tokens;
    private final Deque<Open> open = new ArrayDeque<>();
    private int p;
    private Scope scope = new Scope(null);
    private int slotCount;
    private int loopDepth;
    private int nesting;

    private Parser(SourceText source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    static Result parse(SourceText source, List<Token> tokens) {
        Parser parser = new Parser(source, tokens);
        List<Node> nodes = parser.parseBody();
        if (parser.peek().kind() != Kind.EOF) {
            throw parser.unexpectedTag(parser.peek(), parser.peek(1));
        }
        return new Result(nodes, parser.slotCount);
    }

    // ---------------------------------------------------------------- statements

    private List<Node> parseBody() {
        List<Node> nodes = new ArrayList<>();
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case EOF:
                    return nodes;
                case TEXT:
                    p++;
                    addText(nodes, (String) t.value());
                    break;
                case VARIABLE_BEGIN:
                    p++;
                    if (peek().kind() == Kind.VARIABLE_END) {
                        throw error(
                                t.pos(),
                                "Empty expression '{{ }}' at " + where(t) + "; put a variable between the braces, e.g."
                                        + " '{{ body }}'");
                    }
                    Expr e = parseExpression();
                    expectEnd(Kind.VARIABLE_END, t, "{{", "}}");
                    nodes.add(new Node.Output(e));
                    break;
                case BLOCK_BEGIN:
                    Token name = peek(1);
                    if (name.kind() != Kind.NAME) {
                        throw error(
                                name.pos(),
                                "Expected a tag name after '{%' at " + where(t) + ", found " + name.describe()
                                        + ". Supported tags: " + String.join(", ", TAGS));
                    }
                    switch (name.text()) {
                        case "if":
                            nodes.add(parseIf());
                            break;
                        case "for":
                            nodes.add(parseFor());
                            break;
                        case "set":
                            nodes.add(parseSet());
                            break;
                        case "elif":
                        case "else":
                        case "endif":
                        case "endfor":
                            return nodes;
                        default:
                            throw error(
                                    t.pos(),
                                    "Unknown tag '{% " + name.text() + " %}' at " + where(t) + ". Supported tags: "
                                            + String.join(", ", TAGS) + "."
                                            + Suggestions.didYouMean(name.text(), TAGS));
                    }
                    break;
                default:
                    throw error(t.pos(), "Unexpected " + t.describe() + " at " + where(t));
            }
        }
    }

    private static void addText(List<Node> nodes, String text) {
        if (!nodes.isEmpty() && nodes.get(nodes.size() - 1) instanceof Node.Text previous) {
            nodes.set(nodes.size() - 1, new Node.Text(previous.text() + text));
        } else {
            nodes.add(new Node.Text(text));
        }
    }

    private Node parseIf() {
        Token begin = next();
        next(); // if
        enterBlock(begin);
        open.push(new Open("if", begin.pos()));
        List<Expr> conditions = new ArrayList<>();
        List<List<Node>> branches = new ArrayList<>();
        List<Node> otherwise = List.of();
        conditions.add(parseExpression());
        expectEnd(Kind.BLOCK_END, begin, "{% if", "%}");
        Set<String> before = new HashSet<>(scope.definite);
        List<Set<String>> assigned = new ArrayList<>();
        boolean seenElse = false;
        while (true) {
            scope.definite = new HashSet<>(before);
            List<Node> body = parseBody();
            assigned.add(scope.definite);
            if (seenElse) {
                otherwise = body;
            } else {
                branches.add(body);
            }
            Token tagBegin = peek();
            if (tagBegin.kind() == Kind.EOF) {
                throw unclosed("if", begin);
            }
            Token tag = peek(1);
            switch (tag.text()) {
                case "elif":
                    if (seenElse) {
                        throw error(
                                tagBegin.pos(),
                                "'{% elif %}' at " + where(tagBegin) + " comes after '{% else %}' in the '{% if %}'"
                                        + " opened at " + where(begin) + "; move it before the else");
                    }
                    p += 2;
                    conditions.add(parseExpression());
                    expectEnd(Kind.BLOCK_END, tagBegin, "{% elif", "%}");
                    break;
                case "else":
                    if (seenElse) {
                        throw error(
                                tagBegin.pos(),
                                "Second '{% else %}' at " + where(tagBegin) + " in the '{% if %}' opened at "
                                        + where(begin) + "; an if has at most one else");
                    }
                    p += 2;
                    expectEnd(Kind.BLOCK_END, tagBegin, "{% else", "%}");
                    seenElse = true;
                    break;
                case "endif":
                    p += 2;
                    expectEnd(Kind.BLOCK_END, tagBegin, "{% endif", "%}");
                    Set<String> definite = new HashSet<>(before);
                    if (seenElse) {
                        Set<String> inAll = new HashSet<>(assigned.get(0));
                        for (Set<String> s : assigned) {
                            inAll.retainAll(s);
                        }
                        definite.addAll(inAll);
                    }
                    scope.definite = definite;
                    open.pop();
                    leaveBlock();
                    return new Node.If(conditions, branches, otherwise);
                default:
                    throw unexpectedTag(tagBegin, tag);
            }
        }
    }

    private Node parseFor() {
        Token begin = next();
        next(); // for
        enterBlock(begin);
        List<String> targets = new ArrayList<>();
        while (true) {
            Token t = next();
            if (t.kind() != Kind.NAME || KEYWORDS.contains(t.text())) {
                throw error(
                        t.pos(),
                        "Expected a loop variable name at " + where(t) + ", found " + t.describe()
                                + "; write '{% for item in items %}'");
            }
            if (targets.contains(t.text())) {
                throw error(t.pos(), "Loop variable '" + t.text() + "' is named twice at " + where(t));
            }
            targets.add(t.text());
            if (!peek().isOperator(",")) {
                break;
            }
            next();
        }
        Token in = next();
        if (!in.isName("in")) {
            throw error(
                    in.pos(),
                    "Expected 'in' after the loop variable at " + where(in) + ", found " + in.describe()
                            + "; write '{% for item in items %}'");
        }
        Expr iterable = parseOr();
        if (peek().isName("if")) {
            throw error(
                    peek().pos(),
                    "Loop filters ('{% for x in xs if ... %}') are not supported, at " + where(peek())
                            + "; put an '{% if %}' inside the loop instead");
        }
        if (peek().isName("recursive")) {
            throw error(peek().pos(), "Recursive loops are not supported, at " + where(peek()));
        }
        expectEnd(Kind.BLOCK_END, begin, "{% for", "%}");
        open.push(new Open("for", begin.pos()));

        Scope outer = scope;
        Scope body = new Scope(outer);
        List<Integer> targetSlots = new ArrayList<>();
        for (String target : targets) {
            int slot = slotCount++;
            body.slots.put(target, slot);
            body.definite.add(target);
            targetSlots.add(slot);
        }
        int loopSlot = slotCount++;
        body.slots.put("loop", loopSlot);
        body.definite.add("loop");

        scope = body;
        loopDepth++;
        List<Node> nodes = parseBody();
        loopDepth--;
        scope = outer;

        List<Node> otherwise = List.of();
        Token tagBegin = peek();
        if (tagBegin.kind() == Kind.EOF) {
            throw unclosed("for", begin);
        }
        Token tag = peek(1);
        if (tag.isName("else")) {
            p += 2;
            expectEnd(Kind.BLOCK_END, tagBegin, "{% else", "%}");
            Set<String> before = new HashSet<>(scope.definite);
            otherwise = parseBody();
            scope.definite = before; // the else may not run: its sets are not sure
            tagBegin = peek();
            if (tagBegin.kind() == Kind.EOF) {
                throw unclosed("for", begin);
            }
            tag = peek(1);
        }
        if (!tag.isName("endfor")) {
            throw unexpectedTag(tagBegin, tag);
        }
        p += 2;
        expectEnd(Kind.BLOCK_END, tagBegin, "{% endfor", "%}");
        open.pop();
        leaveBlock();
        return new Node.For(
                targets, targetSlots, loopSlot, body.setSlots, iterable, nodes, otherwise, loopDepth, begin.pos());
    }

    private Node parseSet() {
        Token begin = next();
        next(); // set
        Token name = next();
        if (name.kind() != Kind.NAME || KEYWORDS.contains(name.text())) {
            throw error(
                    name.pos(),
                    "Expected a variable name after 'set' at " + where(name) + ", found " + name.describe()
                            + "; write '{% set name = value %}'");
        }
        if (peek().isOperator(",")) {
            throw error(peek().pos(), "Setting several names at once is not supported, at " + where(peek()));
        }
        if (peek().kind() == Kind.BLOCK_END) {
            throw error(
                    peek().pos(),
                    "Block assignments ('{% set " + name.text() + " %}...{% endset %}') are not supported, at "
                            + where(begin) + "; write '{% set " + name.text() + " = value %}'");
        }
        Token eq = next();
        if (!eq.isOperator("=")) {
            throw error(
                    eq.pos(),
                    "Expected '=' after '{% set " + name.text() + "' at " + where(eq) + ", found " + eq.describe());
        }
        Expr value = parseExpression();
        expectEnd(Kind.BLOCK_END, begin, "{% set", "%}");
        // bound after the value is parsed: '{% set x = x ~ "!" %}' reads the outer x
        Integer slot = scope.slots.get(name.text());
        if (slot == null) {
            slot = slotCount++;
            scope.slots.put(name.text(), slot);
            scope.setSlots.add(slot);
        }
        scope.definite.add(name.text());
        return new Node.Set(name.text(), slot, value);
    }

    private void enterBlock(Token begin) {
        if (++nesting > MAX_NESTING) {
            throw error(begin.pos(), "Blocks are nested more than " + MAX_NESTING + " deep at " + where(begin));
        }
    }

    private void leaveBlock() {
        nesting--;
    }

    // ---------------------------------------------------------------- expressions

    /** Enters one level of expression nesting; refuses pathological depth before the stack does. */
    private void deeper(Token at) {
        if (++nesting > MAX_NESTING) {
            throw error(at.pos(), "Expression nested more than " + MAX_NESTING + " deep at " + where(at));
        }
    }

    private Expr parseExpression() {
        deeper(peek());
        Expr e = parseOr();
        while (peek().isName("if")) {
            next();
            Expr test = parseOr();
            Expr otherwise = null;
            if (peek().isName("else")) {
                next();
                otherwise = parseExpression();
            }
            e = new Expr.Condition(test, e, otherwise, e.pos());
        }
        nesting--;
        return e;
    }

    private Expr parseOr() {
        Expr e = parseAnd();
        while (peek().isName("or")) {
            next();
            e = new Expr.Or(e, parseAnd(), e.pos());
        }
        return e;
    }

    private Expr parseAnd() {
        Expr e = parseNot();
        while (peek().isName("and")) {
            next();
            e = new Expr.And(e, parseNot(), e.pos());
        }
        return e;
    }

    private Expr parseNot() {
        if (peek().isName("not")) {
            Token t = next();
            deeper(t);
            Expr operand = parseNot();
            nesting--;
            return new Expr.Not(operand, t.pos());
        }
        return parseCompare();
    }

    private Expr parseCompare() {
        Expr first = parseConcat();
        List<CompareOp> ops = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        while (true) {
            Token t = peek();
            CompareOp op = null;
            if (t.kind() == Kind.OPERATOR) {
                switch (t.text()) {
                    case "==" -> op = CompareOp.EQ;
                    case "!=" -> op = CompareOp.NE;
                    case "<" -> op = CompareOp.LT;
                    case "<=" -> op = CompareOp.LE;
                    case ">" -> op = CompareOp.GT;
                    case ">=" -> op = CompareOp.GE;
                    default -> op = null;
                }
                if (op != null) {
                    next();
                }
            } else if (t.isName("in")) {
                next();
                op = CompareOp.IN;
            } else if (t.isName("not") && peek(1).isName("in")) {
                p += 2;
                op = CompareOp.NOT_IN;
            }
            if (op == null) {
                break;
            }
            ops.add(op);
            operands.add(parseConcat());
        }
        return ops.isEmpty() ? first : new Expr.Compare(first, ops, operands, first.pos());
    }

    private Expr parseConcat() {
        List<Expr> parts = new ArrayList<>();
        parts.add(parseUnary(true));
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.OPERATOR && ARITHMETIC.contains(t.text())) {
                throw error(
                        t.pos(),
                        "Arithmetic ('" + t.text() + "') at " + where(t) + " is not supported in templates; compute"
                                + " the value as a column first, or use '~' to join text");
            }
            if (!t.isOperator("~")) {
                break;
            }
            next();
            parts.add(parseUnary(true));
        }
        return parts.size() == 1
                ? parts.get(0)
                : new Expr.Concat(parts, parts.get(0).pos());
    }

    private Expr parseUnary(boolean withFilter) {
        Token t = peek();
        Expr e;
        if (t.isOperator("-")) {
            next();
            deeper(t);
            Expr operand = parseUnary(false);
            nesting--;
            if (operand instanceof Expr.Literal lit && lit.value() instanceof Long l) {
                e = new Expr.Literal(-l, t.pos());
            } else if (operand instanceof Expr.Literal lit && lit.value() instanceof Double d) {
                e = new Expr.Literal(-d, t.pos());
            } else {
                e = new Expr.Negate(operand, t.pos());
            }
        } else if (t.isOperator("+")) {
            next();
            deeper(t);
            e = parseUnary(false);
            nesting--;
        } else {
            e = parsePrimary();
        }
        e = parsePostfix(e, t.pos());
        return withFilter ? parseFilterExpr(e) : e;
    }

    private Expr parsePrimary() {
        Token t = next();
        switch (t.kind()) {
            case NAME:
                switch (t.text()) {
                    case "true":
                    case "True":
                        return new Expr.Literal(true, t.pos());
                    case "false":
                    case "False":
                        return new Expr.Literal(false, t.pos());
                    case "none":
                    case "None":
                        return new Expr.Literal(null, t.pos());
                    default:
                        if (KEYWORDS.contains(t.text())) {
                            throw expectedExpression(t);
                        }
                        return resolve(scope, t.text(), t.pos());
                }
            case STRING:
                StringBuilder sb = new StringBuilder((String) t.value());
                while (peek().kind() == Kind.STRING) {
                    sb.append((String) next().value());
                }
                return new Expr.Literal(sb.toString(), t.pos());
            case INTEGER:
            case FLOAT:
                return new Expr.Literal(t.value(), t.pos());
            case OPERATOR:
                if (t.text().equals("(")) {
                    Expr e = parseExpression();
                    if (peek().isOperator(",")) {
                        throw error(
                                peek().pos(), "Tuples are not supported, at " + where(peek()) + "; use a list [a, b]");
                    }
                    expectOperator(")", "to close '(' opened at " + where(t));
                    return e;
                }
                if (t.text().equals("[")) {
                    List<Expr> items = new ArrayList<>();
                    while (!peek().isOperator("]")) {
                        items.add(parseExpression());
                        if (!peek().isOperator(",")) {
                            break;
                        }
                        next();
                    }
                    expectOperator("]", "to close '[' opened at " + where(t));
                    return new Expr.ListLiteral(items, t.pos());
                }
                throw expectedExpression(t);
            default:
                throw expectedExpression(t);
        }
    }

    private Expr parsePostfix(Expr target, int start) {
        Expr e = target;
        while (true) {
            Token t = peek();
            if (t.isOperator(".")) {
                next();
                Token name = next();
                if (name.kind() == Kind.NAME) {
                    e = new Expr.Attribute(e, name.text(), start);
                } else if (name.kind() == Kind.INTEGER) {
                    e = new Expr.Item(e, new Expr.Literal(name.value(), name.pos()), start);
                } else {
                    throw error(
                            name.pos(),
                            "Expected an attribute name after '.' at " + where(name) + ", found " + name.describe());
                }
            } else if (t.isOperator("[")) {
                next();
                Expr key = parseExpression();
                if (peek().isOperator(":")) {
                    throw error(peek().pos(), "Slices ('x[a:b]') are not supported, at " + where(peek()));
                }
                expectOperator("]", "to close '[' opened at " + where(t));
                e = new Expr.Item(e, key, start);
            } else if (t.isOperator("(")) {
                throw callNotSupported(e, t);
            } else {
                return e;
            }
        }
    }

    private Expr parseFilterExpr(Expr operand) {
        Expr e = operand;
        while (true) {
            Token t = peek();
            if (t.isOperator("|")) {
                next();
                e = parseFilter(e);
            } else if (t.isName("is")) {
                next();
                e = parseTest(e);
            } else if (t.isOperator("(")) {
                throw callNotSupported(e, t);
            } else {
                return e;
            }
        }
    }

    private Expr parseFilter(Expr operand) {
        Token name = next();
        if (name.kind() != Kind.NAME) {
            throw error(
                    name.pos(),
                    "Expected a filter name after '|' at " + where(name) + ", found " + name.describe() + ". Filters: "
                            + String.join(", ", Filter.names()));
        }
        Filter filter = Filter.named(name.text());
        if (filter == null) {
            throw error(
                    name.pos(),
                    "Unknown filter '" + name.text() + "' at " + where(name) + ". Filters: "
                            + String.join(", ", Filter.names()) + "."
                            + Suggestions.didYouMean(name.text(), Filter.names()));
        }
        List<Filter.Param> params = filter.params();
        Expr[] bound = new Expr[params.size()];
        if (peek().isOperator("(")) {
            Token paren = next();
            int positional = 0;
            while (!peek().isOperator(")")) {
                Token at = peek();
                int index;
                if (at.kind() == Kind.NAME && peek(1).isOperator("=")) {
                    p += 2;
                    index = indexOf(params, at.text());
                    if (index < 0) {
                        throw error(
                                at.pos(),
                                "Filter '" + name.text() + "' has no parameter '" + at.text() + "', at " + where(at)
                                        + ". Its parameters: " + paramNames(params));
                    }
                } else {
                    index = positional++;
                    if (index >= params.size()) {
                        throw error(
                                at.pos(),
                                "Filter '" + name.text() + "' takes "
                                        + (params.isEmpty()
                                                ? "no arguments"
                                                : "at most " + params.size() + " (" + paramNames(params) + ")")
                                        + ", but gets more at " + where(at));
                    }
                }
                if (bound[index] != null) {
                    throw error(
                            at.pos(),
                            "Filter '" + name.text() + "' gets '"
                                    + params.get(index).name() + "' twice, at " + where(at));
                }
                bound[index] = parseExpression();
                if (!peek().isOperator(",")) {
                    break;
                }
                next();
            }
            expectOperator(")", "to close the arguments of '" + name.text() + "' opened at " + where(paren));
        }
        List<Expr> args = new ArrayList<>(bound.length);
        for (int i = 0; i < bound.length; i++) {
            Filter.Param param = params.get(i);
            if (bound[i] == null) {
                if (param.required()) {
                    throw error(
                            name.pos(),
                            "Filter '" + name.text() + "' at " + where(name) + " needs '" + param.name() + "'; write '"
                                    + name.text() + "(" + paramNames(params) + ")'");
                }
                bound[i] = new Expr.Literal(param.defaultValue(), name.pos());
            }
            args.add(bound[i]);
        }
        return new Expr.FilterCall(operand, filter, args, name.pos());
    }

    private static int indexOf(List<Filter.Param> params, String name) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String paramNames(List<Filter.Param> params) {
        List<String> names = new ArrayList<>();
        for (Filter.Param param : params) {
            names.add(param.name());
        }
        return String.join(", ", names);
    }

    private Expr parseTest(Expr operand) {
        boolean negated = false;
        if (peek().isName("not")) {
            next();
            negated = true;
        }
        Token name = next();
        Map<String, Expr.TestKind> tests = new LinkedHashMap<>();
        for (Expr.TestKind kind : Expr.TestKind.values()) {
            tests.put(kind.keyword, kind);
        }
        Expr.TestKind kind = name.kind() == Kind.NAME ? tests.get(name.text()) : null;
        if (kind == null) {
            throw error(
                    name.pos(),
                    "Unknown test " + name.describe() + " after 'is' at " + where(name) + ". Tests: "
                            + String.join(", ", tests.keySet()) + "."
                            + (name.kind() == Kind.NAME ? Suggestions.didYouMean(name.text(), tests.keySet()) : ""));
        }
        if (peek().isOperator("(")) {
            throw error(peek().pos(), "Test '" + name.text() + "' takes no arguments, at " + where(peek()));
        }
        return new Expr.Test(operand, kind, negated, operand.pos());
    }

    /** The variable {@code name} as seen from {@code from}: the innermost binding, else the context. */
    private static Expr resolve(@Nullable Scope from, String name, int pos) {
        for (Scope s = from; s != null; s = s.parent) {
            Integer slot = s.slots.get(name);
            if (slot != null) {
                Expr fallback = s.definite.contains(name) ? null : resolve(s.parent, name, pos);
                return new Expr.Local(name, slot, fallback, pos);
            }
        }
        return new Expr.Global(name, pos);
    }

    // ---------------------------------------------------------------- tokens and errors

    private Token peek() {
        return tokens.get(Math.min(p, tokens.size() - 1));
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(p + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = peek();
        if (p < tokens.size()) {
            p++;
        }
        return t;
    }

    private void expectOperator(String op, String purpose) {
        Token t = peek();
        if (!t.isOperator(op)) {
            throw error(
                    t.pos(),
                    "Expected '" + op + "' " + purpose + ", found " + t.describe() + " at " + where(t) + hint(t));
        }
        next();
    }

    private void expectEnd(Kind end, Token begin, String opened, String close) {
        Token t = peek();
        if (t.kind() == end) {
            next();
            return;
        }
        throw error(
                t.pos(),
                "Unexpected " + t.describe() + " at " + where(t) + ": expected '" + close + "' to close '" + opened
                        + "' opened at " + where(begin) + "." + hint(t));
    }

    private static String hint(Token t) {
        if (t.isOperator("=")) {
            return " Use '==' to compare.";
        }
        if (t.kind() == Kind.NAME || t.kind() == Kind.STRING || t.kind() == Kind.INTEGER) {
            return " Join values with 'and', 'or' or '~', or close the tag.";
        }
        return "";
    }

    private QuarryException expectedExpression(Token t) {
        String found =
                t.kind() == Kind.VARIABLE_END || t.kind() == Kind.BLOCK_END ? "'" + t.text() + "'" : t.describe();
        return error(t.pos(), "Expected an expression at " + where(t) + ", found " + found);
    }

    private QuarryException callNotSupported(Expr callee, Token paren) {
        return error(
                paren.pos(),
                "Calling '" + callee.describe() + "(...)' at " + where(paren)
                        + " is not supported: templates read values but do not call methods; use a filter such as"
                        + " '" + callee.describe() + " | upper'");
    }

    private QuarryException unclosed(String tag, Token begin) {
        return error(
                begin.pos(), "Unclosed '{% " + tag + " %}' opened at " + where(begin) + "; add '{% end" + tag + " %}'");
    }

    /** An elif/else/endif/endfor that does not belong where it stands. */
    private QuarryException unexpectedTag(Token begin, Token tag) {
        String name = tag.text();
        Open innermost = open.peek();
        if (innermost == null) {
            String belongs = switch (name) {
                case "else" -> "'{% if %}' or '{% for %}'";
                case "endfor" -> "'{% for %}'";
                default -> "'{% if %}'";
            };
            return error(
                    begin.pos(),
                    "Unexpected '{% " + name + " %}' at " + where(begin) + ": no " + belongs + " is open; remove it");
        }
        return error(
                begin.pos(),
                "Unexpected '{% " + name + " %}' at " + where(begin) + ": the innermost open block is '{% "
                        + innermost.tag() + " %}' opened at " + source.where(innermost.pos())
                        + "; close it with '{% end"
                        + innermost.tag() + " %}' first");
    }

    private String where(Token t) {
        return source.where(t.pos());
    }

    private QuarryException error(int pos, String message) {
        return TemplateErrors.syntax(source, pos, message);
    }
}
