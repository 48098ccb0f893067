package dev.quarry.inference;

import dev.quarry.models.OpenAIModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The program {@link CrashResumeTest} runs in a child JVM: sends {@code n} distinct requests and
 * prints {@code done i} once answer {@code i} is received (and therefore cached).
 */
public final class CrashResumeChild {
    private CrashResumeChild() {}

    public static void main(String[] args) {
        String baseUrl = args[0];
        Path dataDir = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        try (InferenceRuntime rt = InferenceRuntime.builder()
                .languageModel(
                        "fast",
                        OpenAIModel.of("gpt-4.1-nano")
                                .baseUrl(baseUrl)
                                .rpm(100_000)
                                .tpm(100_000_000)
                                .maxConcurrency(4))
                .dataDir(dataDir)
                .build()) {
            List<CompletableFuture<ChatResult>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = i;
                all.add(rt.chat("fast", ChatRequest.of("question " + id)).whenComplete((r, e) -> {
                    if (e == null) {
                        synchronized (System.out) {
                            System.out.println("done " + id);
                            System.out.flush();
                        }
                    }
                }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            System.out.println("finished " + rt.usage().total().cacheHits());
            System.out.flush();
        }
    }
}
