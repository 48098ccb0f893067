package dev.quarry.inference;

import java.time.Duration;
import java.util.PriorityQueue;

/** A time source that only moves when told to; scheduled tasks run inside {@link #advance}. */
public final class ManualTime implements TimeSource {
    private record Scheduled(long at, long seq, Runnable task) {}

    private final PriorityQueue<Scheduled> tasks =
            new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now = 1_000_000_000L;
    private long wallMillis = 1_700_000_000_000L;
    private long seq;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return wallMillis + (now - 1_000_000_000L) / 1_000_000L;
    }

    @Override
    public synchronized void schedule(long delayNanos, Runnable task) {
        tasks.add(new Scheduled(now + Math.max(0, delayNanos), seq++, task));
    }

    /** Runs every task due within {@code d}, in time order, then sets the clock to now + d. */
    public void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toNanos();
        }
        while (true) {
            Scheduled next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.at > target) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = Math.max(now, next.at);
            }
            next.task.run();
        }
    }

    /** Runs what is due now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves the wall clock only (for cache TTL). */
    public synchronized void advanceWallClock(Duration d) {
        wallMillis += d.toMillis();
    }
}
