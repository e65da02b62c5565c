package io.ipguard.jaxrs.internal.client;

import io.ipguard.jaxrs.ClientAddress;

/**
 * Reads the {@code for=} node of one RFC 7239 {@code Forwarded} element, such as
 * {@code for="[2001:db8::17]:4711";proto=http;by=203.0.113.43}. Parameter names are
 * case-insensitive; values are tokens or quoted strings. The element gives no address (null)
 * when it has no {@code for=}, more than one, a malformed pair, {@code unknown}, an obfuscated
 * identifier ({@code _x}), an IPv6 address without brackets, or a bad port.
 */
final class ForwardedElement {

    private ForwardedElement() {
    }

    static ClientAddress forNode(String text, int from, int to) {
        String node = null;
        int pairStart = from;
        boolean inQuotes = false;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : ';';
            if (inQuotes) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                }
                continue;
            }
            if (c == '"') {
                inQuotes = true;
            } else if (c == ';') {
                String value = pairValue(text, pairStart, i);
                if (value == null) {
                    return null;
                }
                if (isFor(text, pairStart, i)) {
                    if (node != null) {
                        // Two for= in one element: which one a proxy meant is a guess, and we do not guess.
                        return null;
                    }
                    node = value;
                }
                pairStart = i + 1;
            }
        }
        if (inQuotes || node == null) {
            return null;
        }
        return NodeParser.parse(node, 0, node.length(), false);
    }

    /** Whether the pair in [from, to) is named "for" (any case), ignoring surrounding blanks. */
    private static boolean isFor(String text, int from, int to) {
        from = skipBlanks(text, from, to);
        return to - from > 4 && text.regionMatches(true, from, "for=", 0, 4);
    }

    /**
     * Returns the unquoted value of a {@code token=value} pair, "" for an empty pair, or null if
     * the pair is malformed.
     */
    private static String pairValue(String text, int from, int to) {
        from = skipBlanks(text, from, to);
        while (to > from && isBlank(text.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return "";
        }
        int equals = text.indexOf('=', from);
        if (equals <= from || equals >= to - 1 || !isToken(text, from, equals)) {
            return null;
        }
        int v = equals + 1;
        if (text.charAt(v) != '"') {
            return isToken(text, v, to) ? text.substring(v, to) : null;
        }
        StringBuilder out = new StringBuilder(to - v);
        int i = v + 1;
        for (; i < to && text.charAt(i) != '"'; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i >= to) {
                    return null;
                }
                c = text.charAt(i);
            }
            out.append(c);
        }
        // The closing quote must end the pair.
        return i == to - 1 ? out.toString() : null;
    }

    private static boolean isToken(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }

    private static int skipBlanks(String text, int from, int to) {
        while (from < to && isBlank(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
