package io.ipguard.jaxrs.internal.observe;

import io.ipguard.jaxrs.internal.client.UntrustedForwarding;
import io.ipguard.jaxrs.internal.config.ConfigLoader;
import jakarta.inject.Inject;
import org.glassfish.hk2.api.Factory;
import org.glassfish.hk2.api.ServiceLocator;

/**
 * Chooses the guard's metrics once: Micrometer when the feature was given a registry or the
 * application binds a {@code MeterRegistry} in HK2, none otherwise. Without Micrometer on the class
 * path no Micrometer class is loaded: the registry type is only looked up by name.
 */
public final class MetricsFactory implements Factory<DecisionMetrics> {

    static final String REGISTRY_TYPE = "io.micrometer.core.instrument.MeterRegistry";

    /** The registry handed to the feature's builder, or none. */
    public record GivenRegistry(Object registry) {
    }

    private final DecisionMetrics metrics;

    @Inject
    public MetricsFactory(ServiceLocator locator, GivenRegistry given, ConfigLoader loader, UntrustedForwarding untrusted) {
        Object registry = given.registry() != null ? given.registry() : bound(locator);
        this.metrics = registry == null ? DecisionMetrics.NONE : MicrometerMetrics.create(registry, loader, untrusted);
    }

    private static Object bound(ServiceLocator locator) {
        Class<?> type;
        try {
            type = Class.forName(REGISTRY_TYPE, false, MetricsFactory.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return locator.getService(type);
    }

    @Override
    public DecisionMetrics provide() {
        return metrics;
    }

    @Override
    public void dispose(DecisionMetrics instance) {
        // Decision counters stay in the application's registry; gauges reading this application go.
        instance.close();
    }
}
