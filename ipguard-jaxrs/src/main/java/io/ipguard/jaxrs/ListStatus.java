package io.ipguard.jaxrs;

import java.time.Instant;
import java.util.Optional;

/**
 * The health of one source of lists (the configuration, a watched file, a URL): when the lists in
 * force were loaded from it, and the last error, if the latest attempt failed. After an error the
 * previous lists stay in force. {@link IpGuardInspector#status()} hands these out.
 *
 * <p>Instances are immutable snapshots.
 */
public interface ListStatus {

    /** @return what the source is, such as {@code file /etc/ipguard.properties} or {@code url https://...} */
    String source();

    /** @return when the lists in force were loaded from this source; empty if never */
    Optional<Instant> loadedAt();

    /** @return how many times lists were loaded from this source (1 after start-up) */
    long version();

    /** @return the error of the latest attempt; empty if it succeeded */
    Optional<String> lastError();

    /** @return when the last error happened; empty if the latest attempt succeeded */
    Optional<Instant> lastErrorAt();

    /**
     * Returns how many entries the lists in force hold from this source.
     *
     * @return the entries in force; 0 if nothing was ever loaded
     */
    default int entries() {
        return 0;
    }

    /**
     * Returns when this source was last found current: loaded, or checked and found unchanged (an
     * HTTP {@code 304} for a URL).
     *
     * @return the last successful check; empty if none succeeded
     */
    default Optional<Instant> checkedAt() {
        return loadedAt();
    }

    /**
     * Returns when this source was last tried, whatever came of it.
     *
     * @return the last attempt; empty if none was made
     */
    default Optional<Instant> attemptedAt() {
        return lastErrorAt().or(this::checkedAt);
    }

    /**
     * Returns the status in one line, such as
     * {@code file /etc/ipguard.properties: version 2 loaded 2026-11-30T12:00:00Z}.
     *
     * @return the status in words
     */
    @Override
    String toString();
}
