package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.IpGuardFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The example server's application: four resources and a configured guard. */
public class ExampleApplication extends ResourceConfig {

    /**
     * Creates the application.
     *
     * @param guard the guard, configured from a file or the embedded default
     */
    public ExampleApplication(IpGuardFeature guard) {
        register(ExampleResources.Public.class);
        register(ExampleResources.Internal.class);
        register(ExampleResources.Admin.class);
        register(ExampleResources.WhoAmI.class);
        register(guard);
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }
}
