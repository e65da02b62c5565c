package io.ipguard.jaxrs.spring.boot;

import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.ListStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guard's health, whatever Boot's health API: one detail per source of lists (entries in force,
 * last load, last successful check, last attempt, last error), and the state. The guard keeps the
 * last good lists when a reload fails, so only a list it never loaded, and failed to, makes it DOWN:
 * requests that need that list are refused to everyone.
 */
final class GuardHealth {

    /** The state, as Boot's status codes name it. */
    enum State { UP, DOWN, UNKNOWN }

    /** A state and its details. */
    record View(State state, Map<String, Object> details) {
    }

    /** The inspector's entry for forwarding warnings (IpGuardInspector.status()): not a list, never DOWN. */
    static final String FORWARDING = "forwarding headers from peers that are not trusted proxies";

    private GuardHealth() {
    }

    static View of(RunningIpGuard running) {
        Optional<IpGuardInspector> inspector = running.inspector();
        if (inspector.isEmpty()) {
            return new View(State.UNKNOWN, Map.of("jersey", "the Jersey application has not started"));
        }
        return of(inspector.get().status());
    }

    static View of(List<ListStatus> statuses) {
        Map<String, Object> details = new LinkedHashMap<>();
        State state = State.UP;
        for (ListStatus status : statuses) {
            details.put(status.source(), details(status));
            boolean neverLoaded = status.loadedAt().isEmpty() && status.lastError().isPresent();
            if (neverLoaded && !status.source().equals(FORWARDING)) {
                state = State.DOWN;
            }
        }
        return new View(state, details);
    }

    private static Map<String, Object> details(ListStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (status.source().equals(FORWARDING)) {
            details.put("warnings", status.version());
            status.lastError().ifPresent(error -> details.put("lastWarning", error));
            put(details, "lastWarningAt", status.lastErrorAt());
            return details;
        }
        details.put("entries", status.entries());
        details.put("version", status.version());
        details.put("loadedAt", status.loadedAt().map(Instant::toString).orElse("never"));
        put(details, "checkedAt", status.checkedAt());
        put(details, "attemptedAt", status.attemptedAt());
        status.lastError().ifPresent(error -> details.put("lastError", error));
        put(details, "lastErrorAt", status.lastErrorAt());
        return details;
    }

    private static void put(Map<String, Object> details, String name, Optional<Instant> at) {
        at.ifPresent(instant -> details.put(name, instant.toString()));
    }
}
