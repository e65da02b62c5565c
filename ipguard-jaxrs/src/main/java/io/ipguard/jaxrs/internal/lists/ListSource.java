package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.internal.address.CompiledIpSet;
import io.ipguard.jaxrs.internal.address.EntryListParser;
import io.ipguard.jaxrs.internal.address.ListEntry;
import java.util.List;

/**
 * One group kept outside the configuration (at a URL, in a file). It holds the last good list and
 * loads a new one when asked; the configuration compiles every list naming the group from it.
 * Implementations are thread-safe: refreshes are serialised, readers see immutable snapshots.
 */
public interface ListSource {

    /**
     * The list in force and what goes with it, read together: its set (null until one has loaded),
     * its entries as written for explanations (null if not kept), and the groups it names, which the
     * configuration resolves, with its own entries parsed (kept only when it names groups).
     */
    record Content(CompiledIpSet set, String entries, List<ListEntry> written, List<EntryListParser.Located> references) {
    }

    /** The group it serves. */
    String group();

    /** Where the list comes from, for messages: a URL (credentials in it hidden) or a file path. */
    String origin();

    /** Where the list comes from exactly, to tell whether a reloaded configuration still names the same source. */
    default String location() {
        return origin();
    }

    /** The list in force, or null until one has loaded. */
    CompiledIpSet set();

    /** The entries in force as written, comma-separated, for explanations; null if not kept. */
    String entries();

    SourceHealth health();

    /** What {@link #set()}, {@link #entries()} and the references give, from one version of the list. */
    default Content content() {
        return new Content(set(), entries(), null, List.of());
    }

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
