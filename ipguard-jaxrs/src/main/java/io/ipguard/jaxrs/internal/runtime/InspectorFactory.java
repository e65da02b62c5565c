package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.internal.client.UntrustedForwarding;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.model.ResourceGuards;
import io.ipguard.jaxrs.internal.observe.DefaultInspector;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import org.glassfish.hk2.api.Factory;

/**
 * The running application's inspector, asking the lists as the guard does: an application's own
 * provider with the guard's deadline, so that a status or an explanation cannot hang on it.
 */
@Vetoed // built by HK2: Jersey's CDI layer would hand it to CDI, which cannot inject its HK2-only types
public final class InspectorFactory implements Factory<IpGuardInspector> {

    private final IpGuardInspector inspector;

    @Inject
    public InspectorFactory(ConfigLoader loader, Gate guard, ResourceGuards plan, UntrustedForwarding untrusted) {
        this.inspector = new DefaultInspector(loader, guard.provider(), plan, untrusted);
    }

    @Override
    public IpGuardInspector provide() {
        return inspector;
    }

    @Override
    public void dispose(IpGuardInspector instance) {
        // Nothing to release: the inspector holds no resources of its own.
    }
}
