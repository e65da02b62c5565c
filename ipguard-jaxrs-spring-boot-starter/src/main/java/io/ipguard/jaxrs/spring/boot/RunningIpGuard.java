package io.ipguard.jaxrs.spring.boot;

import io.ipguard.jaxrs.IpGuardInspector;
import java.util.Optional;

/**
 * The guard of the running Jersey application, for Spring beans: its {@link IpGuardInspector},
 * handed over by Jersey when the application starts. It sees what the running guard sees (the lists
 * in force, their reloads, the deployed guards), unlike {@code IpGuardFeature.inspector()}, which
 * builds a configuration of its own. Inject it where a Spring bean needs the guard's status, as the
 * {@code ipguard} health indicator does.
 *
 * <p>Instances are thread-safe.
 */
public final class RunningIpGuard {

    private volatile IpGuardInspector inspector;

    RunningIpGuard() {
    }

    /**
     * Returns the inspector of the running guard.
     *
     * @return the inspector; empty until Jersey has started the application, and after it stopped
     */
    public Optional<IpGuardInspector> inspector() {
        return Optional.ofNullable(inspector);
    }

    synchronized void started(IpGuardInspector started) {
        this.inspector = started;
    }

    synchronized void stopped(IpGuardInspector stopped) {
        // A reloaded application may have started before the old one reports its shutdown.
        if (inspector == stopped) {
            inspector = null;
        }
    }

    @Override
    public String toString() {
        return inspector == null ? "ipguard: not started" : "ipguard: running";
    }
}
