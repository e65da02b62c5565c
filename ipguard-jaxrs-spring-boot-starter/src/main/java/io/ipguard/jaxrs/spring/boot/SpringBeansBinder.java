package io.ipguard.jaxrs.spring.boot;

import io.ipguard.jaxrs.ClientIpResolver;
import io.ipguard.jaxrs.DecisionListener;
import io.ipguard.jaxrs.WhitelistProvider;
import java.util.List;
import org.glassfish.hk2.utilities.binding.AbstractBinder;

/**
 * Binds the application's Spring beans that replace or extend a part of the guard, at HK2's default
 * rank, above the library's defaults, and the {@link RunningIpGuard} the inspector is handed to.
 */
final class SpringBeansBinder extends AbstractBinder {

    private final WhitelistProvider lists;
    private final ClientIpResolver resolver;
    private final List<DecisionListener> listeners;
    private final RunningIpGuard running;

    /** {@code lists} and {@code resolver} are the application's beans, or null where it has none. */
    SpringBeansBinder(WhitelistProvider lists, ClientIpResolver resolver, List<DecisionListener> listeners,
                      RunningIpGuard running) {
        this.lists = lists;
        this.resolver = resolver;
        this.listeners = List.copyOf(listeners);
        this.running = running;
    }

    @Override
    protected void configure() {
        if (lists != null) {
            bind(lists).to(WhitelistProvider.class);
        }
        if (resolver != null) {
            bind(resolver).to(ClientIpResolver.class);
        }
        listeners.forEach(listener -> bind(listener).to(DecisionListener.class));
        bind(running).to(RunningIpGuard.class);
    }
}
