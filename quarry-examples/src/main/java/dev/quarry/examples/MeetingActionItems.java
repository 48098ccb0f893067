package dev.quarry.examples;

import static dev.quarry.functions.Functions.col;

import dev.quarry.DataFrame;
import dev.quarry.Description;
import dev.quarry.ModelUsage;
import dev.quarry.QueryMetrics;
import dev.quarry.Row;
import dev.quarry.SaveMode;
import dev.quarry.Session;
import dev.quarry.functions.Semantic;
import dev.quarry.models.LanguageModelConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Meeting transcript action items: one {@code Semantic.extract} per transcript fills a nested
 * record, {@link MeetingNotes}, with lists of strings (attendees, decisions) and a list of records
 * ({@link ActionItem}: owner, task, optional due date). The notes are written as Parquet, then the
 * action items are flattened into a table with {@code explode} and {@code unnest}.
 *
 * <p>The bundled {@code meetings.jsonl} holds three transcripts (release planning, a data platform
 * sync, a customer escalation). Without a provider key in the environment the example runs against
 * the LLM simulator.
 *
 * <pre>
 * mvn -q -pl quarry-examples exec:java -Dexec.mainClass=dev.quarry.examples.MeetingActionItems [-Dexec.args=work-dir]
 * </pre>
 */
public final class MeetingActionItems {
    private MeetingActionItems() {}

    /** One thing someone agreed to do. */
    public record ActionItem(
            @Description("the person who will do it, by first name")
            String owner,

            @Description("what they will do, as a short imperative sentence")
            String task,

            @Description("when it is due, as said in the meeting (e.g. Friday, tomorrow), if a date was said")
            Optional<String> due) {}

    /** What a meeting produced. */
    public record MeetingNotes(
            @Description("the people who spoke, by first name")
            List<String> attendees,

            @Description("the decisions taken in the meeting")
            List<String> decisions,

            @Description("the action items agreed in the meeting, one per task")
            List<ActionItem> actionItems) {}

    /**
     * What the example found.
     *
     * @param actionItems one row per action item: meeting_id, title, owner, task, due
     * @param decisions one row per decision: meeting_id, decision
     * @param languageModel the language-model usage of the whole run
     */
    public record Result(List<Row> actionItems, List<Row> decisions, ModelUsage languageModel) {
        /** Copies the lists. */
        public Result {
            actionItems = List.copyOf(actionItems);
            decisions = List.copyOf(decisions);
        }
    }

    /**
     * Extracts the notes of the bundled transcripts with {@code model}.
     *
     * <pre>{@code MeetingActionItems.Result r = MeetingActionItems.run(Path.of("work"), model, System.out);}</pre>
     *
     * @param workDir where the data, the session's cache and the Parquet output go
     * @param model the language model
     * @param out where the tables and metrics are printed
     * @return the action items, the decisions and the model usage
     */
    public static Result run(Path workDir, LanguageModelConfig model, PrintStream out) {
        Path meetings = ExampleData.copyTo(workDir, "meetings.jsonl");
        try (Session session = ExampleKit.session("meeting-action-items", workDir, model)) {
            DataFrame transcripts = session.read().json(meetings.toString());
            DataFrame notes = transcripts.withColumn("notes", Semantic.extract(col("transcript"), MeetingNotes.class));

            Path notesParquet = workDir.resolve("meeting_notes.parquet");
            QueryMetrics write =
                    notes.drop("transcript").write().mode(SaveMode.OVERWRITE).parquet(notesParquet.toString());

            DataFrame written = session.read().parquet(notesParquet.toString());
            List<Row> items = written.select(
                            col("meeting_id"),
                            col("title"),
                            col("notes").getField("actionItems").as("item"))
                    .explode("item")
                    .unnest("item")
                    .orderBy(
                            col("meeting_id").asc(),
                            col("owner").asc(),
                            col("task").asc())
                    .collectAsList();
            List<Row> decisions = written.select(
                            col("meeting_id"),
                            col("notes").getField("decisions").as("decision"))
                    .explode("decision")
                    .orderBy(col("meeting_id").asc(), col("decision").asc())
                    .collectAsList();

            out.println("Action items from " + transcripts.count() + " meetings:");
            ExampleKit.printRows(out, items, "meeting_id", "owner", "task", "due");
            out.println();
            out.println("Decisions:");
            ExampleKit.printRows(out, decisions, "meeting_id", "decision");
            out.println();
            ModelUsage usage = ExampleKit.printUsage(out, List.of(write));
            return new Result(items, decisions, usage);
        }
    }

    /**
     * Runs the example.
     *
     * @param args an optional work directory (default {@code target/examples/meeting-action-items})
     */
    public static void main(String[] args) {
        ExampleKit.main(
                "Meeting action items",
                args,
                "target/examples/meeting-action-items",
                (dir, model) -> run(dir, model, System.out));
    }
}
