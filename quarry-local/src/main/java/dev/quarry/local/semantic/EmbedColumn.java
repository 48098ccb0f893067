package dev.quarry.local.semantic;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.types.EmbeddingType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An embedding column: texts are gathered into batches of distinct texts and embedded with one
 * runtime call per batch (the runtime splits it into provider-sized requests and answers cached
 * texts from its cache); a null text gives a null vector and sends nothing.
 */
final class EmbedColumn implements ColumnJob {
    private final OperatorRun op;
    private final ResultTable table;
    private final RequestPipeline pipeline;
    private final Progress progress;
    private final EmbeddingType type;
    private final int batchSize;
    private final int maxRows;
    private Map<String, List<Long>> batch = new LinkedHashMap<>();
    private int rows;

    EmbedColumn(
            OperatorRun op,
            ResultTable table,
            RequestPipeline pipeline,
            Progress progress,
            EmbeddingType type,
            int batchSize,
            int maxRows) {
        this.op = op;
        this.table = table;
        this.pipeline = pipeline;
        this.progress = progress;
        this.type = type;
        this.batchSize = batchSize;
        this.maxRows = maxRows;
    }

    @Override
    public void row(long rid, List<Object> values) {
        Object text = values.get(0);
        if (text == null) {
            progress.advance(1);
            return;
        }
        batch.computeIfAbsent(text.toString(), t -> new ArrayList<>(1)).add(rid);
        rows++;
        if (batch.size() >= batchSize || rows >= maxRows) {
            flush();
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, List<Long>> sent = batch;
        batch = new LinkedHashMap<>();
        rows = 0;
        List<String> texts = new ArrayList<>(sent.keySet());
        pipeline.embed(op, texts, vectors -> {
            for (int i = 0; i < texts.size(); i++) {
                float[] v = vectors.get(i);
                if (type.dimensions() > 0 && v.length != type.dimensions()) {
                    throw new QuarryException(
                            ErrorCode.TYPE_MISMATCH,
                            "Embedding model '" + op.alias() + "' returned vectors of " + v.length
                                    + " dimensions, but the column " + type.simpleString() + " holds "
                                    + type.dimensions() + ". Use the model the column was declared with, or"
                                    + " declare the embedding with " + v.length + " dimensions.");
                }
                for (long rid : sent.get(texts.get(i))) {
                    table.append(rid, v);
                    progress.advance(1);
                }
            }
        });
    }

    @Override
    public void finish() {
        flush();
    }

    @Override
    public ResultTable table() {
        return table;
    }

    @Override
    public OperatorRun op() {
        return op;
    }
}
