package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.IpGuardFeature;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The example server's application: six resources and a configured guard. */
public class ExampleApplication extends ResourceConfig {

    /**
     * Creates the application.
     *
     * @param guard the guard, configured from a file or the embedded default
     * @param metrics the registry the guard counts in, served at {@code /metrics}
     */
    public ExampleApplication(IpGuardFeature guard, PrometheusMeterRegistry metrics) {
        register(ExampleResources.Public.class);
        register(ExampleResources.Internal.class);
        register(ExampleResources.Admin.class);
        register(ExampleResources.WhoAmI.class);
        register(ExampleResources.Status.class);
        // A resource class with the registry bound, not a registered instance, which Jersey would also
        // examine as a provider and warn about at every start.
        register(ExampleResources.Metrics.class);
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(metrics).to(PrometheusMeterRegistry.class);
            }
        });
        register(guard);
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }
}
