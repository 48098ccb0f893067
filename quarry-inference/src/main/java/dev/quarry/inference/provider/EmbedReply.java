package dev.quarry.inference.provider;

import java.util.List;

/**
 * A successful embedding response.
 *
 * <pre>{@code new EmbedReply(List.of(new float[] {0.1f, 0.2f}), 3)}</pre>
 *
 * @param vectors one vector per input, in input order
 * @param inputTokens billed tokens, -1 when the provider does not report them
 */
public record EmbedReply(List<float[]> vectors, long inputTokens) {}
