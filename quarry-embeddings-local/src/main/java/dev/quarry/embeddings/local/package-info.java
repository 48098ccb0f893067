/**
 * The in-process embedding model: all-MiniLM-L6-v2 (int8-quantized ONNX, 384 dimensions), plugged
 * into the inference runtime through {@link dev.quarry.inference.spi.LocalEmbeddingProvider}. The
 * model and tokenizer are read from the classpath; nothing is downloaded.
 *
 * <pre>{@code
 * Session.builder().embeddingModel("mini", LocalEmbeddingModel.allMiniLmL6V2())
 * }</pre>
 */
package dev.quarry.embeddings.local;
