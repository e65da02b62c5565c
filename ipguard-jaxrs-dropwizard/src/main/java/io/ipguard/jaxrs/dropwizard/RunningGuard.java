package io.ipguard.jaxrs.dropwizard;

import io.ipguard.jaxrs.IpGuardInspector;
import jakarta.inject.Inject;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Holds the inspector of the guard that runs in the Jersey application, which exists only once
 * Jersey has started it: the health check reads the guard in force, not a copy of its configuration.
 * Registered on the Jersey environment, where HK2 injects the inspector.
 */
final class RunningGuard implements ContainerLifecycleListener {

    @Inject
    private IpGuardInspector injected;

    private volatile IpGuardInspector inspector;

    /** The running guard's inspector, or null before Jersey has started it (or after it stopped). */
    IpGuardInspector inspector() {
        return inspector;
    }

    @Override
    public void onStartup(Container container) {
        inspector = injected;
    }

    @Override
    public void onReload(Container container) {
        inspector = injected;
    }

    @Override
    public void onShutdown(Container container) {
        inspector = null;
    }
}
