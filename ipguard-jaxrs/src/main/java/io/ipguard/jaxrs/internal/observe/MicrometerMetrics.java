package io.ipguard.jaxrs.internal.observe;

import io.ipguard.jaxrs.Decision;
import io.ipguard.jaxrs.internal.client.UntrustedForwarding;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import io.ipguard.jaxrs.internal.lists.SourceHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ToDoubleFunction;

/**
 * The guard's meters in a Micrometer registry (docs/metrics.md). Decisions are counted in counters
 * made once per group, outcome and reason, so a request only reads a map and an array; list health
 * and the proxy warnings are gauges and function counters that read the library's own state when
 * scraped. The only class that names Micrometer: it is loaded only when metrics are on.
 *
 * <p>One registry may outlive an application (a container reload) or serve two: the health meters
 * of the application started last replace those of the one before, and an application that stops
 * takes out its own, so a gauge never reads a stopped application's state.
 */
public final class MicrometerMetrics implements DecisionMetrics {

    static final String DECISIONS = "ipguard.decisions";

    private static final Decision.Outcome[] OUTCOMES = Decision.Outcome.values();
    private static final Decision.Reason[] REASONS = Decision.Reason.values();

    private final MeterRegistry registry;
    /** The proxy-warning meter this application put in the registry, to take out when it stops. */
    private final List<Meter> health = new ArrayList<>();
    /** The meters of each source in use, to take out when a reload drops it or the application stops. */
    private final Map<SourceHealth, List<Meter>> sources = new java.util.HashMap<>();
    private boolean closed;
    /** Per group, a counter per outcome and reason, registered when first needed: only what happens shows. */
    private final Map<String, AtomicReferenceArray<Counter>> decisions = new ConcurrentHashMap<>();

    /** Metrics in {@code registry}, a {@link MeterRegistry} passed untyped so that callers need not name Micrometer. */
    public static DecisionMetrics create(Object registry, ConfigLoader loader, UntrustedForwarding untrusted) {
        return new MicrometerMetrics((MeterRegistry) registry, loader, untrusted);
    }

    private MicrometerMetrics(MeterRegistry registry, ConfigLoader loader, UntrustedForwarding untrusted) {
        this.registry = registry;
        if (untrusted != null) {
            untrusted.count();
            counter("ipguard.forwarding.untrusted", Tags.empty(), untrusted, UntrustedForwarding::requests,
                    "Requests carrying a forwarding header from a peer that is not a trusted proxy", health);
        }
        loader.watchSources(this::sourcesAre);
    }

    /**
     * Puts in the meters of sources that are new, and takes out those of sources a reload dropped
     * or replaced, so that every gauge reads a source in use.
     */
    private synchronized void sourcesAre(List<SourceHealth> now) {
        if (closed) {
            return;
        }
        for (Map.Entry<SourceHealth, List<Meter>> gone : Map.copyOf(sources).entrySet()) {
            if (!now.contains(gone.getKey())) {
                removeOwn(gone.getValue());
                sources.remove(gone.getKey());
            }
        }
        for (SourceHealth source : now) {
            if (!sources.containsKey(source)) {
                sources.put(source, register(source));
            }
        }
    }

    private List<Meter> register(SourceHealth source) {
        List<Meter> meters = new ArrayList<>();
        Tags tags = Tags.of("source", source.tag());
        gauge("ipguard.list.entries", tags, source, SourceHealth::entries, null,
                "Entries in the lists in force from this source", meters);
        gauge("ipguard.list.last.load.timestamp", tags, source, SourceHealth::loadedAtSeconds, "seconds",
                "When the lists in force from this source last changed", meters);
        gauge("ipguard.list.age", tags, source, SourceHealth::ageSeconds, "seconds",
                "Seconds since this source was last found current: loaded, or checked and unchanged", meters);
        gauge("ipguard.list.failures", tags, source, SourceHealth::failuresSinceSuccess, null,
                "Failed loads of this source since its last success", meters);
        if (source.tag().startsWith("url:")) {
            for (SourceHealth.Fetch fetch : SourceHealth.Fetch.values()) {
                Tags outcome = tags.and("outcome", switch (fetch) {
                    case OK -> "200";
                    case NOT_MODIFIED -> "304";
                    case INVALID -> "invalid";
                    case ERROR -> "error";
                });
                counter("ipguard.list.fetches", outcome, source, s -> s.fetches(fetch),
                        "Fetches of this URL list by outcome", meters);
            }
        }
        return meters;
    }

    private <T> void gauge(String name, Tags tags, T state, ToDoubleFunction<T> value, String unit, String description,
                           List<Meter> into) {
        removeOthers(name, tags);
        into.add(Gauge.builder(name, state, value).tags(tags).baseUnit(unit).description(description)
                .strongReference(true).register(registry));
    }

    private <T> void counter(String name, Tags tags, T state, ToDoubleFunction<T> value, String description,
                             List<Meter> into) {
        removeOthers(name, tags);
        into.add(FunctionCounter.builder(name, state, value).tags(tags).description(description).register(registry));
    }

    /** Takes out a health meter of this name and tags that an application before this one left. */
    private void removeOthers(String name, Tags tags) {
        for (Meter meter : registry.find(name).tags(tags).meters()) {
            if (Tags.of(meter.getId().getTags()).equals(tags)) {
                registry.remove(meter);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        removeOwn(health);
        sources.values().forEach(this::removeOwn);
        sources.clear();
    }

    /** Takes out these meters, where they are still ours: an application started since may have put its own under the same ids. */
    private void removeOwn(List<Meter> meters) {
        for (Meter meter : meters) {
            // Meters are equal by id, so compare identity.
            if (registry.find(meter.getId().getName()).tags(meter.getId().getTags()).meters().stream()
                    .anyMatch(registered -> registered == meter)) {
                registry.remove(meter);
            }
        }
        meters.clear();
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
