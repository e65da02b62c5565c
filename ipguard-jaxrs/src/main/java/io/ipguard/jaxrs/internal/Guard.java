package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import jakarta.ws.rs.container.ContainerRequestContext;

/** What every guarded method shares: the resolver, the lists and the refusal behaviour. Thread-safe. */
final class Guard {

    private final ClientIpResolver resolver;
    private final WhitelistProvider provider;
    private final DenialResponse denial;
    private final boolean reportOnly;
    private final RefusalLog refusals;

    Guard(ClientIpResolver resolver, WhitelistProvider provider, GuardConfig config, RefusalLog refusals) {
        this.resolver = resolver;
        this.provider = provider;
        this.denial = new DenialResponse(config.denyStatus());
        this.reportOnly = config.reportOnly();
        this.refusals = refusals;
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
        refusals.log((reportOnly ? "would refuse (report-only) " : "refused ") + resource + ": " + refusal);
        if (!reportOnly) {
            request.abortWith(denial.build());
        }
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
