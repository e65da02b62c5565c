package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Sample: an internal API behind nginx. Every resource is guarded (the annotation is on the
 * application), the client is taken from the X-Forwarded-For header that nginx appends to, and the
 * header is believed only when the connection comes from nginx itself.
 */
@Whitelisted(group = "internal")
public class InternalApiApplication extends ResourceConfig {

    /** An internal resource. */
    @Path("/inventory")
    public static class Inventory {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String list(@Context ClientAddress client) {
            return "inventory for " + client + "\n";
        }
    }

    /**
     * Creates the application.
     *
     * @param nginx the address nginx connects from
     * @param internalNetworks the networks allowed in, such as {@code 10.0.0.0/8}
     */
    public InternalApiApplication(String nginx, String internalNetworks) {
        register(Inventory.class);
        register(IpGuardFeature.builder()
                .trustedProxies(nginx)
                .clientIpHeader("X-Forwarded-For")
                .group("internal", internalNetworks)
                .build());
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }
}
