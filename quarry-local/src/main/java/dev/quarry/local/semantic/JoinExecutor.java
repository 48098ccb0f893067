package dev.quarry.local.semantic;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.BadOutput;
import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.ChatResult;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticSpec;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.template.Template;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.exec.ResultReader;
import dev.quarry.local.sql.Sql;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Runs a {@link SemanticJoin}. The distinct value combinations each side's template columns take
 * (rows with a null there never match) are numbered into key tables; every pair of keys is judged
 * once by the model, streaming: a block of left keys is held in memory while the right keys stream
 * past it, and at most the pipeline's window of prompts exists at a time. Pairs judged true are
 * appended to a pair table, which is joined back to both inputs (in left, then right, row order).
 * Refuses to start when the inputs' row counts multiply beyond {@code maxPairs}.
 */
final class JoinExecutor {
    static final int LEFT_BLOCK = 64;

    private final SemanticExecution execution;

    JoinExecutor(SemanticExecution execution) {
        this.execution = execution;
    }

    String run(SemanticJoin node, String left, String right) {
        long start = System.nanoTime();
        long n = execution.count(left);
        long m = execution.count(right);
        checkSize(node, n, m);
        String leftKeys = keys(node.left().schema(), node.leftColumns(), left);
        String rightKeys = keys(node.right().schema(), node.rightColumns(), right);
        long nk = execution.count(leftKeys);
        long mk = execution.count(rightKeys);
        String label = execution.uniqueName(node.label());
        OperatorRun op = execution.operator(label, node.details(), node.spec().modelAlias());
        Progress progress = execution.progress(label, nk * mk);
        RequestPipeline pipeline = execution.pipeline(label, progress);
        PairPrompt prompt = new PairPrompt(node);
        String pairs = execution.newTableName();
        execution.track(pairs);
        try (PairTable table = PairTable.create(execution.connection(), pairs)) {
            List<Object[]> block = new ArrayList<>(LEFT_BLOCK);
            try (Statement st = execution.connection().createStatement();
                    ResultSet rs = st.executeQuery(keyQuery(node.left().schema(), node.leftColumns(), leftKeys))) {
                ResultReader.ValueReader[] readers = readers(node.left().schema(), node.leftColumns());
                while (rs.next()) {
                    block.add(readRow(rs, readers));
                    if (block.size() == LEFT_BLOCK) {
                        judgeBlock(node, block, rightKeys, prompt, op, pipeline, table, progress);
                        block.clear();
                    }
                }
            } catch (SQLException e) {
                throw DuckErrors.translate(e, "reading the left side of a semantic join", false);
            }
            if (!block.isEmpty()) {
                judgeBlock(node, block, rightKeys, prompt, op, pipeline, table, progress);
            }
            pipeline.drain();
        } finally {
            progress.requests(pipeline.sent());
            progress.finish();
        }
        String output = output(node, left, right, leftKeys, rightKeys, pairs);
        long rows = execution.count(output);
        execution.addMetrics(op.metrics(Duration.ofNanos(System.nanoTime() - start), rows));
        return output;
    }

    private static void checkSize(SemanticJoin node, long n, long m) {
        double pairs = (double) n * (double) m;
        if (pairs > node.maxPairs()) {
            throw new QuarryException(
                    ErrorCode.JOIN_TOO_LARGE,
                    String.format(
                            Locale.ROOT,
                            "The semantic join would judge %,d x %,d = %,.0f pairs, more than its limit of %,d."
                                    + " Pre-filter the candidates with a similarity join (df.semantic().simJoin(other,"
                                    + " leftEmbedding, rightEmbedding, k)) and semantic-join only the top k, filter"
                                    + " either side first, or raise the limit if you mean to pay for %,.0f"
                                    + " requests.",
                            n,
                            m,
                            pairs,
                            node.maxPairs(),
                            pairs));
        }
    }

