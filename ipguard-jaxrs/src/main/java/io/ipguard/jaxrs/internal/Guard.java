package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;

/** What every guarded method shares: the resolver, the lists and the refusal behaviour. Thread-safe. */
final class Guard {

    private final ClientIpResolver resolver;
    private final WhitelistProvider provider;
    private static final DenialResponse FORBIDDEN = new DenialResponse(403);
    private static final DenialResponse NOT_FOUND = new DenialResponse(404);

    private final LiveConfig live;
    private final RefusalLog refusals;
    private final PeerLookup peers;

    Guard(ClientIpResolver resolver, WhitelistProvider provider, LiveConfig live, RefusalLog refusals, PeerLookup peers) {
        this.resolver = resolver;
        this.provider = provider;
        this.live = live;
        this.refusals = refusals;
        this.peers = peers;
    }

    /** Lets the request through, or aborts it; never throws. */
    void check(ContainerRequestContext request, String group, String resource) {
        ClientAddress client = ClientAddress.unknown();
        String refusal;
        try {
            ClientAddress resolved = resolver.resolve(request);
            if (resolved == null) {
                // Fail closed: a resolver that answers nothing has not identified the client.
                refusal = "the client resolver returned null";
            } else {
                client = resolved;
                request.setProperty(ClientAddress.PROPERTY, client);
                refusal = refusal(client, group);
            }
        } catch (RuntimeException e) {
            // Fail closed: an error inside the guard must never let a request through.
            refusal = "guard error: " + e;
        }
        if (refusal == null) {
            return;
        }
        GuardConfig config = live.current();
        refusals.log((config.reportOnly() ? "would refuse (report-only) " : "refused ") + resource + ": " + refusal
                + " [" + evidence(request, config.forwarding().header()) + "]");
        if (!config.reportOnly()) {
            request.abortWith((config.denyStatus() == 404 ? NOT_FOUND : FORBIDDEN).build());
        }
    }

    /** What the client was resolved from: the peer and the forwarding header, for the refusal log. */
    private String evidence(ContainerRequestContext request, String header) {
        StringBuilder out = new StringBuilder("peer ");
        try {
            out.append(peers.peer());
        } catch (RuntimeException e) {
            out.append("unavailable");
        }
        List<String> lines = header == null ? null : request.getHeaders().get(header);
        if (lines != null && !lines.isEmpty()) {
            out.append(", ").append(header).append(": ").append(LogText.quote(lines));
        }
        return out.toString();
    }

    /** Returns why the client is refused, or null if it is allowed. */
    private String refusal(ClientAddress client, String group) {
        IpSet set = provider.group(group);
        if (set == null) {
            // Fail closed: the provider no longer knows the group, so nobody is in it.
            return "group \"" + group + "\" is not defined by " + provider;
        }
        if (!client.isKnown()) {
            return "the client address is unknown (group \"" + group + "\")";
        }
        if (!set.contains(client)) {
            return "client " + client + " is not in group \"" + group + "\"";
        }
        return null;
    }
}
