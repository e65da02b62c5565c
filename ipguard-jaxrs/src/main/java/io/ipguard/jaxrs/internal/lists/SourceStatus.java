package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.ListStatus;
import java.time.Instant;
import java.util.Optional;

/** A {@link ListStatus}: one source's health at one moment. Immutable. */
public record SourceStatus(String source, Instant loaded, long version, String error, Instant errorAt) implements ListStatus {

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
