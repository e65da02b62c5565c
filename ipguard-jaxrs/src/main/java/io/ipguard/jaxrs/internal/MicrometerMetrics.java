package io.ipguard.jaxrs.internal;

import io.ipguard.jaxrs.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The guard's meters in a Micrometer registry (docs/metrics.md). Decisions are counted in counters
 * made once per group, outcome and reason, so a request only reads a map and an array; list health
 * and the proxy warnings are gauges and function counters that read the library's own state when
 * scraped. The only class that names Micrometer: it is loaded only when metrics are on.
 */
final class MicrometerMetrics implements GuardMetrics {

    static final String DECISIONS = "ipguard.decisions";

    private static final Decision.Outcome[] OUTCOMES = Decision.Outcome.values();
    private static final Decision.Reason[] REASONS = Decision.Reason.values();

    private final MeterRegistry registry;
    /** Per group, a counter per outcome and reason, registered when first needed: only what happens shows. */
    private final Map<String, AtomicReferenceArray<Counter>> decisions = new ConcurrentHashMap<>();

    /** Metrics in {@code registry}, a {@link MeterRegistry} passed untyped so that callers need not name Micrometer. */
    static GuardMetrics create(Object registry, ConfigLoader loader, UntrustedForwarding untrusted) {
        return new MicrometerMetrics((MeterRegistry) registry, loader, untrusted);
    }

    private MicrometerMetrics(MeterRegistry registry, ConfigLoader loader, UntrustedForwarding untrusted) {
        this.registry = registry;
        for (SourceHealth source : loader.healths()) {
            String tag = source.tag();
            Gauge.builder("ipguard.list.entries", source, SourceHealth::entries)
                    .description("Entries in the lists in force from this source").tag("source", tag).register(registry);
            Gauge.builder("ipguard.list.last.load.timestamp", source, SourceHealth::loadedAtSeconds).baseUnit("seconds")
                    .description("When the lists in force were loaded from this source").tag("source", tag)
                    .register(registry);
            Gauge.builder("ipguard.list.age", source, SourceHealth::ageSeconds).baseUnit("seconds")
                    .description("How old the lists in force from this source are").tag("source", tag).register(registry);
            Gauge.builder("ipguard.list.failures", source, SourceHealth::failuresSinceSuccess)
                    .description("Failed loads of this source since its last success").tag("source", tag)
                    .register(registry);
            if (tag.startsWith("url:")) {
                for (SourceHealth.Fetch fetch : SourceHealth.Fetch.values()) {
                    FunctionCounter.builder("ipguard.list.fetches", source, s -> s.fetches(fetch))
                            .description("Fetches of this URL list by outcome").tag("source", tag)
                            .tag("outcome", fetch == SourceHealth.Fetch.OK ? "200"
                                    : fetch == SourceHealth.Fetch.NOT_MODIFIED ? "304" : "error")
                            .register(registry);
                }
            }
        }
        if (untrusted != null) {
            FunctionCounter.builder("ipguard.forwarding.untrusted", untrusted, UntrustedForwarding::warnings)
                    .description("Warnings about forwarding headers from peers that are not trusted proxies")
                    .register(registry);
        }
    }

    @Override
    public void decided(Decision.Outcome outcome, Decision.Reason reason, String group) {
        AtomicReferenceArray<Counter> counters = decisions.get(group);
        if (counters == null) {
            counters = decisions.computeIfAbsent(group, g -> new AtomicReferenceArray<>(OUTCOMES.length * REASONS.length));
        }
        int slot = outcome.ordinal() * REASONS.length + reason.ordinal();
        Counter counter = counters.get(slot);
        if (counter == null) {
            // The registry hands out the same counter for the same name and tags, so a race here is harmless.
            counter = Counter.builder(DECISIONS)
                    .description("Requests to guarded resources, by what the guard decided and why")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .tag("group", group)
                    .register(registry);
            counters.set(slot, counter);
        }
        counter.increment();
    }
}
