package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.internal.address.EntryListParser;
import io.ipguard.jaxrs.internal.address.ListEntry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A list kept outside the configuration, as text: entries separated by line breaks or commas,
 * {@code #} starting a comment to the end of the line, blank lines ignored. Errors name
 * {@code origin:line}. Only built-in sets can be named here: such a list cannot reach into the
 * configuration that reads it.
 */
final class ListText {

    private ListText() {
    }

    private static final java.util.regex.Pattern EMPTY_MARK =
            java.util.regex.Pattern.compile("(?im)^[ \\t]*#[ \\t]*empty[ \\t]*\\r?$");

    /**
     * Whether a plain or CSV list with {@code entries} entries is empty without saying so: no entry
     * and no line {@code # empty}. An empty answer, a body of commas, or a file cut short after its
     * header comment is a failure far more often than a list emptied on purpose.
     */
    static boolean emptyUnlessSaid(String text, int entries) {
        return entries == 0 && !EMPTY_MARK.matcher(text).find();
    }

    /** Why a list with no entries and no {@code # empty} line is refused, and the remedy. */
    static final String EMPTY = "the list is empty (an empty answer, or a file cut short while written, more often "
            + "than a list emptied on purpose); a list that is empty on purpose says so with the line \"# empty\"";

    /** Strict UTF-8: a list that is not text is refused, not guessed at. A leading byte order mark, as some editors write, is dropped. */
    static String decode(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Parses {@code text} into {@code parsed}, adding a message to {@code problems} for each invalid
     * entry; returns the valid entries as written, comma-separated, or null unless {@code keepText}.
     */
    static String parse(String text, String origin, List<ListEntry> parsed, List<String> problems, boolean keepText) {
        return parse(text, origin, parsed, null, problems, keepText);
    }

    /** As above; references to groups go to {@code groupReferences} (when not null) rather than being refused. */
    static String parse(String text, String origin, List<ListEntry> parsed, List<EntryListParser.Located> groupReferences,
                        List<String> problems, boolean keepText) {
        StringBuilder all = keepText ? new StringBuilder() : null;
        int line = 0;
        int from = 0;
        while (from <= text.length()) {
            int end = lineEnd(text, from);
            line++;
            int hash = from;
            while (hash < end && text.charAt(hash) != '#') {
                hash++;
            }
            String content = text.substring(from, hash);
            if (!content.isBlank()) {
                int before = problems.size();
                EntryListParser.collect(content, origin + ":" + line, parsed, groupReferences, problems);
                if (all != null && problems.size() == before) {
                    all.append(all.length() == 0 ? "" : ", ").append(content.strip());
                }
            }
            from = end + (end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
        return all == null ? null : all.toString();
    }

    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    /**
     * Parses column {@code column} (from 1) of each line of a CSV list, {@code #} lines being
     * comments, as RFC 8805 geofeeds write them; returns the valid entries, comma-separated.
     */
    static String parseCsv(String text, int column, String origin, List<ListEntry> parsed, List<String> problems) {
        StringBuilder all = new StringBuilder();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            String where = origin + ":" + (i + 1);
            if (fields.length < column || fields[column - 1].isBlank()) {
                problems.add(where + ": has no column " + column);
                continue;
            }
            String entry = fields[column - 1].strip();
            try {
                parsed.add(ListEntry.parse(entry));
                all.append(all.length() == 0 ? "" : ", ").append(entry);
            } catch (ListEntry.InvalidEntryException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        return all.toString();
    }
}
