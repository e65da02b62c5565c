package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.IpGuardProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The groups kept outside the configuration: those published at URLs, and how they are fetched
 * (every {@code refresh}, with a {@code timeout}, accepting at most {@code maxBytes}), and those
 * kept in local files. Immutable.
 */
public record SourceSettings(Map<String, URI> groups, Duration refresh, Duration timeout, int maxBytes,
                             Map<String, Path> files, Map<String, ListSelection> selections,
                             Map<String, Integer> maxBytesByGroup, int maxShare, Map<String, Integer> maxShareByGroup) {

    public static final SourceSettings NONE = new SourceSettings(Map.of(), Duration.ofSeconds(300), Duration.ofSeconds(10), 1 << 20,
            Map.of(), Map.of(), Map.of(), 10, Map.of());

    public SourceSettings {
        groups = Map.copyOf(groups);
        files = Map.copyOf(files);
        selections = Map.copyOf(selections);
        maxBytesByGroup = Map.copyOf(maxBytesByGroup);
        maxShareByGroup = Map.copyOf(maxShareByGroup);
    }

    /** The share of the address space, in percent, the list of {@code group} may admit. */
    public int maxShare(String group) {
        return maxShareByGroup.getOrDefault(group, maxShare);
    }

    /** The largest body accepted for the URL of {@code group}. */
    public int maxBytes(String group) {
        return maxBytesByGroup.getOrDefault(group, maxBytes);
    }

    /** The key that defines each group kept outside the configuration, by group name. */
    public Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        groups.keySet().forEach(name -> keys.put(name, IpGuardProperties.URL_PREFIX + name));
        files.keySet().forEach(name -> keys.put(name, IpGuardProperties.FILE_PREFIX + name));
        return keys;
    }
}
