package dev.quarry.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class MeetingActionItemsTest {
    @TempDir
    static Path work;

    private static SimulatedRun<MeetingActionItems.Result> run;

    @BeforeAll
    static void runExample() {
        run = SimulatedRun.of((model, out) -> MeetingActionItems.run(work, model, out));
    }

    @Test
    void run_offline_printedRequestsMatchTheSimulatorsCount() {
        assertThat(run.printedRequests()).isEqualTo(3).isEqualTo(run.simulatorRequests);
    }

    @Test
    void run_bundledTranscripts_flattensTheNestedActionItems() {
        assertThat(run.result.actionItems())
                .extracting(
                        r -> r.getString("meeting_id"),
                        r -> r.getString("owner"),
                        r -> r.getString("task"),
                        r -> r.get("due"))
                .contains(
                        tuple("m-101", "Tom", "Fix the Safari date picker bug", "Wednesday"),
                        tuple("m-101", "Lena", "Take the second blocker, the card validation message", "Thursday"),
                        tuple("m-102", "Ken", "Write a retention proposal", "next Tuesday"),
                        tuple("m-103", "Oscar", "Check whether other customers were double charged", "Monday"));
        assertThat(run.result.actionItems()).hasSize(12);
    }

    @Test
    void run_actionItemWithoutADate_hasANullDue() {
        assertThat(run.result.actionItems())
                .filteredOn(r -> r.getString("task").equals("Update the billing FAQ"))
                .singleElement()
                .satisfies(r -> assertThat(r.isNullAt("due")).isTrue());
    }

    @Test
    void run_bundledTranscripts_listsTheDecisionsPerMeeting() {
        assertThat(run.result.decisions())
                .extracting(r -> r.getString("meeting_id"))
                .containsExactly("m-101", "m-101", "m-102", "m-103", "m-103");
    }
}
