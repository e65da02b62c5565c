package io.ipguard.jaxrs.samples.boot;

import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.stereotype.Component;

/** Jersey the usual Boot way, a ResourceConfig bean: the starter registers the guard on it. */
@Component
public class JerseyConfig extends ResourceConfig {

    public JerseyConfig() {
        register(SampleResources.Open.class);
        register(SampleResources.Admin.class);
        register(SampleResources.Internal.class);
    }
}
