package dev.quarry.local.semantic;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.BadOutput;
import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.ChatResult;
import dev.quarry.inference.FewShotExample;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.inference.ModelInfo;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hierarchical reduce: each row holds a group's texts (already in order); they are packed, in
 * order, into prompts that fit the model's context budget, each prompt is reduced to a partial
 * result, and the partial results are reduced the same way until one remains. A group whose texts
 * are all null (or that has none) gives null and sends nothing. A single text larger than the
 * budget fails the query with a message suggesting to chunk the texts first.
 */
final class ReduceColumn implements ColumnJob {
    static final String SYSTEM = "You combine documents into one result by following the user's instruction."
            + " Use only what the documents say. Answer with the result only.";
    static final String MERGE_SYSTEM = "You combine partial results into one. Each document below is the result of"
            + " following the user's instruction on a part of a larger set of documents; merge them into one"
            + " result that follows the instruction for the whole set. Answer with the result only.";
    static final int DEFAULT_CONTEXT = 8192;
    private static final int PER_DOCUMENT = 8;

    private final OperatorRun op;
    private final ResultTable table;
    private final RequestPipeline pipeline;
    private final Progress progress;
    private final InferenceRuntime runtime;
    private final SemanticSpec spec;
    private final String instruction;
    private final List<FewShotExample> examples;
    private final Budget budget;

    /** The token budget of the documents of one prompt, and how it was derived. */
    record Budget(int documents, int context, int output, int fixed, boolean overridden) {}

    ReduceColumn(
            SemanticFunction function,
            OperatorRun op,
            ResultTable table,
            RequestPipeline pipeline,
            Progress progress,
            InferenceRuntime runtime,
            int contextOverride) {
        this.op = op;
        this.table = table;
        this.pipeline = pipeline;
        this.progress = progress;
        this.runtime = runtime;
        this.spec = function.spec();
        this.instruction = spec.instruction() == null || spec.instruction().isBlank()
                ? "Summarize the documents."
                : spec.instruction().strip();
        List<FewShotExample> pairs = new ArrayList<>();
        for (SemanticSpec.Example e : spec.examples()) {
            Object in = e.inputs().containsKey("text")
                    ? e.inputs().get("text")
                    : e.inputs().values().stream().findFirst().orElse(null);
            List<String> docs = new ArrayList<>();
            if (in instanceof List<?> list) {
                list.forEach(x -> docs.add(String.valueOf(x)));
            } else {
                docs.add(String.valueOf(in));
            }
            pairs.add(new FewShotExample(user(docs), String.valueOf(e.output())));
        }
        this.examples = List.copyOf(pairs);
        this.budget = budget(runtime, op.alias(), spec, instruction, examples, contextOverride);
    }

    /**
     * The document budget of a reduce prompt: the context window (or the override) minus the answer's
     * reserve and the fixed parts of the prompt.
     */
    static Budget budget(
            InferenceRuntime runtime,
            String alias,
            SemanticSpec spec,
            String instruction,
            List<FewShotExample> examples,
            int contextOverride) {
        ModelInfo info = runtime.modelInfo(alias);
        int context = contextOverride > 0
                ? contextOverride
                : info.contextWindow() > 0 ? info.contextWindow() : DEFAULT_CONTEXT;
        int output =
                spec.maxOutputTokens() != null ? spec.maxOutputTokens() : Math.min(1024, Math.max(64, context / 8));
        long fixed = Math.max(runtime.countTokens(alias, SYSTEM), runtime.countTokens(alias, MERGE_SYSTEM))
                + runtime.countTokens(alias, "Instruction: " + instruction + "\n\nDocuments:\n")
                + 32;
        for (FewShotExample e : examples) {
            fixed += runtime.countTokens(alias, e.user()) + runtime.countTokens(alias, e.assistant()) + 8;
        }
        long documents = context - output - fixed;
        if (documents < 32) {
            throw new QuarryException(
                    ErrorCode.INVALID_CONFIGURATION,
                    String.format(
                            Locale.ROOT,
                            "semantic.reduce cannot fit documents into model '%s': its context of %,d tokens%s"
                                    + " leaves %,d tokens after %,d reserved for the answer and %,d for the"
                                    + " instructions. Lower maxOutputTokens, shorten the instruction or examples,"
                                    + " or use a model with a larger context window.",
                            alias,
                            context,
                            contextOverride > 0 ? " (" + SemanticSettings.REDUCE_CONTEXT_TOKENS + ")" : "",
                            Math.max(0, documents),
                            output,
                            fixed));
        }
        return new Budget((int) documents, context, output, (int) fixed, contextOverride > 0);
    }

    @Override
    public void row(long rid, List<Object> values) {
        Object group = values.get(0);
        List<String> docs = new ArrayList<>();
        if (group instanceof List<?> list) {
            for (Object x : list) {
                if (x != null) {
                    docs.add(x.toString());
                }
            }
        } else if (group != null) {
            docs.add(group.toString());
        }
        if (docs.isEmpty()) {
            progress.advance(1);
            return;
        }
        new Task(rid).level(docs, 0);
    }

