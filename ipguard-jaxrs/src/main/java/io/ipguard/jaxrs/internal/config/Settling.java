package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.internal.io.Logs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Watches a file being written: a change is read only once the file holds still, so a file that
 * keeps changing would wait silently. After {@link #BOUND} of continuous change this says so, once,
 * and says again when the file holds still and is read. Not thread-safe: the loader's lock guards it.
 */
final class Settling {

    static final Duration BOUND = Duration.ofSeconds(10);
    private static final System.Logger LOG = Logs.LOG;

    private final Clock clock;
    private final String file;
    private Instant changingSince;
    private boolean reported;

    Settling(Clock clock, String file) {
        this.clock = clock;
        this.file = file;
    }

    /** A poll found the file different from the last poll. */
    void changed() {
        Instant now = clock.instant();
        if (changingSince == null) {
            changingSince = now;
        } else if (!reported && Duration.between(changingSince, now).compareTo(BOUND) >= 0) {
            reported = true;
            LOG.log(System.Logger.Level.WARNING, "ipguard: " + file + " has kept changing for " + BOUND.toSeconds()
                    + " s, so the configuration in force stays until it holds still; write the file whole, then move "
                    + "it into place");
        }
    }

    /** A poll found the file as it was: whatever changed is read now. */
    void settled() {
        if (reported) {
            LOG.log(System.Logger.Level.INFO, "ipguard: " + file + " holds still again; reading it");
        }
        changingSince = null;
        reported = false;
    }
}
