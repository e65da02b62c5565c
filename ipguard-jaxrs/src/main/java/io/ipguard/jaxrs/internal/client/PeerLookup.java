package io.ipguard.jaxrs.internal.client;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.internal.address.Addresses;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.hk2.api.IterableProvider;

/**
 * The TCP peer address of the current request, as the container saw it. The container is
 * recognised on the first request (by the request type it binds, or the response writer it hands
 * Jersey); a container none of the sources serves is refused at start-up ({@link ContainerCheck}),
 * and if one gets here anyway, every call fails with a message saying what to do. Thread-safe.
 */
public final class PeerLookup {

    static final String NO_PEER = "cannot find the TCP peer address: this container is none of those ipguard reads "
            + "(Grizzly, Jetty, the JDK HTTP server, Netty, a Servlet container); bind a ClientIpResolver of your own";

    private static final int CACHE_SIZE = 256;

    /** A parsed peer remembered under its exact text, so repeat peers (proxies, keep-alive clients) cost no allocation. */
    private record Cached(String text, ClientAddress address) {
    }

    private final IterableProvider<PeerSource> sources;
    private final Cached[] cache = new Cached[CACHE_SIZE];
    private volatile PeerSource source;

    @jakarta.inject.Inject
    public PeerLookup(IterableProvider<PeerSource> sources) {
        this.sources = sources;
    }

    /** A lookup that always asks {@code source}, for tests and benchmarks without a container. */
    public static PeerLookup of(PeerSource source) {
        PeerLookup lookup = new PeerLookup(null);
        lookup.source = source;
        return lookup;
    }

    /**
     * Returns the peer, or the unknown client if the container's text is not an address.
     *
     * @throws IllegalStateException if the container exposes no peer address
     */
    public ClientAddress peer(ContainerRequestContext request) {
        String peer = source(request).remoteAddress(request);
        if (peer == null) {
            return ClientAddress.unknown();
        }
        int hash = peer.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (CACHE_SIZE - 1);
        // A racy read is fine: an entry is immutable and is used only when its text matches exactly.
        Cached cached = cache[slot];
        if (cached != null && cached.text.equals(peer)) {
            return cached.address;
        }
        // Jetty reports an IPv6 peer in brackets ("[0:0:0:0:0:0:0:1]"); Grizzly without.
        boolean bracketed = peer.length() > 2 && peer.charAt(0) == '[' && peer.charAt(peer.length() - 1) == ']';
        ClientAddress address = bracketed ? Addresses.parse(peer, 1, peer.length() - 1, true)
                : Addresses.parse(peer, 0, peer.length(), true);
        if (address != null && bracketed && address.isIpv4() && peer.indexOf(':') < 0) {
            // Brackets hold IPv6 only.
            address = null;
        }
        if (address == null) {
            return ClientAddress.unknown();
        }
        cache[slot] = new Cached(peer, address);
        return address;
    }

    private PeerSource source(ContainerRequestContext request) {
        PeerSource found = source;
        if (found == null) {
            for (PeerSource candidate : sources) {
                if (candidate.serves(request)) {
                    found = candidate;
                    break;
                }
            }
            if (found == null) {
                throw new IllegalStateException(NO_PEER);
            }
            source = found;
        }
        return found;
    }
}
