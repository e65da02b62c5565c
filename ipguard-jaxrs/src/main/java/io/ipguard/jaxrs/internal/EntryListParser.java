package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import java.util.ArrayList;
import java.util.List;

/** Splits a comma-separated entry list and compiles it, collecting every problem. */
public final class EntryListParser {

    private EntryListParser() {
    }

    /**
     * Parses and compiles a list.
     *
     * @throws IpGuardConfigurationException listing every invalid entry, each prefixed by {@code where}
     */
    public static CompiledIpSet parse(String value, String where) {
        List<String> problems = new ArrayList<>();
        CompiledIpSet set = parse(value, where, problems);
        if (!problems.isEmpty()) {
            throw new IpGuardConfigurationException(problems);
        }
        return set;
    }

    /** Parses and compiles a list, adding a message to {@code problems} for each invalid entry. */
    public static CompiledIpSet parse(String value, String where, List<String> problems) {
        List<ListEntry> entries = new ArrayList<>();
        collect(value, where, entries, problems);
        return CompiledIpSet.compile(entries);
    }

    /** Parses a list into {@code entries}, adding a message to {@code problems} for each invalid entry. */
    static void collect(String value, String where, List<ListEntry> entries, List<String> problems) {
        int from = 0;
        while (from <= value.length()) {
            int comma = value.indexOf(',', from);
            int to = comma < 0 ? value.length() : comma;
            String entry = trimSpacesAndTabs(value, from, to);
            if (!entry.isEmpty()) {
                try {
                    entries.add(ListEntry.parse(entry));
                } catch (ListEntry.InvalidEntryException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            }
            from = to + 1;
        }
    }

    private static String trimSpacesAndTabs(String text, int from, int to) {
        while (from < to && isBlank(text.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
