package io.ipguard.jaxrs.internal.client;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.internal.config.Forwarding;
import io.ipguard.jaxrs.internal.io.LogText;
import java.util.List;

/**
 * Finds the client in a forwarding header, once the peer is known to be allowed to send one.
 * List headers are walked from the right: trusted proxies are skipped and the first other
 * address is the client (or, with {@code trusted-hops = N}, the N-th element is). Any element
 * that is not an address, met on the way, makes the client unknown: we never skip past it.
 *
 * <p>When {@code why} is not null, the path taken is described in it, for explanations; the
 * request path passes null and builds no text.
 */
public final class ForwardedClient {

    private static final ClientAddress UNKNOWN = ClientAddress.unknown();

    private ForwardedClient() {
    }

    /** Returns the client named by the header's field lines (null or empty: the header is absent). */
    public static ClientAddress resolve(List<String> lines, Forwarding forwarding, ClientAddress peer) {
        return resolve(lines, forwarding, peer, null);
    }

    public static ClientAddress resolve(List<String> lines, Forwarding forwarding, ClientAddress peer, StringBuilder why) {
        boolean absent = lines == null || lines.isEmpty();
        String name = forwarding.header();
        if (forwarding.kind() == Forwarding.Kind.SINGLE) {
            if (absent) {
                return why == null ? peer : say(why, peer, "the TCP peer; no " + name + " header");
            }
            return single(lines, peer, name, why);
        }
        boolean quoted = forwarding.kind() == Forwarding.Kind.FORWARDED;
        HeaderElements header = absent ? null : HeaderElements.scan(lines, quoted, Forwarding.MAX_HOPS);
        if (forwarding.trustedHops() > 0) {
            if (header == null) {
                return why == null ? UNKNOWN : say(why, UNKNOWN, "no " + name + " header, but trusted-hops expects one");
            }
            return countHops(header, quoted, forwarding.trustedHops(), name, why);
        }
        if (header == null || header.count() == 0) {
            return why == null ? peer
                    : say(why, peer, "the TCP peer; " + (header == null ? "no " + name + " header" : name + " is empty"));
        }
        return walk(header, quoted, forwarding, why);
    }

    private static ClientAddress walk(HeaderElements header, boolean quoted, Forwarding forwarding, StringBuilder why) {
        String name = forwarding.header();
        ClientAddress address = null;
        for (int i = 0; i < header.available(); i++) {
            address = element(header, i, quoted);
            if (address == null) {
                // Fail closed: whoever wrote this element could have written anything to its left.
                return why == null ? UNKNOWN : say(why, UNKNOWN, notAnAddress(header, i, name));
            }
            if (!forwarding.trustedProxies().contains(address)) {
                return why == null ? address : say(why, address, i == 0 ? name + ", rightmost element"
                        : name + ", after skipping trusted " + skipped(header, i, quoted));
            }
        }
        if (header.count() > header.available()) {
            return why == null ? UNKNOWN : say(why, UNKNOWN,
                    name + ": no untrusted address within the hop limit of " + Forwarding.MAX_HOPS + " elements");
        }
        // Every element is a trusted proxy: the leftmost is the client.
        return why == null ? address : say(why, address, name + ", leftmost element; every element is a trusted proxy");
    }

    private static ClientAddress countHops(HeaderElements header, boolean quoted, int hops, String name, StringBuilder why) {
        if (header.count() < hops) {
            // Fewer addresses than proxies in front: the header did not come through all of them.
            return why == null ? UNKNOWN : say(why, UNKNOWN, name + " has " + header.count() + " element"
                    + (header.count() == 1 ? "" : "s") + ", fewer than trusted-hops " + hops);
        }
        for (int i = 0; i < hops; i++) {
            if (element(header, i, quoted) == null) {
                return why == null ? UNKNOWN : say(why, UNKNOWN, notAnAddress(header, i, name));
            }
        }
        ClientAddress client = element(header, hops - 1, quoted);
        return why == null ? client : say(why, client, name + ", element " + hops + " from the right (trusted-hops " + hops + ")");
    }

    private static ClientAddress element(HeaderElements header, int fromRight, boolean quoted) {
        int from = header.start(fromRight);
        int to = header.end(fromRight);
        return quoted ? ForwardedElement.forNode(header.value(), from, to)
                : NodeParser.parse(header.value(), from, to, true);
    }

    private static ClientAddress single(List<String> lines, ClientAddress peer, String name, StringBuilder why) {
        if (lines.size() > 1) {
            // Two field lines: two writers, and no way to tell which one is the proxy.
            return why == null ? UNKNOWN : say(why, UNKNOWN, name + " has " + lines.size() + " field lines");
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
            return why == null ? peer : say(why, peer, "the TCP peer; " + name + " is empty");
        }
        if (value.indexOf(',', from) >= 0) {
            return why == null ? UNKNOWN : say(why, UNKNOWN, name + " holds more than one value");
        }
        ClientAddress client = NodeParser.parse(value, from, to, true);
        if (client == null) {
            return why == null ? UNKNOWN : say(why, UNKNOWN, name + " " + LogText.quote(List.of(value)) + " is not an address");
        }
        return why == null ? client : say(why, client, name);
    }

    /** Records how the client was found; callers build {@code text} only when {@code why} is not null. */
    private static ClientAddress say(StringBuilder why, ClientAddress result, String text) {
        why.append(text);
        return result;
    }

    private static String notAnAddress(HeaderElements header, int fromRight, String name) {
        String text = header.value().substring(header.start(fromRight), header.end(fromRight));
        return name + " element " + (fromRight + 1) + " from the right, " + LogText.quote(List.of(text))
                + ", is not an address";
    }

    private static String skipped(HeaderElements header, int count, boolean quoted) {
        StringBuilder out = new StringBuilder();
        for (int i = count - 1; i >= 0; i--) {
            out.append(out.length() == 0 ? "" : ", ").append(element(header, i, quoted));
        }
        return out.toString();
    }
}
