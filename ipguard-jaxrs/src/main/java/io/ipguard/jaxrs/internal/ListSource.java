package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.ListStatus;

/**
 * One group kept outside the configuration (at a URL, in a file). It holds the last good list and
 * loads a new one when asked; the configuration compiles every list naming the group from it.
 * Implementations are thread-safe: refreshes are serialised, readers see immutable snapshots.
 */
interface ListSource {

    /** The group it serves. */
    String group();

    /** Where the list comes from, for messages: a URL or a file path. */
    String origin();

    /** The list in force, or null until one has loaded. */
    CompiledIpSet set();

    /** The entries in force as written, comma-separated, for explanations; null if not kept. */
    String entries();

    SourceHealth health();

    default ListStatus status() {
        return health().status();
    }

    /** Loads the list again if it changed; true if a new list was put in place. Never throws. */
    boolean refresh();

    /** As {@link #refresh}, without waiting for a change to hold still: for an explicit reload. */
    default boolean refreshNow() {
        return refresh();
    }

    /**
     * Puts back the list the latest refresh replaced, because in the configuration it would do
     * harm; the status names {@code why}.
     */
    void refuseLatest(String why);
}
