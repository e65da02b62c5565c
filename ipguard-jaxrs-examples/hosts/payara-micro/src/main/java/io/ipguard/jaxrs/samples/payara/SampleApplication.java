package io.ipguard.jaxrs.samples.payara;

import io.ipguard.jaxrs.IpGuardFeature;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The application, as on any host: its resources and the feature. The groups are in
 * {@code META-INF/microprofile-config.properties}, where Payara users keep settings.
 */
@ApplicationPath("/")
public class SampleApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SampleResources.Open.class, SampleResources.Admin.class, SampleResources.Internal.class,
                IpGuardFeature.class);
    }
}
