package io.ipguard.jaxrs.internal;

import java.util.List;

/** Makes client-controlled text safe to log: quoted, control and non-ASCII characters escaped, length bounded. */
final class LogText {

    static final int MAX_CHARS = 256;

    private LogText() {
    }

    /** Quotes each field line; the whole result holds at most about {@value #MAX_CHARS} characters of input. */
    static String quote(List<String> lines) {
        StringBuilder out = new StringBuilder();
        int budget = MAX_CHARS;
        for (String line : lines) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append('"');
            int shown = Math.min(line.length(), Math.max(budget, 0));
            for (int i = 0; i < shown; i++) {
                char c = line.charAt(i);
                if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
            if (shown < line.length()) {
                out.append("...(").append(line.length()).append(" chars)");
            }
            budget -= shown;
        }
        return out.toString();
    }
}
