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
     * Returns the status in one line, such as
     * {@code file /etc/ipguard.properties: version 2 loaded 2026-11-30T12:00:00Z}.
     *
     * @return the status in words
     */
    @Override
    String toString();
}