    private void judgeBlock(
            SemanticJoin node,
            List<Object[]> leftBlock,
            String rightKeys,
            PairPrompt prompt,
            OperatorRun op,
            RequestPipeline pipeline,
            PairTable table,
            Progress progress) {
        ResultReader.ValueReader[] readers = readers(node.right().schema(), node.rightColumns());
        try (Statement st = execution.connection().createStatement();
                ResultSet rs = st.executeQuery(keyQuery(node.right().schema(), node.rightColumns(), rightKeys))) {
            while (rs.next()) {
                Object[] r = readRow(rs, readers);
                for (Object[] l : leftBlock) {
                    pipeline.awaitCapacity();
                    long lk = (Long) l[0];
                    long rk = (Long) r[0];
                    ChatRequest request = prompt.request(node, l, r);
                    pipeline.chat(
                            op,
                            request,
                            result -> judged(lk, rk, request, result, true, op, pipeline, table, progress));
                }
                progress.requests(pipeline.sent());
            }
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "reading the right side of a semantic join", false);
        }
    }

    private static void judged(
            long lk,
            long rk,
            ChatRequest request,
            ChatResult result,
            boolean firstAttempt,
            OperatorRun op,
            RequestPipeline pipeline,
            PairTable table,
            Progress progress) {
        String problem = result.badOutput().map(BadOutput::message).orElse(null);
        Boolean answer = null;
        if (problem == null) {
            try {
                answer = (Boolean) JsonValues.toJava(
                        result.json().map(j -> j.get("answer")).orElse(null), ScalarType.BOOLEAN);
                if (answer == null) {
                    problem = "The answer has no 'answer' field.";
                }
            } catch (IllegalArgumentException e) {
                problem = "The answer does not fit: " + e.getMessage();
            }
        }
        if (problem == null) {
            if (answer) {
                table.append(lk, rk);
            }
            progress.advance(1);
        } else if (firstAttempt) {
            boolean truncated = result.badOutput()
                    .map(b -> b.kind() == BadOutput.Kind.TRUNCATED)
                    .orElse(false);
            ChatRequest repair = ColumnPrompt.repair(request, result.text(), problem, truncated);
            pipeline.chat(op, repair, r -> judged(lk, rk, repair, r, false, op, pipeline, table, progress));
        } else {
            op.failed(problem);
            progress.advance(1);
        }
    }

    /** Numbers the distinct non-null combinations of a side's template columns. */
    private String keys(Schema schema, List<String> columns, String input) {
        String name = execution.newTableName();
        String sql;
        if (columns.isEmpty()) {
            sql = "SELECT CAST(0 AS BIGINT) AS \"__k\" FROM " + Sql.identifier(input) + " LIMIT 1";
        } else {
            StringJoiner cols = new StringJoiner(", ");
            StringJoiner notNull = new StringJoiner(" AND ");
            for (String c : columns) {
                String q = Sql.identifier(schema.field(c).name());
                cols.add(q);
                notNull.add(q + " IS NOT NULL");
            }
            sql = "SELECT CAST(row_number() OVER () - 1 AS BIGINT) AS \"__k\", * FROM (SELECT DISTINCT " + cols
                    + " FROM " + Sql.identifier(input) + " WHERE " + notNull + ") AS d";
        }
        execution.createTable(name, sql);
        return name;
    }

    private static String keyQuery(Schema schema, List<String> columns, String keys) {
        StringJoiner select = new StringJoiner(", ", "SELECT \"__k\"" + (columns.isEmpty() ? "" : ", "), "");
        List<StructField> fields = new ArrayList<>();
        fields.add(new StructField("__k", ScalarType.LONG, false));
        for (String c : columns) {
            StructField f = schema.field(c);
            select.add(Sql.identifier(f.name()));
            fields.add(f);
        }
        return ResultReader.transport(new Schema(fields), select + " FROM " + Sql.identifier(keys));
    }

    private static ResultReader.ValueReader[] readers(Schema schema, List<String> columns) {
        ResultReader.ValueReader[] readers = new ResultReader.ValueReader[columns.size() + 1];
        readers[0] = ResultReader.valueReader(ScalarType.LONG);
        for (int i = 0; i < columns.size(); i++) {
            readers[i + 1] =
                    ResultReader.valueReader(schema.field(columns.get(i)).type());
        }
        return readers;
    }

    private static Object[] readRow(ResultSet rs, ResultReader.ValueReader[] readers) throws SQLException {
        Object[] row = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            row[i] = readers[i].read(rs, i + 1);
        }
        return row;
    }

    /** The joined rows: left columns then right columns, in left and then right row order. */
    private String output(
            SemanticJoin node, String left, String right, String leftKeys, String rightKeys, String pairs) {
        List<StructField> out = node.schema().fields();
        int leftSize = node.left().schema().size();
        StringJoiner select = new StringJoiner(", ", "SELECT ", "");
        for (int i = 0; i < out.size(); i++) {
            StructField source = i < leftSize
                    ? node.left().schema().fields().get(i)
                    : node.right().schema().fields().get(i - leftSize);
            select.add((i < leftSize ? "l." : "r.") + Sql.identifier(source.name()) + " AS "
                    + Sql.identifier(out.get(i).name()));
        }
        String sql = select + " FROM " + Sql.identifier(left) + " AS l JOIN " + Sql.identifier(leftKeys) + " AS lk ON "
                + keyMatch("l", "lk", node.left().schema(), node.leftColumns()) + " JOIN " + Sql.identifier(pairs)
                + " AS p ON p.lk = lk.\"__k\" JOIN " + Sql.identifier(rightKeys) + " AS rk ON rk.\"__k\" = p.rk JOIN "
                + Sql.identifier(right) + " AS r ON "
                + keyMatch("r", "rk", node.right().schema(), node.rightColumns())
                + " ORDER BY l.rowid, r.rowid";
        String name = execution.newTableName();
        execution.createTable(name, sql);
        return name;
    }

    private static String keyMatch(String row, String key, Schema schema, List<String> columns) {
        if (columns.isEmpty()) {
            return "TRUE";
        }
        StringJoiner on = new StringJoiner(" AND ");
        for (String c : columns) {
            String q = Sql.identifier(schema.field(c).name());
            on.add(row + "." + q + " = " + key + "." + q);
        }
        return on.toString();
    }

    /** The judgement prompt of a pair. */
    static final class PairPrompt {
        static final String SYSTEM = "You judge whether a statement about a pair of records is true. Answer with"
                + " the JSON object {\"answer\": true} when it is true, and {\"answer\": false} when it is false"
                + " or the records do not show it.";
        private final Template template;
        private final ColumnPrompt prompt;

        PairPrompt(SemanticJoin node) {
            SemanticSpec spec = node.spec();
            if (spec.template() == null) {
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT,
                        "A semantic join needs a prompt template reading {{ left.col }} and {{ right.col }}");
            }
            this.template = Template.parse(spec.template());
            String system = spec.instruction() == null
                    ? SYSTEM
                    : SYSTEM + "\n" + spec.instruction().strip();
            this.prompt = ColumnPrompt.forJoin(
                    new SemanticFunction(SemanticFunction.Kind.PREDICATE, List.of(), spec, ScalarType.BOOLEAN), system);
        }

        ChatRequest request(SemanticJoin node, Object[] left, Object[] right) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("left", side(node.leftColumns(), left));
            context.put("right", side(node.rightColumns(), right));
            return prompt.build(template.render(context));
        }

        private static Map<String, Object> side(List<String> columns, Object[] values) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.put(columns.get(i), values[i + 1]);
            }
            return m;
        }
    }
}
