package dev.quarry.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.testkit.simulator.Latency;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import dev.quarry.testkit.simulator.RecordedRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM in the middle of a run, reruns it, and proves that no request whose answer the
 * first run had received is sent again: the persistent response cache makes a crashed run resumable.
 */
class CrashResumeTest {
    private static final int REQUESTS = 300;

    @TempDir
    Path dataDir;

    private Process startChild(String baseUrl) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashResumeChild.class.getName(),
                baseUrl,
                dataDir.toString(),
                Integer.toString(REQUESTS));
        pb.environment().put("OPENAI_API_KEY", "sk-child-test");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    @Test
    void rerunAfterKill_sendsNoAlreadyAnsweredRequestAgain() throws Exception {
        try (LlmSimulator sim = LlmSimulator.builder()
                .latency(Latency.fixed(Duration.ofMillis(20)))
                .start()) {
            String baseUrl = sim.baseUrl(Provider.OPENAI);
            Set<Integer> answeredBeforeKill = ConcurrentHashMap.newKeySet();
            Process first = startChild(baseUrl);
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("done ")) answeredBeforeKill.add(Integer.parseInt(line.substring(5)));
                    if (answeredBeforeKill.size() >= 100) break;
                }
                first.destroyForcibly();
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(answeredBeforeKill).hasSizeGreaterThanOrEqualTo(100).hasSizeLessThan(REQUESTS);
            int sentByFirstRun = sim.requests().size();

            Process second = startChild(baseUrl);
            String last = null;
            List<Integer> doneSecond = new ArrayList<>();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("done ")) doneSecond.add(Integer.parseInt(line.substring(5)));
                    last = line;
                }
            }
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isZero();
            assertThat(last).startsWith("finished");
            assertThat(doneSecond).hasSize(REQUESTS);

            Map<String, Integer> sends = new HashMap<>();
            for (RecordedRequest r : sim.requests()) {
                sends.merge(r.chat().lastUserText(), 1, Integer::sum);
            }
            for (int id : answeredBeforeKill) {
                assertThat(sends.get("question " + id))
                        .as("sends of question " + id)
                        .isEqualTo(1);
            }
            int sentBySecondRun = sim.requests().size() - sentByFirstRun;
            assertThat(sentBySecondRun).isLessThanOrEqualTo(REQUESTS - answeredBeforeKill.size());
            assertThat(Long.parseLong(last.substring("finished ".length())))
                    .isGreaterThanOrEqualTo(answeredBeforeKill.size());
        }
    }
}
