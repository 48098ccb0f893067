package dev.quarry.local.semantic;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar for a long semantic operator, redrawn in place on stderr at most five
 * times a second, and only once the operator has run for a second. Drawn when a terminal is
 * attached (or the session says {@code quarry.progress=always}); otherwise every call does nothing.
 * Used from the thread that drives the operator.
 */
final class Progress {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long PERIOD_NANOS = 200_000_000L;
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final String label;
    private final long start;
    private long total;
    private long done;
    private long requests;
    private long lastDraw;
    private boolean drawn;

    Progress(PrintStream out, LongSupplier nanoTime, String label, long total) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.label = label;
        this.total = total;
        this.start = nanoTime.getAsLong();
    }

    /** A progress bar that draws nothing. */
    static Progress silent() {
        return new Progress(null, () -> 0L, "", 0);
    }

    /**
     * The progress bar of an operator, drawn on stderr if the mode and the terminal allow.
     *
     * @param mode the session's progress setting
     * @param label the operator, e.g. {@code semantic.extract}
     * @param total the rows to do, or 0 when unknown
     * @return the bar
     */
    static Progress forOperator(SemanticSettings.ProgressMode mode, String label, long total) {
        boolean on = mode == SemanticSettings.ProgressMode.ALWAYS
                || (mode == SemanticSettings.ProgressMode.AUTO && System.console() != null);
        return on ? new Progress(System.err, System::nanoTime, label, total) : silent();
    }

    void total(long total) {
        this.total = total;
    }

    /** Counts finished rows. */
    void advance(long rows) {
        done += rows;
        refresh();
    }

    /** Counts requests handed to the model. */
    void requests(long sent) {
        requests = sent;
    }

    /** Redraws if it is time. */
    void refresh() {
        if (out == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - start < DELAY_NANOS || (drawn && now - lastDraw < PERIOD_NANOS)) {
            return;
        }
        lastDraw = now;
        drawn = true;
        out.print("\r" + render(now));
        out.flush();
    }

    /** Ends the line if anything was drawn. */
    void finish() {
        if (out != null && drawn) {
            out.print("\r" + render(nanoTime.getAsLong()) + "\n");
            out.flush();
        }
    }

    String render(long now) {
        StringBuilder sb = new StringBuilder(label).append(' ');
        if (total > 0) {
            long shown = Math.min(done, total);
            int filled = (int) (WIDTH * shown / total);
            sb.append('[')
                    .append("#".repeat(filled))
                    .append(".".repeat(WIDTH - filled))
                    .append("] ")
                    .append(String.format(Locale.ROOT, "%,d/%,d rows", shown, total));
        } else {
            sb.append(String.format(Locale.ROOT, "%,d rows", done));
        }
        long seconds = (now - start) / 1_000_000_000L;
        sb.append(String.format(Locale.ROOT, "  %,d requests  %d:%02d", requests, seconds / 60, seconds % 60));
        return sb.toString();
    }
}
