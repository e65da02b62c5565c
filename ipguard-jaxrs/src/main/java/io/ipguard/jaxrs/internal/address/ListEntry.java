package io.ipguard.jaxrs.internal.address;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.internal.io.LogText;

/**
 * One list entry: an address, a CIDR block or an inclusive range, optionally an exclusion
 * ({@code !}), as the closed interval of one address family. IPv4 values live in the low 32 bits
 * of {@code startLow}/{@code endLow}; IPv6 values are raw 128-bit values (a block that overlaps
 * the IPv4-mapped range stays IPv6 here: {@link CompiledIpSet} maps that part to IPv4).
 */
public record ListEntry(boolean exclusion, boolean ipv4, long startHigh, long startLow, long endHigh, long endLow) {

    private static final long MAPPED = 0x0000_ffff_0000_0000L;

    /** Thrown for an entry that is not valid; the message quotes the entry and says why. */
    public static final class InvalidEntryException extends Exception {
        InvalidEntryException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Parses one entry, already trimmed and non-empty.
     *
     * @throws InvalidEntryException with a message quoting the entry
     */
    public static ListEntry parse(String entry) throws InvalidEntryException {
        try {
            return parseEntry(entry);
        } catch (InvalidEntryException e) {
            InvalidEntryException hinted = EntryHints.of(entry);
            throw hinted != null ? hinted : e;
        }
    }

    private static ListEntry parseEntry(String entry) throws InvalidEntryException {
        boolean exclusion = entry.startsWith("!");
        String body = exclusion ? entry.substring(1) : entry;
        int slash = body.indexOf('/');
        int dash = body.indexOf('-');
        if (slash >= 0 && dash >= 0) {
            throw invalid(entry, "is not an address, a CIDR block or a range");
        }
        if (slash >= 0) {
            return parseBlock(entry, exclusion, body, slash);
        }
        if (dash >= 0) {
            ClientAddress low = address(entry, body.substring(0, dash), Shorthand.RANGE_END);
            ClientAddress high = address(entry, body.substring(dash + 1), Shorthand.RANGE_END);
            if (low.isIpv4() != high.isIpv4()) {
                throw invalid(entry, "mixes IPv4 and IPv6");
            }
            if (compare(low, high) > 0) {
                throw invalid(entry, "is an empty range: its first address is above its last");
            }
            return of(exclusion, low, high);
        }
        ClientAddress single = address(entry, body, Shorthand.ADDRESS);
        return of(exclusion, single, single);
    }

    private static ListEntry of(boolean exclusion, ClientAddress low, ClientAddress high) {
        return new ListEntry(exclusion, low.isIpv4(), Addresses.high(low), Addresses.low(low), Addresses.high(high),
                Addresses.low(high));
    }

    private static ListEntry parseBlock(String entry, boolean exclusion, String body, int slash)
            throws InvalidEntryException {
        String addressText = body.substring(0, slash);
        ClientAddress base = address(entry, addressText, Shorthand.BLOCK_BASE);
        boolean mapped = base.isIpv4() && addressText.indexOf(':') >= 0;
        boolean ipv4 = base.isIpv4() && !mapped;
        int prefix = parsePrefix(body.substring(slash + 1), ipv4 ? 32 : 128);
        if (prefix < 0) {
            throw invalid(entry, "has an invalid prefix length; it must be 0-" + (ipv4 ? "32 for IPv4" : "128 for IPv6"));
        }
        if (mapped && prefix >= 96) {
            // ::ffff:a.b.c.d/n with n >= 96 is the IPv4 block a.b.c.d/(n - 96).
            ipv4 = true;
            prefix -= 96;
        }
        if (ipv4) {
            long mask = prefix == 0 ? 0 : (0xffff_ffffL << (32 - prefix)) & 0xffff_ffffL;
            long bits = Addresses.low(base);
            if ((bits & mask) != bits) {
                throw hostBitsSet(entry, IpLiteral.formatIpv4((int) (bits & mask)) + "/" + prefix);
            }
            return new ListEntry(exclusion, true, 0, bits, 0, bits | (~mask & 0xffff_ffffL));
        }
        long high = Addresses.high(base);
        long low = mapped ? MAPPED | Addresses.low(base) : Addresses.low(base);
        long maskHigh = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
        long maskLow = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        if ((high & maskHigh) != high || (low & maskLow) != low) {
            throw hostBitsSet(entry, IpLiteral.formatIpv6(high & maskHigh, low & maskLow) + "/" + prefix);
        }
        return new ListEntry(exclusion, false, high, low, high | ~maskHigh, low | ~maskLow);
    }

    private static InvalidEntryException hostBitsSet(String entry, String meant) {
        return invalid(entry, "has host bits set; did you mean " + meant + "?");
    }

