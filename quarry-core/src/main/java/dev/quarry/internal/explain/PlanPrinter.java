package dev.quarry.internal.explain;

import dev.quarry.internal.plan.FileScan;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.SqlRelation;
import dev.quarry.internal.plan.TableScan;
import java.util.List;
import java.util.Locale;

/**
 * Prints a plan as an indented tree, one node per line: its name, its arguments, and the names of
 * the columns it outputs.
 *
 * <pre>
 * Project [id, name] =&gt; [id, name]
 * +- Filter (age &gt; 30) =&gt; [id, name, age]
 *    +- FileScan csv people.csv =&gt; [id, name, age]
 * </pre>
 */
public final class PlanPrinter {
    private PlanPrinter() {}

    /**
     * The tree text, each line ending with a newline.
     *
     * <pre>{@code System.out.print(PlanPrinter.print(df.logicalPlan()));}</pre>
     *
     * @param plan the plan
     * @return the text
     */
    public static String print(LogicalPlan plan) {
        StringBuilder sb = new StringBuilder();
        append(sb, plan, "", "");
        return sb.toString();
    }

    private static void append(StringBuilder sb, LogicalPlan node, String firstPrefix, String restPrefix) {
        sb.append(firstPrefix).append(line(node)).append('\n');
        List<LogicalPlan> children = node.children();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            append(sb, children.get(i), restPrefix + (last ? "+- " : ":- "), restPrefix + (last ? "   " : ":  "));
        }
    }

    /**
     * One node's line without children: name, arguments, output columns.
     *
     * <pre>{@code PlanPrinter.line(filter) // "Filter (age > 30) => [id, age]"}</pre>
     *
     * @param node the node
     * @return the line
     */
    public static String line(LogicalPlan node) {
        String details = details(node);
        return node.nodeName() + (details.isEmpty() ? "" : " " + details) + " => "
                + node.schema().names();
    }

    /** The node's arguments, without the column lists that the output already shows. */
    static String details(LogicalPlan node) {
        if (node instanceof FileScan f) {
            return f.format().name().toLowerCase(Locale.ROOT) + " " + f.path()
                    + (f.options().isEmpty() ? "" : " " + f.options());
        }
        if (node instanceof TableScan t) {
            return t.name();
        }
        if (node instanceof LocalRelation l) {
            return l.rows().size() + (l.rows().size() == 1 ? " row" : " rows");
        }
        if (node instanceof SqlRelation s) {
            String sql = s.sql().replaceAll("\\s+", " ").trim();
            return "\"" + (sql.length() > 120 ? sql.substring(0, 117) + "..." : sql) + "\" frames="
                    + s.frames().keySet();
        }
        return node.details();
    }
}
