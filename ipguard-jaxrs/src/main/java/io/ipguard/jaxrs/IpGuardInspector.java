package io.ipguard.jaxrs;

import java.util.List;
import java.util.Map;

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
     * last error, if the latest attempt to reload failed. Once a request from a peer that is not a
     * trusted proxy has carried a forwarding header (a proxy the configuration does not name would
     * be taken for the client), a last entry, {@code forwarding headers from peers that are not
     * trusted proxies}, gives the latest such warning as its error and how many were logged.
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

    /**
     * Explains what the guard would decide for a request from {@code peer} with {@code headers}
     * to a resource guarded by {@code group}, under the configuration in force, with the default
     * client resolution (an application's own {@link ClientIpResolver} is not consulted).
     *
     * @param peer the TCP peer address, such as {@code 10.0.0.2}
     * @param headers request headers by name (case-insensitive), each with its field lines
     * @param group the group name
     * @return the decision and the reason in words
     * @throws IllegalArgumentException if {@code peer} is not an IP address literal
     */
    Explanation explain(String peer, Map<String, List<String>> headers, String group);

    /**
     * Returns what guards each resource method and locator of the application, one line each, as
     * decided at deployment and logged at start-up, for example
     * {@code GET /admin (AdminResource.get) is guarded by group "admin" (from class com.example.AdminResource)}.
     * Open methods are not listed; lines are sorted by path.
     *
     * @return the lines; empty for an inspector made by {@link IpGuardFeature#inspector()}
     */
    List<String> guards();

    /**
     * Returns everything the guard has in force as one JSON document: each group as written, the
     * lists it draws on and whether they are loaded; each source of lists with its entries, version,
     * last load, last check, last attempt and last error; what guards each resource; how the client
     * is found (header, trusted proxies); and the current warnings. {@link IpGuardStatusResource}
     * serves it; docs/status.md describes the fields.
     *
     * @return the document, UTF-8 JSON text
     */
    String statusJson();
}
