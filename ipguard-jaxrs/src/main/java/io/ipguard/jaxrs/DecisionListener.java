package io.ipguard.jaxrs;

/**
 * Observes every decision of the guard, for example to count them in Micrometer. Bind one or more
 * through HK2:
 * <pre>{@code
 * register(new AbstractBinder() {
 *     protected void configure() {
 *         bind(new MyMetrics(registry)).to(DecisionListener.class);
 *     }
 * });
 * }</pre>
 * Listeners run on the request thread, so they must be fast and thread-safe. An exception from a
 * listener is logged and changes nothing: the decision stands.
 */
@FunctionalInterface
public interface DecisionListener {

    /**
     * Called once for each request to a guarded resource, after the decision.
     *
     * @param decision what the guard decided
     */
    void onDecision(Decision decision);
}
