package dev.quarry.local.semantic;

import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.exec.ResultReader;
import dev.quarry.local.sql.ExpressionCompiler;
import dev.quarry.local.sql.Sql;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * Runs a {@link SemanticProject}: reads the input table row by row (DuckDB holds the rows; the heap
 * holds one row plus the requests in flight), hands each row to every column's {@link ColumnJob}
 * (the columns run concurrently through one {@link RequestPipeline}), and joins the columns' result
 * tables back to the input by row id, in input order, into the node's result table.
 */
final class ProjectExecutor {
    private static final int EMBED_BATCH = 256;

    private final SemanticExecution execution;

    ProjectExecutor(SemanticExecution execution) {
        this.execution = execution;
    }

    /**
     * Computes the node.
     *
     * @param node the projection
     * @param input the raw name of the table holding the child's rows
     * @return the raw name of the table holding the node's rows
     */
    String run(SemanticProject node, String input) {
        long start = System.nanoTime();
        long rows = execution.count(input);
        List<String> names = new ArrayList<>();
        for (Alias column : node.columns()) {
            names.add(execution.uniqueName(node.label(column)));
        }
        String label = names.size() == 1 ? names.get(0) : "SemanticProject(" + String.join(", ", names) + ")";
        Progress progress = execution.progress(label, rows * names.size());
        RequestPipeline pipeline = execution.pipeline(label, progress);
        List<ColumnJob> jobs = new ArrayList<>();
        try {
            for (int i = 0; i < names.size(); i++) {
                jobs.add(job((SemanticFunction) node.columns().get(i).child(), names.get(i), pipeline, progress));
            }
            feed(node, input, jobs, pipeline, progress);
            for (ColumnJob job : jobs) {
                job.finish();
            }
            pipeline.drain();
        } finally {
            for (ColumnJob job : jobs) {
                job.table().close();
            }
            progress.requests(pipeline.sent());
            progress.finish();
        }
        String output = join(node, input, jobs);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        for (ColumnJob job : jobs) {
            execution.addMetrics(job.op().metrics(time, rows));
        }
        return output;
    }

    /** The job computing one column; {@code name} is its operator's name in metrics. */
    private ColumnJob job(SemanticFunction f, String name, RequestPipeline pipeline, Progress progress) {
        OperatorRun op = execution.operator(name, f.toString(), f.spec().modelAlias());
        ResultTable table = ResultTable.create(execution.connection(), execution.newTableName(), f.type());
        execution.track(table.name());
        if (f.kind() == Kind.EMBED) {
            EmbeddingType type = f.type() instanceof EmbeddingType e ? e : new EmbeddingType(0, "");
            return new EmbedColumn(
                    op,
                    table,
                    pipeline,
                    progress,
                    type,
                    EMBED_BATCH,
                    execution.settings().batchRows());
        }
        if (f.kind() == Kind.REDUCE) {
            return new ReduceColumn(
                    f,
                    op,
                    table,
                    pipeline,
                    progress,
                    execution.runtime(),
                    execution.settings().reduceContextTokens());
        }
        return new ChatColumn(ColumnPrompt.of(f), op, table, pipeline, progress);
    }

    /** Streams the input rows into the jobs. */
    private void feed(
            SemanticProject node, String input, List<ColumnJob> jobs, RequestPipeline pipeline, Progress progress) {
        ExpressionCompiler compiler = execution.expressions();
        List<StructField> inputFields = new ArrayList<>();
        StringJoiner select = new StringJoiner(", ", "SELECT rowid AS \"__rid\", ", " FROM " + Sql.identifier(input));
        int[] firstInput = new int[jobs.size()];
        int[] inputCount = new int[jobs.size()];
        List<SemanticFunction> functions = node.functions();
        for (int j = 0; j < functions.size(); j++) {
            firstInput[j] = inputFields.size();
            inputCount[j] = functions.get(j).inputs().size();
            for (Expression e : functions.get(j).inputs()) {
                String alias = "__in" + inputFields.size();
                select.add(compiler.compile(e) + " AS " + Sql.identifier(alias));
                inputFields.add(new StructField(alias, e.type(), true));
            }
        }
        if (inputFields.isEmpty()) {
            select = new StringJoiner(", ", "SELECT rowid AS \"__rid\"", " FROM " + Sql.identifier(input));
        }
        List<StructField> all = new ArrayList<>();
        all.add(new StructField("__rid", dev.quarry.types.ScalarType.LONG, false));
        all.addAll(inputFields);
        String sql = ResultReader.transport(new Schema(all), select.toString());
        ResultReader.ValueReader[] readers = new ResultReader.ValueReader[inputFields.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = ResultReader.valueReader(inputFields.get(i).type());
        }
        try (Statement st = execution.connection().createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            Object[] values = new Object[readers.length];
            while (rs.next()) {
                pipeline.awaitCapacity();
                long rid = rs.getLong(1);
                for (int i = 0; i < readers.length; i++) {
                    values[i] = readers[i].read(rs, i + 2);
                }
                for (int j = 0; j < jobs.size(); j++) {
                    jobs.get(j)
                            .row(
                                    rid,
                                    Arrays.asList(
                                            Arrays.copyOfRange(values, firstInput[j], firstInput[j] + inputCount[j])));
                }
                progress.requests(pipeline.sent());
            }
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "reading the input of a semantic operator", false);
        }
    }

    /** The node's rows: the input's columns, then each column's values, in input order. */
    private String join(SemanticProject node, String input, List<ColumnJob> jobs) {
        StringJoiner select = new StringJoiner(", ", "SELECT ", "");
        for (StructField f : node.child().schema().fields()) {
            select.add("i." + Sql.identifier(f.name()) + " AS " + Sql.identifier(f.name()));
        }
        StringBuilder from = new StringBuilder(" FROM " + Sql.identifier(input) + " AS i");
        for (int j = 0; j < jobs.size(); j++) {
            String r = "r" + j;
            select.add(jobs.get(j).table().select(r) + " AS "
                    + Sql.identifier(node.columns().get(j).name()));
            from.append(" LEFT JOIN ")
                    .append(Sql.identifier(jobs.get(j).table().name()))
                    .append(" AS ")
                    .append(r)
                    .append(" ON ")
                    .append(r)
                    .append(".rid = i.rowid");
        }
        String output = execution.newTableName();
        execution.createTable(output, select + from.toString() + " ORDER BY i.rowid");
        for (ColumnJob job : jobs) {
            execution.drop(job.table().name());
        }
        return output;
    }
}
