package io.ipguard.jaxrs.dropwizard;

import com.codahale.metrics.health.HealthCheck;
import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.ListStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The health check {@code ipguard}: every source of the running guard's lists (the configuration,
 * each URL and list file) with its entries in force, its last load, last successful check, last
 * attempt and last error. It is unhealthy only while a list the guard needs has never loaded, which
 * the guard counts against every client; a list that failed after loading once keeps its last good
 * entries, and stays healthy with its error shown. Before Jersey has started the guard it is unhealthy.
 */
final class IpGuardHealthCheck extends HealthCheck {

    /** The status entry of forwarding warnings ({@link IpGuardInspector#status()}): not a list. */
    static final String FORWARDING = "forwarding headers from peers that are not trusted proxies";

    private final Supplier<IpGuardInspector> guard;

    IpGuardHealthCheck(Supplier<IpGuardInspector> guard) {
        this.guard = guard;
    }

    @Override
    protected Result check() {
        IpGuardInspector inspector = guard.get();
        if (inspector == null) {
            return Result.unhealthy("the guard is not running: the Jersey application has not started");
        }
        List<Map<String, Object>> sources = new ArrayList<>();
        List<String> neverLoaded = new ArrayList<>();
        int lists = 0;
        String forwarding = "";
        for (ListStatus status : inspector.status()) {
            sources.add(details(status));
            if (status.source().equals(FORWARDING)) {
                forwarding = "; " + FORWARDING + ": " + status.lastError().orElse("");
                continue;
            }
            lists++;
            if (status.loadedAt().isEmpty() && status.lastError().isPresent()) {
                neverLoaded.add(status.source() + ": " + status.lastError().get());
            }
        }
        ResultBuilder result = neverLoaded.isEmpty()
                ? Result.builder().healthy().withMessage(lists + (lists == 1 ? " list source" : " list sources")
                        + ", all loaded" + forwarding)
                : Result.builder().unhealthy().withMessage("never loaded, so counted against every client: "
                        + String.join("; ", neverLoaded) + forwarding);
        return result.withDetail("sources", sources).build();
    }

    private static Map<String, Object> details(ListStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", status.source());
        details.put("entries", status.entries());
        details.put("version", status.version());
        details.put("loadedAt", text(status.loadedAt()));
        details.put("checkedAt", text(status.checkedAt()));
        details.put("attemptedAt", text(status.attemptedAt()));
        details.put("lastError", status.lastError().orElse(null));
        details.put("lastErrorAt", text(status.lastErrorAt()));
        return details;
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
