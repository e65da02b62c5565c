package io.ipguard.jaxrs.internal.client;

import java.util.List;

/**
 * The elements of a comma-separated header (RFC 9110 list syntax) across all its field lines,
 * keeping only the rightmost {@code capacity} non-empty ones: the walk never needs more, so a
 * header of thousands of elements costs one pass and constant memory. Spaces and tabs around an
 * element are dropped and empty elements ignored. With {@code quoted}, commas inside quoted
 * strings do not separate (RFC 7239); a quote that is never closed runs to the end of the header,
 * where the element parser rejects it.
 */
final class HeaderElements {

    private final String value;
    private final int[] starts;
    private final int[] ends;
    private int count;

    private HeaderElements(String value, int capacity) {
        this.value = value;
        this.starts = new int[capacity];
        this.ends = new int[capacity];
    }

    /** Scans the field lines of one header, in order, as if joined by commas. */
    static HeaderElements scan(List<String> lines, boolean quoted, int capacity) {
        String value = lines.size() == 1 ? lines.get(0) : String.join(",", lines);
        HeaderElements header = new HeaderElements(value, capacity);
        int start = 0;
        boolean inQuotes = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (inQuotes) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                }
            } else if (c == '"' && quoted) {
                inQuotes = true;
            } else if (c == ',') {
                header.add(start, i);
                start = i + 1;
            }
        }
        header.add(start, value.length());
        return header;
    }

    private void add(int from, int to) {
        while (from < to && isBlank(value.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(value.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return;
        }
        int slot = count % starts.length;
        starts[slot] = from;
        ends[slot] = to;
        count++;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The number of non-empty elements in the whole header, including those not kept. */
    int count() {
        return count;
    }

    /** How many elements, counted from the right, can be read. */
    int available() {
        return Math.min(count, starts.length);
    }

    private int slot(int fromRight) {
        return (count - 1 - fromRight) % starts.length;
    }

    /** The whole header value, for parsing an element in place. */
    String value() {
        return value;
    }

    /** Start offset of the element {@code fromRight} places from the right (0 = rightmost). */
    int start(int fromRight) {
        return starts[slot(fromRight)];
    }

    int end(int fromRight) {
        return ends[slot(fromRight)];
    }
}