    /** The reduction of one group, level by level. */
    private final class Task {
        private final long rid;
        private int level;
        private String[] outputs;
        private int remaining;
        private boolean failed;

        Task(long rid) {
            this.rid = rid;
        }

        void level(List<String> docs, int depth) {
            level = depth;
            List<List<String>> packs = pack(docs, depth);
            if (depth > 0 && packs.size() >= docs.size()) {
                throw new QuarryException(
                        ErrorCode.INVALID_CONFIGURATION,
                        String.format(
                                Locale.ROOT,
                                "semantic.reduce cannot combine %d partial results with model '%s': together"
                                        + " they do not fit the %,d tokens left for documents. Lower"
                                        + " maxOutputTokens (now %,d) or give the model a larger context.",
                                docs.size(),
                                op.alias(),
                                budget.documents(),
                                budget.output()));
            }
            outputs = new String[packs.size()];
            remaining = packs.size();
            for (int i = 0; i < packs.size(); i++) {
                int index = i;
                ChatRequest request = request(packs.get(i), depth);
                pipeline.chat(op, request, r -> part(index, request, r, true));
            }
        }

        private void part(int index, ChatRequest request, ChatResult result, boolean firstAttempt) {
            if (failed) {
                return;
            }
            String problem = result.badOutput().map(BadOutput::message).orElse(null);
            if (problem == null && result.text().isBlank()) {
                problem = "The model returned an empty answer.";
            }
            if (problem != null) {
                if (firstAttempt) {
                    boolean truncated = result.badOutput()
                            .map(b -> b.kind() == BadOutput.Kind.TRUNCATED)
                            .orElse(false);
                    ChatRequest repair = ColumnPrompt.repair(request, result.text(), problem, truncated);
                    pipeline.chat(op, repair, r -> part(index, repair, r, false));
                } else {
                    failed = true;
                    op.failed(problem);
                    progress.advance(1);
                }
                return;
            }
            outputs[index] = result.text().strip();
            if (--remaining > 0) {
                return;
            }
            if (outputs.length == 1) {
                table.append(rid, outputs[0]);
                progress.advance(1);
            } else {
                level(List.of(outputs), level + 1);
            }
        }
    }

    /** Packs documents, in order, into groups that fit the budget. */
    List<List<String>> pack(List<String> docs, int depth) {
        List<List<String>> packs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long used = 0;
        for (String doc : docs) {
            long cost = runtime.countTokens(op.alias(), doc) + PER_DOCUMENT;
            if (cost > budget.documents()) {
                throw oversized(cost - PER_DOCUMENT, depth);
            }
            if (!current.isEmpty() && used + cost > budget.documents()) {
                packs.add(current);
                current = new ArrayList<>();
                used = 0;
            }
            current.add(doc);
            used += cost;
        }
        if (!current.isEmpty()) {
            packs.add(current);
        }
        return packs;
    }

    private QuarryException oversized(long tokens, int depth) {
        if (depth > 0) {
            return new QuarryException(
                    ErrorCode.INVALID_CONFIGURATION,
                    String.format(
                            Locale.ROOT,
                            "semantic.reduce produced a partial result of %,d tokens, more than the %,d tokens"
                                    + " left for documents with model '%s'. Lower maxOutputTokens (now %,d) or give"
                                    + " the model a larger context.",
                            tokens,
                            budget.documents(),
                            op.alias(),
                            budget.output()));
        }
        return new QuarryException(
                ErrorCode.INVALID_ARGUMENT,
                String.format(
                        Locale.ROOT,
                        "semantic.reduce got a document of %,d tokens, more than the %,d tokens one prompt of model"
                                + " '%s' has for documents (context %,d tokens%s, minus %,d reserved for the answer"
                                + " and %,d for the instructions). Split long texts into chunks before reducing"
                                + " them (for example with a Text chunking function), or use a model with a"
                                + " larger context window.",
                        tokens,
                        budget.documents(),
                        op.alias(),
                        budget.context(),
                        budget.overridden() ? " set by " + SemanticSettings.REDUCE_CONTEXT_TOKENS : "",
                        budget.output(),
                        budget.fixed()));
    }

    private String user(List<String> docs) {
        StringBuilder sb =
                new StringBuilder("Instruction: ").append(instruction).append("\n\nDocuments:\n");
        for (int i = 0; i < docs.size(); i++) {
            sb.append("\n[").append(i + 1).append("]\n").append(docs.get(i)).append('\n');
        }
        return sb.toString();
    }

    private ChatRequest request(List<String> docs, int depth) {
        ChatRequest.Builder b = ChatRequest.builder()
                .system(depth == 0 ? SYSTEM : MERGE_SYSTEM)
                .examples(depth == 0 ? examples : List.of())
                .user(user(docs))
                .temperature(spec.temperature() == null ? 0.0 : spec.temperature())
                .maxOutputTokens(budget.output());
        if (spec.timeout() != null) {
            b.timeout(spec.timeout());
        }
        return b.build();
    }

    @Override
    public void finish() {}

    @Override
    public ResultTable table() {
        return table;
    }

    @Override
    public OperatorRun op() {
        return op;
    }
}
