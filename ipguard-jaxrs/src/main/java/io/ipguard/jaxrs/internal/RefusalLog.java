package io.ipguard.jaxrs.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Logs refusals at WARNING, at most {@value #LINES_PER_SECOND} lines a second, so that a flood
 * of refused requests cannot fill a disk. Lines dropped in one second are counted in the next
 * line written. Thread-safe.
 */
public final class RefusalLog {

    static final int LINES_PER_SECOND = 10;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final System.Logger logger;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int linesInWindow;
    private long suppressed;

    public RefusalLog(System.Logger logger, LongSupplier nanoTime) {
        this.logger = logger;
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
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
