package io.ipguard.jaxrs;

import java.time.Instant;
import java.util.Optional;

/**
 * The health of one source of lists (the configuration, a watched file, a URL): when the lists in
 * force were loaded from it, and the last error, if the latest attempt failed. After an error the
 * previous lists stay in force.
 *
 * <p>Instances are immutable snapshots.
 */
public final class ListStatus {

    private final String source;
    private final Instant loadedAt;
    private final long version;
    private final String lastError;
    private final Instant lastErrorAt;

    /**
     * Creates a status.
     *
     * @param source what the source is, such as {@code file /etc/ipguard.properties}
     * @param loadedAt when the lists in force were loaded, or null if never
     * @param version how many times lists were loaded from this source
     * @param lastError the error of the latest attempt, or null if it succeeded
     * @param lastErrorAt when that error happened, or null
     */
    public ListStatus(String source, Instant loadedAt, long version, String lastError, Instant lastErrorAt) {
        this.source = source;
        this.loadedAt = loadedAt;
        this.version = version;
        this.lastError = lastError;
        this.lastErrorAt = lastErrorAt;
    }

    /** @return what the source is, such as {@code file /etc/ipguard.properties} or {@code url https://...} */
    public String source() {
        return source;
    }

    /** @return when the lists in force were loaded from this source; empty if never */
    public Optional<Instant> loadedAt() {
        return Optional.ofNullable(loadedAt);
    }

    /** @return how many times lists were loaded from this source (1 after start-up) */
    public long version() {
        return version;
    }

    /** @return the error of the latest attempt; empty if it succeeded */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** @return when the last error happened; empty if the latest attempt succeeded */
    public Optional<Instant> lastErrorAt() {
        return Optional.ofNullable(lastErrorAt);
    }

    @Override
    public String toString() {
        return source + ": version " + version + " loaded " + (loadedAt == null ? "never" : loadedAt)
                + (lastError == null ? "" : ", last error at " + lastErrorAt + ": " + lastError);
    }
}
