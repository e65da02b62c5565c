package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.IpGuardProperties;
import io.ipguard.jaxrs.IpSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
final class NamedLists {

    /** A list as written under its key. */
    record Written(String key, String where, EntryListParser.Parsed parsed) {
    }

    /** The compiled lists: every group by name, and the trusted proxies. */
    record Compiled(Map<String, IpSet> groups, CompiledIpSet trustedProxies) {
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
    NamedLists(Map<String, Written> groups, Written trustedProxies, Map<String, String> sourced) {
        this.groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        this.trustedProxies = trustedProxies;
        this.sourced = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sourced));
    }

    /** Every list name: the configuration's groups, then the groups URLs and files serve. */
    Set<String> names() {
        Set<String> all = new LinkedHashSet<>(groups.keySet());
        all.addAll(sourced.keySet());
        return all;
    }

    /** The groups URLs and files serve that {@code name} is or draws on through references, nearest first. */
    Set<String> sourcesOf(String name) {
        Set<String> found = new LinkedHashSet<>();
        collectSources(name, found, new HashSet<>());
        return found;
    }

    /** The groups URLs and files serve that the trusted proxies draw on. */
    Set<String> sourcesOfTrustedProxies() {
        Set<String> found = new LinkedHashSet<>();
        if (trustedProxies != null) {
            trustedProxies.parsed().references().forEach(r -> collectSources(r.name(), found, new HashSet<>()));
        }
        return found;
    }

    private void collectSources(String name, Set<String> found, Set<String> visited) {
        if (!visited.add(name)) {
            return; // a cycle is reported by compile; here it only must not loop
        }
        if (sourced.containsKey(name)) {
            found.add(name);
        } else if (groups.containsKey(name)) {
            groups.get(name).parsed().references().forEach(r -> collectSources(r.name(), found, visited));
        }
    }

    /** Reports names that belong to built-in sets. */
    void checkNames(List<String> problems) {
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
     * Compiles every list with the current sets of the groups URLs and files serve (absent: not loaded yet),
     * adding a message to {@code problems} for each unknown name and each cycle.
     */
    Compiled compile(Map<String, CompiledIpSet> sourceSets, List<String> problems) {
        Map<String, CompiledIpSet> done = new LinkedHashMap<>();
        Deque<String> chain = new ArrayDeque<>();
        Map<String, IpSet> compiled = new LinkedHashMap<>();
        for (String name : groups.keySet()) {
            compiled.put(name, resolve(name, sourceSets, done, chain, problems));
        }
        sourced.keySet().forEach(name -> compiled.put(name, sourceSets.getOrDefault(name, EMPTY)));
        CompiledIpSet proxies = trustedProxies == null ? EMPTY
                : compile(trustedProxies, sourceSets, done, chain, problems);
        return new Compiled(compiled, proxies);
    }

    private CompiledIpSet resolve(String name, Map<String, CompiledIpSet> sourceSets, Map<String, CompiledIpSet> done,
                                  Deque<String> chain, List<String> problems) {
        CompiledIpSet known = done.get(name);
        if (known != null) {
            return known;
        }
        Written list = groups.get(name);
        if (chain.contains(list.key())) {
            List<String> cycle = new ArrayList<>(chain);
            java.util.Collections.reverse(cycle);
            cycle = cycle.subList(cycle.indexOf(list.key()), cycle.size());
            problems.add(String.join(" -> ", cycle) + " -> " + list.key() + ": a list cannot include itself");
            return CompiledIpSet.compile(List.of());
        }
        CompiledIpSet set = compile(list, sourceSets, done, chain, problems);
        done.put(name, set);
        return set;
    }

    private CompiledIpSet compile(Written list, Map<String, CompiledIpSet> sourceSets, Map<String, CompiledIpSet> done,
                                  Deque<String> chain, List<String> problems) {
        chain.push(list.key());
        List<ListEntry> entries = new ArrayList<>(list.parsed().entries());
        for (EntryListParser.Reference reference : list.parsed().references()) {
            CompiledIpSet named = named(reference, list, sourceSets, done, chain, problems);
            if (named != null) {
                entries.addAll(named.asEntries(reference.exclusion()));
            }
        }
        chain.pop();
        return CompiledIpSet.compile(entries);
    }

    private CompiledIpSet named(EntryListParser.Reference reference, Written from, Map<String, CompiledIpSet> sourceSets,
                                Map<String, CompiledIpSet> done, Deque<String> chain, List<String> problems) {
        String name = reference.name();
        if (BuiltInLists.isBuiltIn(name)) {
            return BuiltInLists.set(name);
        }
        if (groups.containsKey(name)) {
            return resolve(name, sourceSets, done, chain, problems);
        }
        if (sourced.containsKey(name)) {
            CompiledIpSet fetched = sourceSets.get(name);
            if (fetched != null) {
                return fetched;
            }
            // Not fetched yet: unknown, so fail closed. Included it adds nobody; excluded it removes everybody.
            return reference.exclusion() ? EVERY_ADDRESS : EMPTY;
        }
        problems.add(from.where() + ": \"" + reference + "\" names no group (define " + IpGuardProperties.GROUP_PREFIX
                + name + ", " + IpGuardProperties.URL_PREFIX + name + " or " + IpGuardProperties.FILE_PREFIX + name
                + ") and no built-in set ("
                + BuiltInLists.describe() + ")");
        return null;
    }
}
