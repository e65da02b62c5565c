package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.AnyClient;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Sample: admin endpoints open only to the office network, with a health check anyone may call.
 * The office is an IPv4 range and an IPv6 prefix, minus a guest Wi-Fi block.
 */
public class OfficeAdminApplication extends ResourceConfig {

    /** Administration: the whole class is for the office. */
    @Path("/admin")
    @Whitelisted(group = "office")
    public static class Admin {
        @GET
        @Path("/users")
        @Produces(MediaType.TEXT_PLAIN)
        public String users() {
            return "alice\nbob\n";
        }

        @POST
        @Path("/users/{name}/lock")
        public String lock(@PathParam("name") String name) {
            return "locked " + name;
        }

        @GET
        @Path("/health")
        @AnyClient
        public String health() {
            return "ok";
        }
    }

    /**
     * Creates the application.
     *
     * @param office the office's entries, such as {@code 192.0.2.0/24, 2001:db8:10::/48, !192.0.2.128/25}
     */
    public OfficeAdminApplication(String office) {
        register(Admin.class);
        register(IpGuardFeature.builder().group("office", office).build());
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }
}
