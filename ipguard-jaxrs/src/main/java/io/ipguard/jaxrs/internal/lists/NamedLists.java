package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.IpGuardProperties;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.internal.address.BuiltInLists;
import io.ipguard.jaxrs.internal.address.CompiledIpSet;
import io.ipguard.jaxrs.internal.address.EntryListParser;
import io.ipguard.jaxrs.internal.address.ListEntry;
import io.ipguard.jaxrs.internal.io.LogText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration's named lists as written, and the one step that turns them into the sets the
 * guard reads: references ({@code @name}, {@code !@name}) are resolved against groups, URL and file groups
 * and built-in sets, and each list is compiled once into a flat set, so a lookup never walks a
 * reference. Run again whenever a URL or file list changes, so that every list naming it changes with it,
 * in the same new configuration. Immutable.
 */
public final class NamedLists {

    /** A list as written under its key: where, the value itself, and parsed. */
    public record Written(String key, String where, String value, EntryListParser.Parsed parsed) {
    }

    /** The compiled lists: every group by name, and the trusted proxies. */
    public record Compiled(Map<String, IpSet> groups, CompiledIpSet trustedProxies) {
    }

    private static final CompiledIpSet EMPTY = CompiledIpSet.compile(List.of());
    private static final CompiledIpSet EVERY_ADDRESS = EntryListParser.parse("0.0.0.0/0, ::/0", "every address");

    private final Map<String, Written> groups;
    private final Written trustedProxies;
    /** The groups kept outside the configuration (URLs, files), each with the key that defines it. */
    private final Map<String, String> sourced;