    /** Returns the decimal prefix length in [0, max], or -1. */
    private static int parsePrefix(String text, int max) {
        if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    /**
     * Where an abbreviated IPv4 address stands, which decides what it was meant as: alone,
     * {@code inet_aton}'s reading ({@code 127.1} is 127.0.0.1); before a prefix, the network
     * ({@code 172.16/12} is 172.16.0.0/12); as a range end, nobody can say.
     */
    private enum Shorthand { ADDRESS, BLOCK_BASE, RANGE_END }

    private static ClientAddress address(String entry, String text, Shorthand where) throws InvalidEntryException {
        ClientAddress address = Addresses.parse(text, 0, text.length(), false);
        if (address != null) {
            return address;
        }
        if (text.indexOf('%') >= 0 && Addresses.parse(text, 0, text.length(), true) != null) {
            throw invalid(entry, "has a zone id, which has no meaning in a list");
        }
        if (looksLikeHostname(text)) {
            throw invalid(entry, "is a hostname; only address literals are accepted (names are never resolved)");
        }
        if (hasLeadingZeroOctet(text)) {
            throw invalid(entry, "has an IPv4 octet with a leading zero, which is ambiguous (octal or decimal)");
        }
        String expanded = expandShorthand(text);
        if (expanded != null) {
            String abbreviated = "is an abbreviated IPv4 address, which is not accepted; ";
            switch (where) {
                case ADDRESS -> throw invalid(entry, abbreviated + "write " + expanded);
                case BLOCK_BASE -> throw invalid(entry, abbreviated + "write the network's four octets"
                        + networkOf(text, entry.substring(entry.indexOf('/') + 1)));
                default -> throw invalid(entry, abbreviated + "write both ends with four octets");
            }
        }
        throw invalid(entry, "is not an IP address");
    }

    /**
     * What {@code inet_aton} makes of a dotted decimal shorthand ({@code 127.1} is 127.0.0.1,
     * {@code 10.1.2} is 10.1.0.2), or null if the text is not one. A lone number is left alone:
     * whether {@code 10} meant 0.0.0.10 or 10.0.0.0/8 is anybody's guess.
     */
    static String expandShorthand(String text) {
        if (!text.matches("(0|[1-9][0-9]{0,9})(\\.(0|[1-9][0-9]{0,9})){1,2}")) {
            return null;
        }
        String[] parts = text.split("\\.");
        long value = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            long part = Long.parseLong(parts[i]);
            if (part > 255) {
                return null;
            }
            value = value << 8 | part;
        }
        long last = Long.parseLong(parts[parts.length - 1]);
        int lastBits = 8 * (4 - (parts.length - 1));
        if (last >= 1L << lastBits) {
            return null;
        }
        value = value << lastBits | last;
        return IpLiteral.formatIpv4((int) value);
    }

    /** {@code ", as in 172.16.0.0/12"} for {@code 172.16} and {@code 12}: the octets written, zeros after. */
    private static String networkOf(String abbreviated, String prefixText) {
        int prefix = parsePrefix(prefixText, 32);
        if (prefix < 0) {
            return "";
        }
        long value = 0;
        String[] parts = abbreviated.split("\\.");
        for (int i = 0; i < 4; i++) {
            value = value << 8 | (i < parts.length ? Long.parseLong(parts[i]) : 0);
        }
        long mask = prefix == 0 ? 0 : (0xffff_ffffL << (32 - prefix)) & 0xffff_ffffL;
        return ", as in " + IpLiteral.formatIpv4((int) (value & mask)) + "/" + prefix;
    }

    private static boolean looksLikeHostname(String text) {
        if (text.isEmpty() || !Character.isLetter(text.charAt(0)) || text.indexOf(':') >= 0) {
            return false;
        }
        return text.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-'));
    }

    private static boolean hasLeadingZeroOctet(String text) {
        String tail = text.substring(text.lastIndexOf(':') + 1);
        for (String octet : tail.split("\\.", -1)) {
            if (octet.length() > 1 && octet.charAt(0) == '0' && octet.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return true;
            }
        }
        return false;
    }

    static InvalidEntryException invalid(String entry, String why) {
        // Entries come from lists others publish: bounded, with what could break or hide a line escaped,
        // they cannot forge or flood a log line; the rest is shown as written.
        return new InvalidEntryException("\"" + LogText.shown(entry, 100) + "\" " + why);
    }

    private static int compare(ClientAddress a, ClientAddress b) {
        int c = Long.compareUnsigned(Addresses.high(a), Addresses.high(b));
        return c != 0 ? c : Long.compareUnsigned(Addresses.low(a), Addresses.low(b));
    }
}
