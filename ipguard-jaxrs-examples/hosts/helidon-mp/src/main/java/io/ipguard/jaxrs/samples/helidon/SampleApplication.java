package io.ipguard.jaxrs.samples.helidon;

import io.ipguard.jaxrs.IpGuardFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The application, as on any host: its resources and the feature. The groups are in
 * {@code META-INF/microprofile-config.properties}, where Helidon MP users keep settings.
 */
@ApplicationScoped
@ApplicationPath("/")
public class SampleApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SampleResources.Open.class, SampleResources.Admin.class, SampleResources.Internal.class,
                IpGuardFeature.class);
    }
}
