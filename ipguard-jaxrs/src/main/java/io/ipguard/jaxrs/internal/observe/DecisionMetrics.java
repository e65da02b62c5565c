package io.ipguard.jaxrs.internal.observe;

import io.ipguard.jaxrs.Decision;

/** Counts decisions where operators look; {@link #NONE} when no metrics are wanted. Implementations are thread-safe. */
public interface DecisionMetrics {

    /** No metrics: nothing counted, nothing loaded. */
    DecisionMetrics NONE = (outcome, reason, group) -> {
    };

    /** Counts one decision; must not allocate once a group's counters exist. */
    void decided(Decision.Outcome outcome, Decision.Reason reason, String group);

    /** Takes out what reads this application's state, when it stops. */
    default void close() {
    }
}
