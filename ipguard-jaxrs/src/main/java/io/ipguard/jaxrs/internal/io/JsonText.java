package io.ipguard.jaxrs.internal.io;

import java.util.List;
import java.util.Map;

/**
 * Writes a JSON document from maps, lists, strings, numbers, booleans and nulls: enough for the
 * status the guard serves, without a JSON library the application may not have.
 */
public final class JsonText {

    private JsonText() {
    }

    /** {@code value} as JSON: a {@link Map} is an object (keys in its order), a {@link List} an array. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, "");
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, String indent) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            out.append(Double.isFinite(d) ? String.valueOf(number) : "null");
        } else if (value instanceof Map<?, ?> map) {
            writeAll(out, map.entrySet(), indent, '{', '}');
        } else if (value instanceof List<?> list) {
            writeAll(out, list, indent, '[', ']');
        } else {
            string(out, String.valueOf(value));
        }
    }

    private static void writeAll(StringBuilder out, Iterable<?> items, String indent, char open, char close) {
        String inner = indent + "  ";
        out.append(open);
        boolean first = true;
        for (Object item : items) {
            out.append(first ? "\n" : ",\n").append(inner);
            first = false;
            if (item instanceof Map.Entry<?, ?> entry) {
                string(out, String.valueOf(entry.getKey()));
                out.append(": ");
                write(out, entry.getValue(), inner);
            } else {
                write(out, item, inner);
            }
        }
        out.append(first ? "" : "\n" + indent).append(close);
    }

    /** A JSON string: quotes, backslashes and every control character escaped, the rest as is. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (paired) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                        // A lone surrogate would not survive UTF-8: escaped, as are controls.
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
