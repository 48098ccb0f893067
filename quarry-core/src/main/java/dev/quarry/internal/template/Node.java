package dev.quarry.internal.template;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** A piece of a parsed template: text, an output, or a tag with its body. Immutable. */
sealed interface Node {
    void render(Frame frame, StringBuilder out);

    void analyze(Analysis analysis);

    static void renderAll(List<Node> nodes, Frame frame, StringBuilder out) {
        for (int i = 0, n = nodes.size(); i < n; i++) {
            nodes.get(i).render(frame, out);
        }
    }

    static void analyzeAll(List<Node> nodes, Analysis analysis) {
        for (Node node : nodes) {
            node.analyze(analysis);
        }
    }

    /** Literal text, copied to the output. */
    record Text(String text) implements Node {
        public Text {
            requireNonNull(text, "text is null");
        }

        @Override
        public void render(Frame frame, StringBuilder out) {
            out.append(text);
        }

        @Override
        public void analyze(Analysis analysis) {}
    }

    /** {@code {{ expr }}}. */
    record Output(Expr expr) implements Node {
        public Output {
            requireNonNull(expr, "expr is null");
        }

        @Override
        public void render(Frame frame, StringBuilder out) {
            Values.appendOutput(out, expr.eval(frame));
        }

        @Override
        public void analyze(Analysis analysis) {
            expr.analyze(analysis);
        }
    }

    /** {@code {% if %}} with its {@code elif} branches (one condition per branch) and {@code else}. */
    record If(List<Expr> conditions, List<List<Node>> branches, List<Node> otherwise) implements Node {
        public If {
            conditions = List.copyOf(conditions);
            List<List<Node>> copies = new ArrayList<>(branches.size());
            for (List<Node> branch : branches) {
                copies.add(List.copyOf(branch));
            }
            branches = List.copyOf(copies);
            otherwise = List.copyOf(otherwise);
            if (conditions.isEmpty() || conditions.size() != branches.size()) {
                throw new IllegalArgumentException("an if needs one body per condition");
            }
        }

        @Override
        public void render(Frame frame, StringBuilder out) {
            for (int i = 0, n = conditions.size(); i < n; i++) {
                if (Values.truthy(Values.defined(conditions.get(i).eval(frame)))) {
                    renderAll(branches.get(i), frame, out);
                    return;
                }
            }
            renderAll(otherwise, frame, out);
        }

        @Override
        public void analyze(Analysis analysis) {
            for (int i = 0; i < conditions.size(); i++) {
                conditions.get(i).analyze(analysis);
                analyzeAll(branches.get(i), analysis);
            }
            analyzeAll(otherwise, analysis);
        }
    }

    /**
     * {@code {% for a[, b...] in iterable %}body{% else %}otherwise{% endfor %}}. Targets and {@code
     * loop} live in slots; {@code resetSlots} are the slots of names set inside the body, cleared at
     * each iteration so that a {@code set} does not carry over (Jinja scoping).
     */
    record For(
            List<String> targets,
            List<Integer> targetSlots,
            int loopSlot,
            List<Integer> resetSlots,
            Expr iterable,
            List<Node> body,
            List<Node> otherwise,
            int depth,
            int pos)
            implements Node {
        public For {
            targets = List.copyOf(targets);
            targetSlots = List.copyOf(targetSlots);
            resetSlots = List.copyOf(resetSlots);
            requireNonNull(iterable, "iterable is null");
            body = List.copyOf(body);
            otherwise = List.copyOf(otherwise);
            if (targets.isEmpty() || targets.size() != targetSlots.size()) {
                throw new IllegalArgumentException("a for loop needs one slot per target");
            }
        }

        @Override
        public void render(Frame frame, StringBuilder out) {
            List<?> items = Values.iterate(Values.defined(iterable.eval(frame)), iterable, iterable.pos());
            int n = items.size();
            if (n == 0) {
                renderAll(otherwise, frame, out);
                return;
            }
            Object[] slots = frame.slots;
            LoopContext loop = new LoopContext(items, depth);
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < resetSlots.size(); r++) {
                    slots[resetSlots.get(r)] = Frame.UNSET;
                }
                loop.index0 = i;
                Object item = items.get(i);
                if (targetSlots.size() == 1) {
                    slots[targetSlots.get(0)] = item;
                } else {
                    unpack(item, slots, i);
                }
                slots[loopSlot] = loop;
                renderAll(body, frame, out);
            }
        }

        private void unpack(Object item, Object[] slots, int index) {
            if (!Values.isListLike(item)) {
                throw new RenderException(
                        pos,
                        "Cannot unpack item " + (index + 1) + " of '" + iterable.describe() + "' into "
                                + String.join(", ", targets)
                                + ": it is " + Values.describe(item) + ", not a list of " + targets.size()
                                + " values");
            }
            List<?> values = Values.asList(item);
            if (values.size() != targets.size()) {
                throw new RenderException(
                        pos,
                        "Cannot unpack item " + (index + 1) + " of '" + iterable.describe() + "' into "
                                + String.join(", ", targets) + ": it has " + values.size() + " values, not "
                                + targets.size());
            }
            for (int t = 0; t < values.size(); t++) {
                slots[targetSlots.get(t)] = values.get(t);
            }
        }

        @Override
        public void analyze(Analysis analysis) {
            iterable.analyze(analysis);
            analyzeAll(body, analysis);
            analyzeAll(otherwise, analysis);
        }
    }

    /** {@code {% set name = value %}}. */
    record Set(String name, int slot, Expr value) implements Node {
        public Set {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }

        @Override
        public void render(Frame frame, StringBuilder out) {
            frame.slots[slot] = value.eval(frame);
        }

        @Override
        public void analyze(Analysis analysis) {
            value.analyze(analysis);
        }
    }
}
