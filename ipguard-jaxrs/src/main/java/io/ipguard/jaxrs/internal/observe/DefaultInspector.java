package io.ipguard.jaxrs.internal.observe;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.Explanation;
import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.internal.client.UntrustedForwarding;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.model.ResourceGuards;
import java.util.List;
import java.util.Map;

/** The inspector of one configuration, deployed or not. */
public final class DefaultInspector implements IpGuardInspector {

    private final ConfigLoader loader;
    private final WhitelistProvider provider;
    private final ResourceGuards plan;
    private final UntrustedForwarding untrusted;

    /**
     * An inspector of a running application: its configuration, its lists as the guard asks them (an
     * application's provider with the guard's deadline), its plan and what its requests showed.
     */
    public DefaultInspector(ConfigLoader loader, WhitelistProvider provider, ResourceGuards plan, UntrustedForwarding untrusted) {
        this.loader = loader;
        this.provider = provider;
        this.plan = plan;
        this.untrusted = untrusted;
    }

    /** An inspector of a configuration without an application. */
    public DefaultInspector(ConfigLoader loader, WhitelistProvider provider) {
        this(loader, provider, new ResourceGuards(), null);
    }

    @Override
    public List<ListStatus> status() {
        List<ListStatus> all = new java.util.ArrayList<>(loader.status());
        ListStatus forwarding = untrusted == null ? null : untrusted.status();
        if (forwarding != null) {
            all.add(forwarding);
        }
        return all;
    }

    @Override
    public List<ListStatus> reload() {
        loader.reloadNow();
        return status();
    }

    @Override
    public Explanation explain(String peer, Map<String, List<String>> headers, String group) {
        return Explainer.explain(loader.live().current(), provider, ClientAddress.parse(peer), headers, group);
    }

    @Override
    public List<String> guards() {
        return plan.report();
    }

    @Override
    public String statusJson() {
        return StatusDocument.of(loader, provider, plan, untrusted);
    }
}
