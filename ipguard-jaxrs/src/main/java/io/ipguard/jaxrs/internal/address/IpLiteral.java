package io.ipguard.jaxrs.internal.address;

/**
 * Strict parser and formatter for IPv4 and IPv6 address literals.
 *
 * <p>No DNS, ever: this class only reads characters. It accepts exactly four decimal IPv4
 * octets (ASCII digits, 0-255, no leading zeros, because {@code 010} means 8 to
 * {@code inet_aton} and 10 to a reader) and the RFC 4291 IPv6 text forms, including an
 * embedded IPv4 tail. Everything else, including {@code inet_aton} shorthands such as
 * {@code 127.1} or {@code 0x7f.0.0.1} and non-ASCII digits, is rejected.
 *
 * <p>It reads and writes bits only: what a parsed address becomes is the caller's
 * {@link Bits}'s choice, so that the public {@code ClientAddress} and the library both use it
 * without depending on each other through it.
 */
public final class IpLiteral {

    /** The caller's address values, made from their bits and read back as bits. */
    public interface Bits<T> {
        /** The IPv4 address with these 32 bits, most significant octet first. */
        T ipv4(int bits);

        /** The IPv6 address with these 128 bits. */
        T ipv6(long high, long low);

        /** The upper 64 bits of an IPv6 address; 0 for IPv4. */
        long high(T address);

        /** The lower 64 bits of an IPv6 address, or the 32 bits of IPv4. */
        long low(T address);
    }

    private IpLiteral() {
    }

    /**
     * Parses {@code text[from, to)}.
     *
     * @param allowZone whether an IPv6 zone id ({@code %eth0}) is accepted (and dropped)
     * @param factory makes the value of the address parsed
     * @return the address, or null if the text is not a literal
     */
    public static <T> T parse(CharSequence text, int from, int to, boolean allowZone, Bits<T> factory) {
        // The dotted quad first, in a method small enough to inline into its callers, so that a parsed
        // address that does not escape is never allocated; anything else fails it within four characters.
        long v4 = parseIpv4(text, from, to);
        return v4 >= 0 ? factory.ipv4((int) v4) : parseOther(text, from, to, allowZone, factory);
    }

    /** An IPv6 literal, possibly with a zone id, or null. */
    private static <T> T parseOther(CharSequence text, int from, int to, boolean allowZone, Bits<T> factory) {
        int percent = indexOf(text, '%', from, to);
        if (percent >= 0) {
            // A zone id only qualifies a link-local IPv6 address and never changes who the peer is.
            if (!allowZone || !isZoneId(text, percent + 1, to)) {
                return null;
            }
            to = percent;
        }
        return indexOf(text, ':', from, to) >= 0 ? parseIpv6(text, from, to, factory) : null;
    }

    /** Returns the 32 bits of a dotted quad as a non-negative long, or -1 if it is not one. */
    public static long parseIpv4(CharSequence text, int from, int to) {
        long value = 0;
        int octets = 0;
        int i = from;
        while (octets < 4) {
            int start = i;
            int octet = 0;
            while (i < to && i - start < 4) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                octet = octet * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (octets < 4) {
                if (i >= to || text.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? value : -1;
    }

    private static <T> T parseIpv6(CharSequence text, int from, int to, Bits<T> factory) {
        int[] groups = new int[8];
        int gap = indexOfDoubleColon(text, from, to);
        int count;
        if (gap < 0) {
            count = parseGroups(text, from, to, groups, 0, true);
            if (count != 8) {
                return null;
            }
        } else {
            if (indexOfDoubleColon(text, gap + 1, to) >= 0) {
                return null;
            }
            int head = parseGroups(text, from, gap, groups, 0, false);
            if (head < 0) {
                return null;
            }
            int[] tail = new int[8];
            int tailCount = parseGroups(text, gap + 2, to, tail, 0, true);
            if (tailCount < 0 || head + tailCount > 7) {
                return null;
            }
            System.arraycopy(tail, 0, groups, 8 - tailCount, tailCount);
        }
        long high = 0;
        long low = 0;
        for (int g = 0; g < 4; g++) {
            high = (high << 16) | groups[g];
            low = (low << 16) | groups[g + 4];
        }
        return factory.ipv6(high, low);
    }

    /** Parses colon-separated hextets (optionally ending in a dotted quad); returns the 16-bit group count or -1. */
    private static int parseGroups(CharSequence text, int from, int to, int[] out, int at, boolean allowIpv4Tail) {
        if (from == to) {
            return 0;
        }
        int count = 0;
        int i = from;
        while (true) {
            int end = indexOf(text, ':', i, to);
            int pieceEnd = end < 0 ? to : end;
            if (end < 0 && allowIpv4Tail && indexOf(text, '.', i, to) >= 0) {
                long v4 = parseIpv4(text, i, to);
                if (v4 < 0 || at + count + 2 > 8) {
                    return -1;
                }
                out[at + count++] = (int) (v4 >>> 16);
                out[at + count++] = (int) (v4 & 0xffff);
                return count;
            }
            int hextet = parseHextet(text, i, pieceEnd);
            if (hextet < 0 || at + count >= 8) {
                return -1;
            }
            out[at + count++] = hextet;
            if (end < 0) {
                return count;
            }
            i = end + 1;
        }
    }

    private static int parseHextet(CharSequence text, int from, int to) {
        int digits = to - from;
        if (digits < 1 || digits > 4) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(text.charAt(i), 16);
            // Character.digit accepts non-ASCII digits; only ASCII hex is an address.
            if (d < 0 || text.charAt(i) > 'f') {
                return -1;
            }
            value = (value << 4) | d;
        }
        return value;
    }

    private static boolean isZoneId(CharSequence text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfDoubleColon(CharSequence text, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (text.charAt(i) == ':' && text.charAt(i + 1) == ':') {
                return i;
            }
        }
        return -1;
    }

    /** Formats 32 bits as a dotted quad. */
    public static String formatIpv4(int bits) {
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
    }

    /** Formats 128 bits in the RFC 5952 canonical form. */
    public static String formatIpv6(long high, long low) {
        int[] groups = new int[8];
        for (int g = 0; g < 4; g++) {
            groups[g] = (int) (high >>> (48 - 16 * g)) & 0xffff;
            groups[g + 4] = (int) (low >>> (48 - 16 * g)) & 0xffff;
        }
        // RFC 5952 4.2: compress the longest run of two or more zero groups, the first if tied.
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[g]));
        }
        return out.toString();
    }
}
