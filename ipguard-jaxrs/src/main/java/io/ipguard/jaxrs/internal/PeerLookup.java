package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.ClientAddress;
import org.glassfish.hk2.api.IterableProvider;

/**
 * The TCP peer address of the current request, as the container saw it. The container is
 * recognised on the first request by the request type it binds; on a container that binds none
 * we know, every call fails with a message saying what to do. Thread-safe.
 */
public final class PeerLookup {

    static final String NO_PEER = "cannot find the TCP peer address: this container binds neither "
            + GrizzlyPeerSource.REQUEST_CLASS + " nor " + ServletPeerSource.REQUEST_CLASS
            + "; run on Grizzly or a Servlet container, or bind a ClientIpResolver of your own";

    private final IterableProvider<PeerSource> sources;
    private volatile PeerSource source;

    @jakarta.inject.Inject
    public PeerLookup(IterableProvider<PeerSource> sources) {
        this.sources = sources;
    }

    /** A lookup that always asks {@code source}, for tests and benchmarks without a container. */
    static PeerLookup of(PeerSource source) {
        PeerLookup lookup = new PeerLookup(null);
        lookup.source = source;
        return lookup;
    }

    /**
     * Returns the peer, or the unknown client if the container's text is not an address.
     *
     * @throws IllegalStateException if the container exposes no peer address
     */
    public ClientAddress peer() {
        String peer = source().remoteAddress();
        ClientAddress address = peer == null ? null : IpLiteral.parse(peer, 0, peer.length(), true);
        return address == null ? ClientAddress.unknown() : address;
    }

    private PeerSource source() {
        PeerSource found = source;
        if (found == null) {
            for (PeerSource candidate : sources) {
                if (candidate.isBound()) {
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
