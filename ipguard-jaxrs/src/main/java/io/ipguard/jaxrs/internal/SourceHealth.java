package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.ListStatus;
import java.time.Clock;

/** Tracks the {@link ListStatus} of one source across loads and failures. Thread-safe. */
final class SourceHealth {

    private static final System.Logger LOG = System.getLogger(io.ipguard.jaxrs.IpGuardFeature.class.getName());

    private final Clock clock;
    private volatile ListStatus status;

    SourceHealth(String source, Clock clock) {
        this.clock = clock;
        this.status = new SourceStatus(source, null, 0, null, null);
    }

    ListStatus status() {
        return status;
    }

    synchronized void loaded() {
        ListStatus s = status;
        status = new SourceStatus(s.source(), clock.instant(), s.version() + 1, null, null);
        if (s.version() > 0) {
            LOG.log(System.Logger.Level.INFO, "ipguard: reloaded " + s.source() + " (version " + (s.version() + 1) + ")");
        }
    }

    /** A check found the source unchanged: the lists in force are current. */
    synchronized void checked() {
        ListStatus s = status;
        if (s.lastError().isPresent()) {
            status = new SourceStatus(s.source(), s.loadedAt().orElse(null), s.version(), null, null);
        }
    }

    synchronized void failed(String error) {
        ListStatus s = status;
        status = new SourceStatus(s.source(), s.loadedAt().orElse(null), s.version(), error, clock.instant());
        LOG.log(System.Logger.Level.WARNING, "ipguard: could not load " + s.source()
                + (s.version() > 0 ? "; the lists loaded before stay in force: " : ": ") + error);
    }
}
