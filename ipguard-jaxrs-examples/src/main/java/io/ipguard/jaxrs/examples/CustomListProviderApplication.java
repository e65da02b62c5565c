package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.WhitelistProvider;
import jakarta.inject.Singleton;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** A sample application that replaces the default list provider with an HK2 binding. */
public class CustomListProviderApplication extends ResourceConfig {

    /** Creates the application. */
    public CustomListProviderApplication() {
        register(ExampleResources.Internal.class);
        register(ExampleResources.Admin.class);
        register(IpGuardFeature.class);
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(OfficeListProvider.class).to(WhitelistProvider.class).in(Singleton.class);
            }
        });
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }
}
