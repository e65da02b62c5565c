package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.ListStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the lists kept outside the configuration (URLs, files) contribute to one configuration:
 * where each came from and when, for explanations, and which of them every group and the trusted
 * proxies draw on, directly or through references, for decision listeners. Worked out once per
 * configuration, so that a decision only reads the health of the sources it drew on. Immutable.
 */
public final class SourcedLists {

    public static final SourcedLists NONE = new SourcedLists(Map.of(), Map.of(), Map.of(), new SourceHealth[0], Map.of(),
            List.of(), Map.of());

    private static final SourceHealth[] NO_SOURCES = new SourceHealth[0];

    private final Map<String, String> notes;
    /** By group: the sources of its list alone, and of its list then the trusted proxies' (each once). */
    private final Map<String, SourceHealth[]> byGroup;
    private final Map<String, SourceHealth[]> withProxies;
    private final SourceHealth[] proxies;
    /** The same by name, for explanations and the status: by group, and the trusted proxies'. */
    private final Map<String, List<String>> namesByGroup;
    private final List<String> proxyNames;
    private final Map<String, SourceHealth> health;

    private SourcedLists(Map<String, String> notes, Map<String, SourceHealth[]> byGroup,
                         Map<String, SourceHealth[]> withProxies, SourceHealth[] proxies,
                         Map<String, List<String>> namesByGroup, List<String> proxyNames, Map<String, SourceHealth> health) {
        this.notes = Map.copyOf(notes);
        this.byGroup = Map.copyOf(byGroup);
        this.withProxies = Map.copyOf(withProxies);
        this.proxies = proxies;
        this.namesByGroup = Map.copyOf(namesByGroup);
        this.proxyNames = List.copyOf(proxyNames);
        this.health = Map.copyOf(health);
    }

    /**
     * @param lists the configuration's lists, for their references
     * @param loaded what each URL or file list holds, for the references of list files
     * @param notes "origin, fetched|read instant" of each loaded source, by the group it serves
     * @param health the health of every source, loaded or not, by the group it serves
     */
    public static SourcedLists of(NamedLists lists, Map<String, ListSource.Content> loaded, Map<String, String> notes,
                           Map<String, SourceHealth> health) {
        Set<String> proxyNames = lists.sourcesOfTrustedProxies(loaded);
        Map<String, SourceHealth[]> byGroup = new LinkedHashMap<>();
        Map<String, SourceHealth[]> withProxies = new LinkedHashMap<>();
        Map<String, List<String>> namesByGroup = new LinkedHashMap<>();
        for (String group : lists.names()) {
            Set<String> names = lists.sourcesOf(group, loaded);
            namesByGroup.put(group, List.copyOf(names));
            byGroup.put(group, healthOf(names, health));
            Set<String> both = new java.util.LinkedHashSet<>(names);
            both.addAll(proxyNames);
            withProxies.put(group, healthOf(both, health));
        }
        return new SourcedLists(notes, byGroup, withProxies, healthOf(proxyNames, health), namesByGroup,
                List.copyOf(proxyNames), health);
    }

    private static SourceHealth[] healthOf(Set<String> names, Map<String, SourceHealth> health) {
        return names.stream().map(health::get).filter(java.util.Objects::nonNull).toArray(SourceHealth[]::new);
    }

    /** Where the list of {@code group} came from and when, if a URL or a file serves it; else null. */
    public String note(String group) {
        return notes.get(group);
    }

    /**
     * The URL and file lists {@code group} is or draws on, directly or through references, nearest
     * first, by name; empty for a group that draws on none.
     */
    public List<String> sourcesOf(String group) {
        return namesByGroup.getOrDefault(group, List.of());
    }

    /** The URL and file lists the trusted proxies draw on, by name. */
    public List<String> sourcesOfTrustedProxies() {
        return proxyNames;
    }

    /** Those of {@code names} (URL and file lists) never loaded: they count against the client. */
    public List<String> notLoaded(List<String> names) {
        return names.stream().filter(name -> {
            SourceHealth source = health.get(name);
            return source != null && source.status().version() == 0;
        }).toList();
    }

    /** The status now of the URL or file list serving {@code name}; null if none does. */
    public ListStatus status(String name) {
        SourceHealth source = health.get(name);
        return source == null ? null : source.status();
    }

    /**
     * The health, now, of the sources a decision for {@code group} drew on: those of the group (when
     * the configuration's lists decided it) and then those of the trusted proxies (when the
     * library's resolver found the client). Allocates only when there are some.
     */
    public List<ListStatus> statuses(String group, boolean groupFromLists, boolean proxiesFromLists) {
        SourceHealth[] sources = !groupFromLists ? (proxiesFromLists ? proxies : NO_SOURCES)
                : (proxiesFromLists ? withProxies : byGroup).getOrDefault(group, proxiesFromLists ? proxies : NO_SOURCES);
        if (sources.length == 0) {
            return List.of();
        }
        ListStatus[] now = new ListStatus[sources.length];
        for (int i = 0; i < sources.length; i++) {
            now[i] = sources[i].status();
        }
        return List.of(now);
    }
}
