package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.DecisionListener;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.Whitelisted;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A sample application that feeds every guard decision to a metrics hook and shows the health of
 * its lists to administrators.
 */
public class MeteredApplication extends ResourceConfig {

    /** Decision counts and list health, for the admin group only. */
    @Path("/ops")
    @Whitelisted(group = "admin")
    public static class Ops {
        @Inject
        DecisionCounter counter;

        @Inject
        IpGuardInspector inspector;

        @GET
        @Path("/decisions")
        @Produces(MediaType.TEXT_PLAIN)
        public String decisions() {
            return counter.snapshot().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n", "", "\n"));
        }

        @GET
        @Path("/lists")
        @Produces(MediaType.TEXT_PLAIN)
        public String lists() {
            return inspector.status().stream().map(ListStatus::toString).collect(Collectors.joining("\n", "", "\n"));
        }
    }

    /**
     * Creates the application.
     *
     * @param guard the configured guard
     */
    public MeteredApplication(IpGuardFeature guard) {
        DecisionCounter counter = new DecisionCounter();
        register(ExampleResources.Internal.class);
        register(Ops.class);
        register(guard);
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(counter).to(DecisionListener.class).to(DecisionCounter.class);
            }
        });
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }
}
