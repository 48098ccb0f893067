package dev.quarry.local.semantic;

import dev.quarry.inference.BadOutput;
import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.ChatResult;
import java.util.List;

/**
 * A row-wise language-model column (map, extract, predicate, classify, sentiment, summarize): one
 * request per row with no null input (identical requests are sent once), one repair request for an
 * answer that cannot be used, then null with the error recorded.
 */
final class ChatColumn implements ColumnJob {
    private final ColumnPrompt prompt;
    private final OperatorRun op;
    private final ResultTable table;
    private final RequestPipeline pipeline;
    private final Progress progress;

    ChatColumn(ColumnPrompt prompt, OperatorRun op, ResultTable table, RequestPipeline pipeline, Progress progress) {
        this.prompt = prompt;
        this.op = op;
        this.table = table;
        this.pipeline = pipeline;
        this.progress = progress;
    }

    @Override
    public void row(long rid, List<Object> values) {
        for (Object v : values) {
            if (v == null) {
                progress.advance(1);
                return;
            }
        }
        ChatRequest request = prompt.request(values);
        pipeline.chat(op, request, result -> answered(rid, request, result, true));
    }

    private void answered(long rid, ChatRequest request, ChatResult result, boolean firstAttempt) {
        String problem;
        Object value = null;
        if (result.badOutput().isPresent()) {
            problem = result.badOutput().get().message();
        } else {
            try {
                value = prompt.value(result);
                problem = null;
            } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
                problem = "The answer does not fit the column: " + e.getMessage();
            }
        }
        if (problem == null) {
            table.append(rid, value);
            progress.advance(1);
        } else if (firstAttempt) {
            boolean truncated = result.badOutput()
                    .map(b -> b.kind() == BadOutput.Kind.TRUNCATED)
                    .orElse(false);
            ChatRequest repair = ColumnPrompt.repair(request, result.text(), problem, truncated);
            pipeline.chat(op, repair, second -> answered(rid, repair, second, false));
        } else {
            op.failed(problem);
            progress.advance(1);
        }
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
