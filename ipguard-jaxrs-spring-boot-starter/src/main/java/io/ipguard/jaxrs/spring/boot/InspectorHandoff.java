package io.ipguard.jaxrs.spring.boot;

import io.ipguard.jaxrs.IpGuardInspector;
import jakarta.inject.Inject;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Hands the running application's {@link IpGuardInspector}, an HK2 service of the guard, to the
 * Spring bean {@link RunningIpGuard} when Jersey starts the application, and takes it back when it
 * stops. Registered on the {@code ResourceConfig} as a class, so that HK2 builds it and injects both.
 */
final class InspectorHandoff implements ContainerLifecycleListener {

    private final IpGuardInspector inspector;
    private final RunningIpGuard running;

    @Inject
    InspectorHandoff(IpGuardInspector inspector, RunningIpGuard running) {
        this.inspector = inspector;
        this.running = running;
    }

    @Override
    public void onStartup(Container container) {
        running.started(inspector);
    }

    @Override
    public void onReload(Container container) {
        // The reloaded application has listeners of its own, whose onStartup hands its inspector over.
    }

    @Override
    public void onShutdown(Container container) {
        running.stopped(inspector);
    }
}
