package io.ipguard.jaxrs.internal.address;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The address sets every configuration can name with {@code @name}: their names are reserved, so a
 * group cannot take them. Contents follow the RFCs that define them (docs/configuration.md).
 */
public final class BuiltInLists {

    /** Name, entries and where they come from. */
    private record BuiltIn(String entries, String source) {
    }

    private static final Map<String, BuiltIn> LISTS = new LinkedHashMap<>();

    static {
        LISTS.put("loopback", new BuiltIn("127.0.0.0/8, ::1", "RFC 1122 3.2.1.3 and RFC 4291 2.5.3"));
        LISTS.put("private", new BuiltIn("10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7", "RFC 1918 and RFC 4193"));
        LISTS.put("link-local", new BuiltIn("169.254.0.0/16, fe80::/10", "RFC 3927 and RFC 4291 2.5.6"));
        LISTS.put("cgnat", new BuiltIn("100.64.0.0/10", "RFC 6598"));
    }

    private static final Map<String, CompiledIpSet> SETS = new LinkedHashMap<>();

    static {
        LISTS.forEach((name, list) -> {
            List<ListEntry> entries = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            EntryListParser.collect(list.entries(), "@" + name, entries, problems);
            SETS.put(name, CompiledIpSet.compile(entries));
        });
    }

    private BuiltInLists() {
    }

    public static boolean isBuiltIn(String name) {
        return LISTS.containsKey(name);
    }

    public static CompiledIpSet set(String name) {
        return SETS.get(name);
    }

    /** The entries of a built-in set, as configuration text. */
    static String entries(String name) {
        return LISTS.get(name).entries();
    }

    /** {@code @loopback (RFC 1122 ...), @private (...)}: for messages. */
    public static String describe() {
        List<String> all = new ArrayList<>();
        LISTS.forEach((name, list) -> all.add("@" + name));
        return String.join(", ", all);
    }

    /** Where a built-in set comes from, for messages. */
    public static String source(String name) {
        return LISTS.get(name).source();
    }
}
