package io.ipguard.jaxrs.internal.observe;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Logs refusals at WARNING, at most {@value #LINES_PER_SECOND} lines a second, so that a flood
 * of refused requests cannot fill a disk. Lines dropped in one second are counted in the next
 * line written. A fault (the same error inside the guard, again and again) is logged once a
 * second, with how many times it repeated since. Thread-safe.
 */
public final class RefusalLog {

    static final int LINES_PER_SECOND = 10;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final System.Logger logger;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int linesInWindow;
    private long suppressed;
    private final Map<String, long[]> faults = new HashMap<>();

    public RefusalLog(System.Logger logger, LongSupplier nanoTime) {
        this.logger = logger;
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    /**
     * Logs a fault once per second per {@code fault} text, counting the repeats in between; the
     * line still counts against the per-second quota.
     */
    public void logFault(String fault, Supplier<String> message) {
        long repeats;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (faults.size() > 100) {
                // Many distinct faults at once: forget them rather than grow; the quota still holds.
                faults.clear();
            }
            long[] seen = faults.get(fault);
            if (seen != null && now - seen[0] < SECOND) {
                seen[1]++;
                return;
            }
            repeats = seen == null ? 0 : seen[1];
            faults.put(fault, new long[] {now, 0});
        }
        log(repeats == 0 ? message : () -> message.get() + " (repeated " + repeats + " times since it was last logged)");
    }

    /** Logs the message unless this second's quota is spent; builds it only if it is logged. */
    public void log(Supplier<String> message) {
        long dropped;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (now - windowStart >= SECOND) {
                windowStart = now;
                linesInWindow = 0;
            }
            if (linesInWindow >= LINES_PER_SECOND) {
                suppressed++;
                return;
            }
            linesInWindow++;
            dropped = suppressed;
            suppressed = 0;
        }
        String line = message.get();
        logger.log(System.Logger.Level.WARNING, dropped == 0 ? line
                : line + " (" + dropped + " earlier refusal lines suppressed by the rate limit)");
    }
}
