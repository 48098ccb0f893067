package dev.quarry.testkit.simulator;

/**
 * One generated answer.
 *
 * @param text the answer text (JSON text for structured output)
 * @param outputTokens its tokens
 * @param truncated cut at the output limit (finish reason length / max_tokens)
 * @param empty no answer at all (empty choices / content / candidates)
 */
record Completion(String text, int outputTokens, boolean truncated, boolean empty) {}
