package io.ipguard.jaxrs.internal.client;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.internal.config.ConfigSnapshot;
import io.ipguard.jaxrs.internal.config.Forwarding;
import io.ipguard.jaxrs.internal.config.LiveConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The default resolver: the TCP peer, unless a forwarding header is configured and the peer is
 * allowed to send it (a trusted proxy, or any peer in trusted-hops mode). Thread-safe.
 */
public final class DefaultClientIpResolver implements ClientIpResolver {

    private final PeerLookup peers;
    private final LiveConfig live;
    private final UntrustedForwarding untrusted;

    @Inject
    public DefaultClientIpResolver(PeerLookup peers, LiveConfig live, UntrustedForwarding untrusted) {
        this.peers = peers;
        this.live = live;
        this.untrusted = untrusted;
    }

    @Override
    public ClientAddress resolve(ContainerRequestContext request) {
        return resolve(request, live.current());
    }

    /** Resolves under {@code config}, so that a decision reads proxies and groups from one configuration. */
    public ClientAddress resolve(ContainerRequestContext request, ConfigSnapshot config) {
        Forwarding forwarding = config.forwarding();
        ClientAddress peer = peers.peer(request);
        if (!peer.isKnown()) {
            return peer;
        }
        if (forwarding.kind() == Forwarding.Kind.NONE
                || forwarding.trustedHops() == 0 && !forwarding.trustedProxies().contains(peer)) {
            // Headers from anyone but a trusted proxy are ignored entirely: the client may have written them.
            // But a proxy we were not told about would be taken for the client: notice it.
            untrusted.ignoredHeaders(request, peer, forwarding);
            return peer;
        }
        return ForwardedClient.resolve(request.getHeaders().get(forwarding.header()), forwarding, peer);
    }
}
