package io.ipguard.jaxrs.internal.config;

import io.ipguard.jaxrs.IpSet;
import java.util.Locale;

/**
 * Which forwarding header is believed, and from whom: the trusted proxies, or a fixed number of
 * proxies in front ({@code trustedHops > 0}). {@link Kind#NONE}: the client is the TCP peer.
 */
public record Forwarding(Kind kind, String header, IpSet trustedProxies, int trustedHops) {

    /** The most elements a walk examines from the right; a client not found within them is unknown. */
    public static final int MAX_HOPS = 20;

    /** How the configured header is read. */
    public enum Kind {
        /** No header: the client is the TCP peer. */
        NONE,
        /** {@code X-Forwarded-For}: a list of addresses, client first. */
        X_FORWARDED_FOR,
        /** RFC 7239 {@code Forwarded}: a list of elements with {@code for=} nodes. */
        FORWARDED,
        /** Any other header, such as {@code X-Real-IP}: exactly one address. */
        SINGLE
    }

    /** The client is the TCP peer; headers are never read. */
    public static final Forwarding PEER_ONLY = new Forwarding(Kind.NONE, null, IpSet.empty(), 0);

    /** Returns how a header of this name is read. */
    public static Kind kindOf(String header) {
        return switch (header.toLowerCase(Locale.ROOT)) {
            case "x-forwarded-for" -> Kind.X_FORWARDED_FOR;
            case "forwarded" -> Kind.FORWARDED;
            default -> Kind.SINGLE;
        };
    }
}
