package io.ipguard.jaxrs.internal.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which addresses to take from a published document ({@code ipguard.url-select.<name>}): the text
 * {@code csv} or {@code csv:N} takes column N (default 1) of a CSV list such as an RFC 8805 geofeed;
 * anything else is one or more JSON paths, comma-separated, each a dot-separated list of field
 * names. A field holding an array stands for each of its elements; a step may filter those
 * elements on a sibling field: {@code [field=value]} keeps elements whose field equals the value,
 * {@code [field~value]} those whose field is an array holding it. For example
 * {@code prefixes[service=CLOUDFRONT].ip_prefix} (AWS) or {@code regions.cidrs[tags~OSN].cidr}
 * (Oracle Cloud). Elements without the last field are skipped (one document may mix IPv4 and IPv6
 * fields). Immutable; no JSON classes here, so that a configuration can be checked without them.
 */
public record ListSelection(int csvColumn, List<List<Step>> paths) {

    /** One field, and the filters its elements must pass. */
    record Step(String field, List<Filter> filters) {
    }

    /** {@code [field=value]} ({@code contains} false) or {@code [field~value]}. */
    record Filter(String field, boolean contains, String value) {
    }

    private static final Pattern STEP = Pattern.compile("([A-Za-z0-9_$-]+)((?:\\[[^\\]\\[]*\\])*)");
    private static final Pattern FILTER = Pattern.compile("\\[\\s*([A-Za-z0-9_$-]+)\\s*([=~])([^\\]]*)\\]");

    public ListSelection {
        paths = List.copyOf(paths);
    }

    public boolean isCsv() {
        return csvColumn > 0;
    }

    /**
     * Reads a selection as written.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static ListSelection parse(String text) {
        String value = text.strip();
        if (value.equals("csv")) {
            return new ListSelection(1, List.of());
        }
        if (value.startsWith("csv:")) {
            String column = value.substring(4);
            if (!column.matches("[1-9][0-9]?")) {
                throw new IllegalArgumentException("\"" + value + "\": the CSV column must be a number from 1 to 99");
            }
            return new ListSelection(Integer.parseInt(column), List.of());
        }
        List<List<Step>> paths = new ArrayList<>();
        for (String path : value.split(",", -1)) {
            paths.add(path(path.strip(), value));
        }
        return new ListSelection(0, paths);
    }

    private static List<Step> path(String path, String whole) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("\"" + whole + "\" has an empty path; write csv, or JSON paths such as "
                    + "prefixes[service=CLOUDFRONT].ip_prefix, separated by commas");
        }
        List<Step> steps = new ArrayList<>();
        // Dots inside a filter's value are the value's: split on dots outside brackets only.
        int depth = 0;
        int from = 0;
        for (int i = 0; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '.';
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (c == '.' && depth == 0) {
                steps.add(step(path.substring(from, i).strip(), path));
                from = i + 1;
            }
        }
        return steps;
    }

    private static Step step(String text, String path) {
        Matcher step = STEP.matcher(text);
        if (!step.matches()) {
            throw new IllegalArgumentException("\"" + path + "\": \"" + text + "\" is not a field name with optional "
                    + "[field=value] or [field~value] filters");
        }
        List<Filter> filters = new ArrayList<>();
        Matcher filter = FILTER.matcher(step.group(2));
        int end = 0;
        while (filter.find()) {
            if (filter.start() != end || filter.group(3).strip().isEmpty()) {
                break;
            }
            filters.add(new Filter(filter.group(1), filter.group(2).equals("~"), filter.group(3).strip()));
            end = filter.end();
        }
        if (end != step.group(2).length()) {
            throw new IllegalArgumentException("\"" + path + "\": \"" + step.group(2).substring(end)
                    + "\" is not a filter; write [field=value] or [field~value]");
        }
        return new Step(step.group(1), filters);
    }
}
