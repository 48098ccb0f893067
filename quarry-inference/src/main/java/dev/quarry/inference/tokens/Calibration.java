package dev.quarry.inference.tokens;

/**
 * Learns, per model, two things from reported usage: the ratio between the provider's prompt token
 * count and our local count (providers without a public tokenizer, tool-use overheads), and the
 * typical output length, so that rate-limit reservations use realistic output estimates instead of
 * {@code max_tokens}. Thread-safe.
 *
 * <pre>{@code
 * Calibration c = new Calibration(1.15, 256);
 * long estimate = c.inputEstimate(rawCount);
 * c.observe(rawCount, reportedInput, reportedOutput);
 * }</pre>
 */
public final class Calibration {
    /** Weight of a new observation in the moving averages. */
    static final double ALPHA = 0.05;

    /** Answers seen before the learned output length replaces the cap. */
    static final int WARMUP = 5;

    private double inputRatio;
    private double outputMean;
    private double outputSquares;
    private long observations;

    /**
     * A calibration with initial guesses.
     *
     * <pre>{@code new Calibration(1.0, 256)}</pre>
     *
     * @param initialInputRatio provider tokens per local token before any observation
     * @param initialOutputTokens expected output tokens before any observation
     */
    public Calibration(double initialInputRatio, double initialOutputTokens) {
        this.inputRatio = initialInputRatio;
        this.outputMean = initialOutputTokens;
        this.outputSquares = initialOutputTokens * initialOutputTokens;
    }

    /**
     * The calibrated prompt token estimate.
     *
     * <pre>{@code long in = c.inputEstimate(812);}</pre>
     *
     * @param rawCount the local count
     * @return the estimate
     */
    public synchronized long inputEstimate(long rawCount) {
        return (long) Math.ceil(rawCount * inputRatio);
    }

    /**
     * The output tokens to reserve, bounded by the request's cap: the cap itself (or the initial
     * guess when there is none) until a few answers were seen, then the learned mean plus three
     * standard deviations. Reserving high costs little — the surplus is refunded when the answer
     * arrives — while reserving short makes the client overrun the provider's budget.
     *
     * <pre>{@code long out = c.outputEstimate(1024);}</pre>
     *
     * @param cap the request's output cap, 0 for none
     * @return the estimate
     */
    public synchronized long outputEstimate(long cap) {
        long e;
        if (observations < WARMUP) {
            e = cap > 0 ? cap : (long) Math.ceil(outputMean);
        } else {
            double variance = Math.max(0, outputSquares - outputMean * outputMean);
            e = (long) Math.ceil(outputMean + 3 * Math.sqrt(variance));
        }
        e = Math.max(1, e);
        return cap > 0 ? Math.min(cap, e) : e;
    }

    /**
     * The learned mean output length.
     *
     * <pre>{@code double mean = c.meanOutputTokens();}</pre>
     *
     * @return the mean
     */
    public synchronized double meanOutputTokens() {
        return outputMean;
    }

    /**
     * The learned ratio of provider prompt tokens to local tokens.
     *
     * <pre>{@code double r = c.inputRatio();}</pre>
     *
     * @return the ratio
     */
    public synchronized double inputRatio() {
        return inputRatio;
    }

    /**
     * Learns from one response.
     *
     * <pre>{@code c.observe(812, 845, 37);}</pre>
     *
     * @param rawInputCount the local count of the request
     * @param reportedInput the provider's prompt tokens (0 when not reported)
     * @param reportedOutput the provider's output tokens
     */
    public synchronized void observe(long rawInputCount, long reportedInput, long reportedOutput) {
        double a = observations < 20 ? 1.0 / (observations + 1) : ALPHA;
        if (rawInputCount > 0 && reportedInput > 0) {
            inputRatio += a * ((double) reportedInput / rawInputCount - inputRatio);
        }
        outputMean += a * (reportedOutput - outputMean);
        outputSquares += a * ((double) reportedOutput * reportedOutput - outputSquares);
        observations++;
    }
}