    /**
     * @param groups the {@code ipguard.group.*} lists by group name
     * @param trustedProxies the {@code ipguard.trusted-proxies} list, or null
     * @param sourced the groups URLs and files serve: the key defining each, by group name
     */
    public NamedLists(Map<String, Written> groups, Written trustedProxies, Map<String, String> sourced) {
        this.groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        this.trustedProxies = trustedProxies;
        this.sourced = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sourced));
    }

    /** Every list name: the configuration's groups, then the groups URLs and files serve. */
    public Set<String> names() {
        Set<String> all = new LinkedHashSet<>(groups.keySet());
        all.addAll(sourced.keySet());
        return all;
    }

    /** The key that defines the list {@code name} ({@code ipguard.group.admin}, {@code ipguard.url.github}); null if none. */
    public String keyOf(String name) {
        Written written = groups.get(name);
        return written != null ? written.key() : sourced.get(name);
    }

    /** The configuration's own group {@code name} as written; null for a list kept at a URL or in a file. */
    public Written written(String name) {
        return groups.get(name);
    }

    /** The trusted proxies as written; null if not set. */
    public Written trustedProxies() {
        return trustedProxies;
    }

    /**
     * The groups URLs and files serve that {@code name} is or draws on through references (its own
     * and, for a list file, those it names), nearest first.
     */
    Set<String> sourcesOf(String name, Map<String, ListSource.Content> loaded) {
        Set<String> found = new LinkedHashSet<>();
        collectSources(name, loaded, found, new HashSet<>());
        return found;
    }

    /** The groups URLs and files serve that the trusted proxies draw on. */
    Set<String> sourcesOfTrustedProxies(Map<String, ListSource.Content> loaded) {
        Set<String> found = new LinkedHashSet<>();
        if (trustedProxies != null) {
            trustedProxies.parsed().references().forEach(r -> collectSources(r.name(), loaded, found, new HashSet<>()));
        }
        return found;
    }

    private void collectSources(String name, Map<String, ListSource.Content> loaded, Set<String> found,
                                Set<String> visited) {
        if (!visited.add(name)) {
            return; // a cycle is reported by compile; here it only must not loop
        }
        List<EntryListParser.Reference> references = List.of();
        if (sourced.containsKey(name)) {
            found.add(name);
            ListSource.Content content = loaded.get(name);
            references = content == null ? List.of()
                    : content.references().stream().map(EntryListParser.Located::reference).toList();
        } else if (groups.containsKey(name)) {
            references = groups.get(name).parsed().references();
        }
        references.forEach(r -> collectSources(r.name(), loaded, found, visited));
    }

    /** Reports names that belong to built-in sets. */
    public void checkNames(List<String> problems) {
        for (Written list : groups.values()) {
            String name = list.key().substring(IpGuardProperties.GROUP_PREFIX.length());
            reserved(name, list.where(), problems);
        }
        sourced.forEach((name, key) -> reserved(name, key, problems));
    }

    private static void reserved(String name, String where, List<String> problems) {
        if (BuiltInLists.isBuiltIn(name)) {
            problems.add(where + ": \"" + name + "\" is the name of a built-in set (" + BuiltInLists.source(name)
                    + "); choose another name, and include it with @" + name + " if you mean it");
        }
    }

    /**
     * Compiles every list with what the URLs and files now serve (absent, or without a set: not
     * loaded yet), adding a message to {@code problems} for each unknown name and each cycle.
     */
    public Compiled compile(Map<String, ListSource.Content> loaded, List<String> problems) {
        Compilation compilation = new Compilation(loaded, problems, false);
        Map<String, IpSet> compiled = new LinkedHashMap<>();
        for (String name : names()) {
            CompiledIpSet set = compilation.resolve(name);
            compiled.put(name, set == null ? EMPTY : set);
        }
        CompiledIpSet proxies = trustedProxies == null ? EMPTY
                : compilation.compile(trustedProxies.key(), trustedProxies.parsed().entries(), located(trustedProxies));
        return new Compiled(compiled, proxies);
    }

    /**
     * The trusted proxies as the configuration writes them, every URL or file list taken as empty
     * whether included or excluded: what lists are measured against ({@link ProxyBreadth}).
     */
    public CompiledIpSet writtenTrustedProxies() {
        return trustedProxies == null ? EMPTY : new Compilation(Map.of(), new ArrayList<>(), true)
                .compile(trustedProxies.key(), trustedProxies.parsed().entries(), located(trustedProxies));
    }

    private static List<EntryListParser.Located> located(Written list) {
        return list.parsed().references().stream().map(r -> new EntryListParser.Located(r, list.where())).toList();
    }

    /** One compilation: each list compiled once, the chain of keys being followed, for cycles. */
    private final class Compilation {

        private final Map<String, ListSource.Content> loaded;
        private final List<String> problems;
        private final Map<String, CompiledIpSet> done = new HashMap<>();
        private final Deque<String> chain = new ArrayDeque<>();
        /** Whether a list not loaded counts as empty, excluded too (for measuring), rather than against the client. */
        private final boolean listsAsEmpty;

        Compilation(Map<String, ListSource.Content> loaded, List<String> problems, boolean listsAsEmpty) {
            this.loaded = loaded;
            this.problems = problems;
            this.listsAsEmpty = listsAsEmpty;
        }

        /** The compiled list of a group, or of a URL or file list; null for one not loaded yet. */
        CompiledIpSet resolve(String name) {
            CompiledIpSet known = done.get(name);
            if (known != null) {
                return known;
            }
            Written written = groups.get(name);
            String key = written != null ? written.key() : sourced.get(name);
            if (chain.contains(key)) {
                List<String> cycle = new ArrayList<>(chain);
                java.util.Collections.reverse(cycle);
                cycle = cycle.subList(cycle.indexOf(key), cycle.size());
                problems.add(String.join(" -> ", cycle) + " -> " + key + ": a list cannot include itself");
                return EMPTY;
            }
            CompiledIpSet set;
            if (written != null) {
                set = compile(key, written.parsed().entries(), located(written));
            } else {
                ListSource.Content content = loaded.get(name);
                if (content == null || content.set() == null) {
                    return null;
                }
                // A list file naming groups: its own entries as written, so that its exclusions win as in a group.
                set = content.references().isEmpty() ? content.set()
                        : compile(key, content.written(), content.references());
            }
            done.put(name, set);
            return set;
        }

        public CompiledIpSet compile(String key, List<ListEntry> own, List<EntryListParser.Located> references) {
            chain.push(key);
            List<ListEntry> entries = new ArrayList<>(own);
            for (EntryListParser.Located located : references) {
                CompiledIpSet named = named(located);
                if (named != null) {
                    entries.addAll(named.asEntries(located.reference().exclusion()));
                }
            }
            chain.pop();
            return CompiledIpSet.compile(entries);
        }

        private CompiledIpSet named(EntryListParser.Located located) {
            EntryListParser.Reference reference = located.reference();
            String name = reference.name();
            if (BuiltInLists.isBuiltIn(name)) {
                return BuiltInLists.set(name);
            }
            if (groups.containsKey(name) || sourced.containsKey(name)) {
                CompiledIpSet set = resolve(name);
                // Not loaded yet: unknown, so fail closed. Included it adds nobody; excluded it removes everybody.
                return set != null ? set : reference.exclusion() && !listsAsEmpty ? EVERY_ADDRESS : EMPTY;
            }
            // Bounded: the name may come from a list file of any size.
            String shown = LogText.shown(name, 100);
            problems.add(located.where() + ": \"" + (reference.exclusion() ? "!@" : "@") + shown + "\" names no group (define "
                    + IpGuardProperties.GROUP_PREFIX + shown + ", " + IpGuardProperties.URL_PREFIX + shown + " or "
                    + IpGuardProperties.FILE_PREFIX + shown + ") and no built-in set (" + BuiltInLists.describe() + ")");
            return null;
        }
    }
}
