package io.ipguard.jaxrs.internal.address;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import io.ipguard.jaxrs.internal.io.LogText;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a comma-separated entry list, collecting every problem. Besides addresses, blocks and
 * ranges, an entry may be a reference: {@code @name} includes the whole of another list (a group,
 * or a built-in set such as {@code @private}), {@code !@name} excludes it.
 */
public final class EntryListParser {

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

    /** {@code @name} ({@code exclusion}: {@code !@name}), as written. */
    public record Reference(String name, boolean exclusion) {
        @Override
        public String toString() {
            return (exclusion ? "!@" : "@") + name;
        }
    }

    /** A list as written: its address entries and its references. */
    public record Parsed(List<ListEntry> entries, List<Reference> references) {
    }

    /** A reference to a group, and where it was written ({@code file:line}), to resolve with the configuration. */
    public record Located(Reference reference, String where) {
    }

    private EntryListParser() {
    }

    /** Parses a list whose references are resolved later, adding a message to {@code problems} for each invalid entry. */
    public static Parsed parseWithReferences(String value, String where, List<String> problems) {
        List<ListEntry> entries = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        each(value, entry -> {
            boolean exclusion = entry.startsWith("!@");
            if (exclusion || entry.startsWith("@")) {
                String name = entry.substring(exclusion ? 2 : 1);
                if (NAME.matcher(name).matches()) {
                    references.add(new Reference(name, exclusion));
                } else {
                    problems.add(where + ": \"" + LogText.shown(entry, 100) + "\" does not name a list; use letters, digits, '.', '_' and '-'");
                }
                return;
            }
            try {
                entries.add(ListEntry.parse(entry));
            } catch (ListEntry.InvalidEntryException e) {
                problems.add(where + ": " + e.getMessage());
            }
        });
        return new Parsed(entries, references);
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

    /**
     * Parses a list that stands alone (no groups around it) into {@code entries}, adding a message to
     * {@code problems} for each invalid entry. References to built-in sets are expanded; references
     * to groups are not possible here.
     */
    public static void collect(String value, String where, List<ListEntry> entries, List<String> problems) {
        collect(value, where, entries, null, problems);
    }

    /**
     * As {@link #collect(String, String, List, List)}, except that references to groups are added to
     * {@code groupReferences} (when not null) for the configuration to resolve.
     */
    public static void collect(String value, String where, List<ListEntry> entries, List<Located> groupReferences,
                        List<String> problems) {
        Parsed parsed = parseWithReferences(value, where, problems);
        entries.addAll(parsed.entries());
        for (Reference reference : parsed.references()) {
            if (BuiltInLists.isBuiltIn(reference.name())) {
                entries.addAll(BuiltInLists.set(reference.name()).asEntries(reference.exclusion()));
            } else if (groupReferences != null) {
                groupReferences.add(new Located(reference, where));
            } else {
                problems.add(where + ": \"" + LogText.shown(reference.toString(), 100) + "\" names no built-in set (" + BuiltInLists.describe()
                        + "), and groups cannot be named here");
            }
        }
    }

    private static void each(String value, java.util.function.Consumer<String> action) {
        int from = 0;
        while (from <= value.length()) {
            int comma = value.indexOf(',', from);
            int to = comma < 0 ? value.length() : comma;
            String entry = trimSpacesAndTabs(value, from, to);
            if (!entry.isEmpty()) {
                action.accept(entry);
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
