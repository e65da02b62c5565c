package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.ClientAddress;
import java.util.List;

/**
 * Finds the client in a forwarding header, once the peer is known to be allowed to send one.
 * List headers are walked from the right: trusted proxies are skipped and the first other
 * address is the client (or, with {@code trusted-hops = N}, the N-th element is). Any element
 * that is not an address, met on the way, makes the client unknown: we never skip past it.
 */
final class ForwardedClient {

    private ForwardedClient() {
    }

    /**
     * Returns the client named by the header's field lines (null or empty: the header is absent).
     */
    static ClientAddress resolve(List<String> lines, Forwarding forwarding, ClientAddress peer) {
        boolean absent = lines == null || lines.isEmpty();
        if (forwarding.kind() == Forwarding.Kind.SINGLE) {
            return absent ? peer : single(lines, peer);
        }
        boolean quoted = forwarding.kind() == Forwarding.Kind.FORWARDED;
        ListHeader header = absent ? null : ListHeader.scan(lines, quoted, Forwarding.MAX_HOPS);
        if (forwarding.trustedHops() > 0) {
            return header == null ? ClientAddress.unknown() : countHops(header, quoted, forwarding.trustedHops());
        }
        if (header == null || header.count() == 0) {
            return peer;
        }
        return walk(header, quoted, forwarding);
    }

    private static ClientAddress walk(ListHeader header, boolean quoted, Forwarding forwarding) {
        ClientAddress address = null;
        for (int i = 0; i < header.available(); i++) {
            address = element(header, i, quoted);
            if (address == null) {
                // Fail closed: whoever wrote this element could have written anything to its left.
                return ClientAddress.unknown();
            }
            if (!forwarding.trustedProxies().contains(address)) {
                return address;
            }
        }
        // Every element is a trusted proxy: the leftmost is the client, unless the hop limit hid it.
        return header.count() <= header.available() ? address : ClientAddress.unknown();
    }

    private static ClientAddress countHops(ListHeader header, boolean quoted, int hops) {
        if (header.count() < hops) {
            // Fewer addresses than proxies in front: the header did not come through all of them.
            return ClientAddress.unknown();
        }
        for (int i = 0; i < hops - 1; i++) {
            if (element(header, i, quoted) == null) {
                return ClientAddress.unknown();
            }
        }
        ClientAddress client = element(header, hops - 1, quoted);
        return client == null ? ClientAddress.unknown() : client;
    }

    private static ClientAddress element(ListHeader header, int fromRight, boolean quoted) {
        if (header.isBroken(fromRight)) {
            return null;
        }
        int from = header.start(fromRight);
        int to = header.end(fromRight);
        return quoted ? ForwardedElement.forNode(header.value(), from, to)
                : NodeParser.parse(header.value(), from, to, true);
    }

    private static ClientAddress single(List<String> lines, ClientAddress peer) {
        if (lines.size() > 1) {
            // Two field lines: two writers, and no way to tell which one is the proxy.
            return ClientAddress.unknown();
        }
        String value = lines.get(0);
        int from = 0;
        int to = value.length();
        while (from < to && (value.charAt(from) == ' ' || value.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (value.charAt(to - 1) == ' ' || value.charAt(to - 1) == '\t')) {
            to--;
        }
        if (from == to) {
            return peer;
        }
        if (value.indexOf(',', from) >= 0) {
            return ClientAddress.unknown();
        }
        ClientAddress client = NodeParser.parse(value, from, to, true);
        return client == null ? ClientAddress.unknown() : client;
    }
}
