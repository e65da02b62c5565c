package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.Decision;
import io.ipguard.jaxrs.DecisionListener;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A sample metrics hook: counts decisions by outcome, group and reason, the tags a Micrometer
 * counter would carry ({@code registry.counter("ipguard.decisions", "outcome", ..., "group", ...,
 * "reason", ...).increment()} in place of the map below).
 */
public final class DecisionCounter implements DecisionListener {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void onDecision(Decision decision) {
        String key = decision.outcome() + " group=" + decision.group() + " reason=" + decision.reason();
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** @return the counts so far, sorted by key */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
