package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.ClientIpResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.hk2.api.IterableProvider;

/**
 * The default resolver: the client is the TCP peer, as the container saw it. The container is
 * recognised on the first request by the request type it binds; on a container that binds none
 * we know, every request fails (and is refused) with a message saying what to do.
 */
public final class PeerClientIpResolver implements ClientIpResolver {

    static final String NO_PEER = "cannot find the TCP peer address: this container binds neither "
            + GrizzlyPeerSource.REQUEST_CLASS + " nor " + ServletPeerSource.REQUEST_CLASS
            + "; run on Grizzly or a Servlet container, or bind a ClientIpResolver of your own";

    private final IterableProvider<PeerSource> sources;
    private volatile PeerSource source;

    @Inject
    public PeerClientIpResolver(IterableProvider<PeerSource> sources) {
        this.sources = sources;
    }

    @Override
    public ClientAddress resolve(ContainerRequestContext request) {
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
