package io.ipguard.jaxrs;

import java.util.List;

/**
 * What the guard is running on, for health checks and operators. Inject it
 * ({@code @Inject IpGuardInspector} or {@code @Context IpGuardInspector}) in an application that
 * registers {@link IpGuardFeature}.
 *
 * <p>Implementations are thread-safe.
 */
public interface IpGuardInspector {

    /**
     * Returns the status of every source of lists: when the lists in force were loaded and the
     * last error, if the latest attempt to reload failed.
     *
     * @return one status per source, the configuration first
     */
    List<ListStatus> status();

    /**
     * Checks every reloadable source now rather than at its next scheduled check, and returns the
     * resulting status. A source that did not change is left as it is.
     *
     * @return one status per source, as {@link #status()}
     */
    List<ListStatus> reload();
}
