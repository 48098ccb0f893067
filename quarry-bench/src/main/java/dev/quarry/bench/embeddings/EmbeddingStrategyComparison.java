package dev.quarry.bench.embeddings;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Why the local embedder runs each text alone on a pool of single-threaded ONNX runs: compares it
 * with ONNX Runtime's own intra-op threads and with padded batches, on the same model file and
 * tokenizer, and measures how far a padded batch moves a text's vector (the int8 graph quantizes
 * activations with one scale for the whole input tensor). Prints a Markdown table.
 *
 * <pre>{@code
 * mvn -q -pl quarry-bench -am package -Dmaven.test.skip=true
 * java -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.embeddings.EmbeddingStrategyComparison --texts 1000 --repetitions 3
 * }</pre>
 */
public final class EmbeddingStrategyComparison {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int DIMENSIONS = 384;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final HuggingFaceTokenizer tokenizer;
    private final byte[] model;

    private EmbeddingStrategyComparison() throws IOException {
        this.model = resource("/all-minilm-l6-v2-q.onnx");
        this.tokenizer = HuggingFaceTokenizer.newInstance(
                new java.io.ByteArrayInputStream(resource("/all-minilm-l6-v2-q-tokenizer.json")),
                Map.of("padding", "false", "truncation", "true", "maxLength", "256"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EmbeddingStrategyComparison.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException(name + " is not on the classpath");
            return in.readAllBytes();
        }
    }

    private OrtSession session(int intraOpThreads) throws OrtException {
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(intraOpThreads);
            o.setInterOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return environment.createSession(model, o);
        }
    }

    /** Embeds texts as one padded tensor; returns mean-pooled, normalized vectors. */
    private List<float[]> padded(OrtSession session, List<String> texts) throws OrtException {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int rows = encodings.length;
        int width = 0;
        for (Encoding e : encodings) width = Math.max(width, e.getIds().length);
        long[][] ids = new long[rows][width];
        long[][] mask = new long[rows][width];
        long[][] types = new long[rows][width];
        for (int i = 0; i < rows; i++) {
            long[] x = encodings[i].getIds();
            System.arraycopy(x, 0, ids[i], 0, x.length);
            java.util.Arrays.fill(mask[i], 0, x.length, 1L);
        }
        try (OnnxTensor ti = OnnxTensor.createTensor(environment, ids);
                OnnxTensor tm = OnnxTensor.createTensor(environment, mask);
                OnnxTensor tt = OnnxTensor.createTensor(environment, types);
                OrtSession.Result r =
                        session.run(Map.of("input_ids", ti, "attention_mask", tm, "token_type_ids", tt))) {
            FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
            List<float[]> out = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                double[] sum = new double[DIMENSIONS];
                for (int t = 0; t < width; t++) {
                    if (mask[i][t] == 0) continue;
                    int base = (i * width + t) * DIMENSIONS;
                    for (int d = 0; d < DIMENSIONS; d++) sum[d] += hidden.get(base + d);
                }
                out.add(normalize(sum));
            }
            return out;
        }
    }

    private static float[] normalize(double[] sum) {
        double norm = 0;
        for (double x : sum) norm += x * x;
        norm = Math.sqrt(norm);
        float[] v = new float[sum.length];
        for (int d = 0; d < sum.length; d++) v[d] = (float) (sum[d] / norm);
        return v;
    }

    private interface Strategy {
        List<float[]> embed(List<String> texts) throws Exception;
    }

    /** Runs batches of {@code batch} texts (1 = each text alone) on {@code callers} threads. */
    private Strategy strategy(OrtSession session, int batch, int callers) {
        return texts -> {
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                List<Future<List<float[]>>> parts = new ArrayList<>();
                for (int i = 0; i < texts.size(); i += batch) {
                    List<String> part = texts.subList(i, Math.min(texts.size(), i + batch));
                    parts.add(pool.submit(() -> padded(session, part)));
                }
                List<float[]> out = new ArrayList<>(texts.size());
                for (Future<List<float[]>> f : parts) out.addAll(f.get());
                return out;
            } finally {
                pool.shutdownNow();
            }
        };
    }

    private static double minCosine(List<float[]> a, List<float[]> b) {
        double min = 1;
        for (int i = 0; i < a.size(); i++) {
            double dot = 0;
            for (int d = 0; d < DIMENSIONS; d++) dot += a.get(i)[d] * b.get(i)[d];
            min = Math.min(min, dot);
        }
        return min;
    }

    /**
     * Runs the comparison.
     *
     * <pre>{@code EmbeddingStrategyComparison.main(new String[] {"--texts", "1000"});}</pre>
     *
     * @param args {@code --texts N} (default 1000), {@code --repetitions R} (default 3)
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        LocalEmbeddingThroughput.Options options = LocalEmbeddingThroughput.Options.parse(args);
        int count = options.texts();
        int repetitions = options.repetitions();
        List<String> texts = LocalEmbeddingThroughput.tickets(count, 42);
        EmbeddingStrategyComparison c = new EmbeddingStrategyComparison();
        System.out.printf(
                "# %d texts, %d cores, load average at start %.1f%n%n",
                texts.size(), Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage());
        System.out.println("| strategy | texts/s best | CPU ms/text | min cosine to the text run alone |");
        System.out.println("|---|---:|---:|---:|");
        try (OrtSession one = c.session(1);
                OrtSession two = c.session(2)) {
            List<float[]> reference = c.strategy(one, 1, 1).embed(texts);
            Object[][] strategies = {
                {"each text alone, 1 worker, intra-op 1", c.strategy(one, 1, 1)},
                {"each text alone, 2 workers, intra-op 1 (shipped)", c.strategy(one, 1, 2)},
                {"each text alone, 1 caller, intra-op 2", c.strategy(two, 1, 1)},
                {"padded batch of 32, 2 workers, intra-op 1", c.strategy(one, 32, 2)},
                {"padded batch of 32, 1 caller, intra-op 2", c.strategy(two, 32, 1)},
                {"padded batch of 64, 2 workers, intra-op 1", c.strategy(one, 64, 2)},
            };
            // warm every strategy, then let the repetitions take turns so a busy moment hits all alike
            for (Object[] s : strategies) ((Strategy) s[1]).embed(texts.subList(0, 64));
            double[] best = new double[strategies.length];
            long[] cpu = new long[strategies.length];
            double[] minCosine = new double[strategies.length];
            for (int r = 0; r < repetitions; r++) {
                for (int k = 0; k < strategies.length; k++) {
                    long cpu0 = OS.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    List<float[]> vectors = ((Strategy) strategies[k][1]).embed(texts);
                    best[k] = Math.max(best[k], texts.size() / ((System.nanoTime() - t0) / 1e9));
                    cpu[k] += OS.getProcessCpuTime() - cpu0;
                    minCosine[k] = minCosine(reference, vectors);
                }
            }
            for (int k = 0; k < strategies.length; k++) {
                System.out.printf(
                        "| %s | %.0f | %.2f | %.4f |%n",
                        strategies[k][0], best[k], cpu[k] / 1e6 / repetitions / texts.size(), minCosine[k]);
            }
        }
        System.out.printf("%nload average at end %.1f%n", OS.getSystemLoadAverage());
    }
}
