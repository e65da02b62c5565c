package io.ipguard.jaxrs.internal.client;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.internal.address.Addresses;
import io.ipguard.jaxrs.internal.address.IpLiteral;

/**
 * Parses one address as forwarding headers carry it: {@code 1.2.3.4}, {@code 1.2.3.4:80},
 * {@code [2001:db8::1]}, {@code [2001:db8::1]:80}, and, where allowed, a bare IPv6 address
 * (which then cannot carry a port). A port is a decimal number from 1 to 65535 without leading
 * zeros. A zone id is dropped. Anything else is not an address: null.
 */
final class NodeParser {

    private NodeParser() {
    }

    static ClientAddress parse(CharSequence text, int from, int to, boolean allowBareIpv6) {
        if (from >= to) {
            return null;
        }
        if (text.charAt(from) == '[') {
            int close = indexOf(text, ']', from, to);
            if (close < 0 || (close + 1 < to && (text.charAt(close + 1) != ':' || !isPort(text, close + 2, to)))
                    || indexOf(text, ':', from, close) < 0) {
                // Brackets hold IPv6 only, and only a port may follow them.
                return null;
            }
            return Addresses.parse(text, from + 1, close, true);
        }
        int colon = indexOf(text, ':', from, to);
        if (colon < 0) {
            return Addresses.parse(text, from, to, true);
        }
        if (indexOf(text, ':', colon + 1, to) < 0) {
            // Exactly one colon: IPv4 with a port.
            long v4 = isPort(text, colon + 1, to) ? IpLiteral.parseIpv4(text, from, colon) : -1;
            return v4 < 0 ? null : Addresses.ofIpv4((int) v4);
        }
        return allowBareIpv6 ? Addresses.parse(text, from, to, true) : null;
    }

    private static boolean isPort(CharSequence text, int from, int to) {
        int digits = to - from;
        if (digits < 1 || digits > 5 || text.charAt(from) == '0') {
            return false;
        }
        int port = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    private static int indexOf(CharSequence text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
