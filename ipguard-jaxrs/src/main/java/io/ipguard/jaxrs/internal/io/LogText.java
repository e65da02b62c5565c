package io.ipguard.jaxrs.internal.io;

import java.util.List;

/** Makes client-controlled text safe to log: quoted, control and non-ASCII characters escaped, length bounded. */
public final class LogText {

    static final int MAX_CHARS = 256;

    private LogText() {
    }

    /** A request's method and path, escaped and bounded like header values, for refusal lines. */
    public static String request(String method, String path) {
        return escape(method, 32) + " /" + escape(path, MAX_CHARS);
    }

    /** The text escaped (control, quote, backslash and non-ASCII characters by code), at most {@code max} characters of it. */
    public static String escape(String text, int max) {
        StringBuilder out = new StringBuilder();
        if (appendEscaped(out, text, max) < text.length()) {
            out.append("...(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }

    /**
     * Text an operator wrote (a configuration value, a list entry), shown as written, for a message
     * that quotes it: at most {@code max} characters of it, printable ASCII as it is except a quote or
     * a backslash, which get a backslash before them (so the quoted text cannot end early, and an
     * escape below cannot be forged), every other character by code, so that a look-alike such as a
     * full-width digit cannot pass for an address and nothing can break the line.
     */
    public static String shown(String text, int max) {
        int end = Math.min(text.length(), max);
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return end < text.length() ? out + "...(" + text.length() + " chars)" : out.toString();
    }

    /**
     * The text with every control, line or paragraph separator and invisible formatting character
     * escaped by code, the rest as it is: for messages that quote what a list held, whatever path
     * it took into them (a parser's message, an exception).
     */
    public static String controlsEscaped(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean hidden = Character.isISOControl(c) || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT;
            if (hidden && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(hidden ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** Quotes each field line; the whole result holds at most about {@value #MAX_CHARS} characters of input. */
    public static String quote(List<String> lines) {
        StringBuilder out = new StringBuilder();
        int budget = MAX_CHARS;
        for (String line : lines) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append('"');
            int shown = appendEscaped(out, line, Math.max(budget, 0));
            out.append('"');
            if (shown < line.length()) {
                out.append("...(").append(line.length()).append(" chars)");
            }
            budget -= shown;
        }
        return out.toString();
    }

    /** Appends at most {@code max} characters of {@code text}, escaped; returns how many it took. */
    private static int appendEscaped(StringBuilder out, String text, int max) {
        int shown = Math.min(text.length(), max);
        String bytes = text.substring(0, shown);
        // Containers hand header bytes over as ISO-8859-1 characters: UTF-8 sent by the client is shown as the
        // code points it encodes, not as one Latin-1 character per byte, and bytes that are not UTF-8 as bytes.
        String decoded = asUtf8(bytes);
        boolean rawBytes = decoded == null && isLatin1Bytes(bytes);
        String visible = decoded != null ? decoded : bytes;
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            if (rawBytes && c >= 0x80) {
                out.append(String.format("\\x%02x", (int) c));
            } else if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return shown;
    }

    /** The text read as the UTF-8 its characters would be as bytes; null if they are not bytes, not UTF-8 or ASCII only. */
    private static String asUtf8(String text) {
        if (!isLatin1Bytes(text) || text.chars().allMatch(c -> c < 0x80)) {
            return null;
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isLatin1Bytes(String text) {
        return text.chars().allMatch(c -> c <= 0xff);
    }
}
