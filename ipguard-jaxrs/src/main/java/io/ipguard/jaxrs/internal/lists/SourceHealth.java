package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.internal.io.LogText;
import io.ipguard.jaxrs.internal.io.Logs;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tracks the {@link ListStatus} of one source across loads and failures, and the numbers metrics
 * read: entries in force, failures since the last success, and, for URLs, fetches by outcome.
 * Thread-safe.
 */
public final class SourceHealth {

    private static final System.Logger LOG = Logs.LOG;

    /** What a URL fetch came to: a new list, the same list, no answer or not 200, or an answer that is no usable list. */
    public enum Fetch { OK, NOT_MODIFIED, ERROR, INVALID }

    private final Clock clock;
    private final String tag;
    private volatile SourceStatus status;
    private volatile int entries;
    private volatile long failuresSinceSuccess;
    private final AtomicLong[] fetches = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};

    public SourceHealth(String source, String tag, Clock clock) {
        this.clock = clock;
        this.tag = tag;
        this.status = SourceStatus.untried(source);
    }

    public ListStatus status() {
        return status;
    }

    /** A short, stable name for metrics: {@code configuration}, {@code file}, or {@code url:<group>}. */
    public String tag() {
        return tag;
    }

    /** Entries in the lists in force from this source. */
    public int entries() {
        return entries;
    }

    /** Seconds since the epoch of the last good load; NaN if none. */
    public double loadedAtSeconds() {
        return status.loadedAt().map(at -> at.toEpochMilli() / 1000.0).orElse(Double.NaN);
    }

    /** Seconds since the list was last found current (loaded, or checked unchanged); NaN if never. */
    public double ageSeconds() {
        return status.checkedAt().map(at -> (clock.millis() - at.toEpochMilli()) / 1000.0).orElse(Double.NaN);
    }

    public long failuresSinceSuccess() {
        return failuresSinceSuccess;
    }

    public long fetches(Fetch outcome) {
        return fetches[outcome.ordinal()].get();
    }

    void fetched(Fetch outcome) {
        fetches[outcome.ordinal()].incrementAndGet();
    }

    /** The health as it stands, to put back if what loads next is refused. */
    record Before(SourceStatus status, int entries, long failuresSinceSuccess) {
    }

    synchronized Before before() {
        return new Before(status, entries, failuresSinceSuccess);
    }

    /**
     * Puts back the health from {@code before} a load the configuration then refused, and records
     * the refusal as a failure: the status keeps describing the list in force, not the refused one.
     */
    synchronized void refused(Before before, String problem) {
        status = before.status();
        entries = before.entries();
        failuresSinceSuccess = before.failuresSinceSuccess();
        failed(problem);
    }

    public synchronized void loaded(int entryCount) {
        entries = entryCount;
        failuresSinceSuccess = 0;
        SourceStatus s = status;
        java.time.Instant now = clock.instant();
        status = new SourceStatus(s.source(), now, s.version() + 1, null, null, entryCount, now, now);
    }

    /** Says that what was loaded is now in force, once the configuration took it (not when it was refused). */
    public void applied() {
        ListStatus s = status;
        if (s.version() > 1) {
            LOG.log(System.Logger.Level.INFO, "ipguard: reloaded " + s.source() + " (version " + s.version() + ")");
        }
    }

    /** A check found the source unchanged: the lists in force are current. */
    public synchronized void checked() {
        failuresSinceSuccess = 0;
        SourceStatus s = status;
        if (s.error() != null) {
            LOG.log(System.Logger.Level.INFO, "ipguard: " + s.source() + " is readable again; the lists in force are current");
        }
        java.time.Instant now = clock.instant();
        status = new SourceStatus(s.source(), s.loaded(), s.version(), null, null, s.entries(), now, now);
    }

    public synchronized void failed(String problem) {
        // What a list held can reach the problem through a parser's message: never a raw control character.
        String error = LogText.controlsEscaped(problem);
        failuresSinceSuccess++;
        SourceStatus s = status;
        java.time.Instant now = clock.instant();
        status = new SourceStatus(s.source(), s.loaded(), s.version(), error, now, s.entries(), s.checked(), now);
        if (error.equals(s.error())) {
            // The same problem again (a missing file polled twice a second): said once, counted always.
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "ipguard: could not load " + s.source()
                + (s.version() > 0 ? "; the lists loaded before stay in force: " : ": ") + error);
    }
}
