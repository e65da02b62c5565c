package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.ListStatus;
import java.time.Instant;
import java.util.Optional;

/** A {@link ListStatus}: one source's health at one moment. Immutable. */
public record SourceStatus(String source, Instant loaded, long version, String error, Instant errorAt, int entries,
                           Instant checked, Instant attempted) implements ListStatus {

    /** A source never tried yet. */
    public static SourceStatus untried(String source) {
        return new SourceStatus(source, null, 0, null, null, 0, null, null);
    }

    @Override
    public Optional<Instant> checkedAt() {
        return Optional.ofNullable(checked);
    }

    @Override
    public Optional<Instant> attemptedAt() {
        return Optional.ofNullable(attempted);
    }

    @Override
    public Optional<Instant> loadedAt() {
        return Optional.ofNullable(loaded);
    }

    @Override
    public Optional<String> lastError() {
        return Optional.ofNullable(error);
    }

    @Override
    public Optional<Instant> lastErrorAt() {
        return Optional.ofNullable(errorAt);
    }

    @Override
    public String toString() {
        return source + ": version " + version + " loaded " + (loaded == null ? "never" : loaded)
                + (error == null ? "" : ", last error at " + errorAt + ": " + error);
    }
}
