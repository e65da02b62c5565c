package io.ipguard.jaxrs.examples.gettingstarted;

import io.ipguard.jaxrs.IpGuardFeature;
import org.glassfish.jersey.server.ResourceConfig;

public class HelloApplication extends ResourceConfig {
    public HelloApplication() {
        register(HelloResource.class);
        register(IpGuardFeature.class);
        property("ipguard.group.default", "127.0.0.1, ::1");
    }
}
