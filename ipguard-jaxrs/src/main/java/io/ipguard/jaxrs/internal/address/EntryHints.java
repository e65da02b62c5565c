package io.ipguard.jaxrs.internal.address;

import io.ipguard.jaxrs.internal.io.LogText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Mistakes in an entry whose fix is clear, each said in the user's terms: quotes around a value,
 * entries separated by spaces or semicolons rather than commas, a {@code \\u} escape a properties
 * file would decode elsewhere.
 */
final class EntryHints {

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u[0-9A-Fa-f]{4}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s;]+");

    private EntryHints() {
    }

    /** The error with its hint for an entry that did not parse, or null when no fix stands out. */
    static ListEntry.InvalidEntryException of(String entry) {
        String body = entry.startsWith("!") ? entry.substring(1) : entry;
        if (!body.isEmpty() && (isQuote(body.charAt(0)) || isQuote(body.charAt(body.length() - 1)))) {
            // "10.0.0.1, 10.0.0.2" in quotes reaches here as two entries, each with one quote.
            String bare = (entry.startsWith("!") ? "!" : "") + body.replaceAll("^[\"']|[\"']$", "");
            return ListEntry.invalid(entry, "is quoted; values are written without quotes"
                    + (!bare.equals(entry) && allParse(List.of(bare)) ? ": " + LogText.shown(bare, 100) : ""));
        }
        if (UNICODE_ESCAPE.matcher(entry).find()) {
            return ListEntry.invalid(entry, "holds a \\u escape, which is not decoded; write the character itself "
                    + "(files are read as UTF-8)");
        }
        String trimmed = entry.strip();
        if (SEPARATORS.matcher(trimmed).find()) {
            List<String> parts = new ArrayList<>();
            for (String part : SEPARATORS.split(trimmed)) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            if (parts.size() > 1 && allParse(parts)) {
                return ListEntry.invalid(entry, "is not one entry; separate entries with commas: "
                        + LogText.shown(String.join(", ", parts), 100));
            }
        }
        return null;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static boolean allParse(List<String> parts) {
        for (String part : parts) {
            try {
                ListEntry.parse(part);
            } catch (ListEntry.InvalidEntryException e) {
                return false;
            }
        }
        return true;
    }
}
