package io.ipguard.jaxrs.examples;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpGuardStatusResource;
import io.ipguard.jaxrs.Whitelisted;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** The example server's resources. */
public final class ExampleResources {

    private ExampleResources() {
    }

    /** Open to everyone. */
    @Path("/public")
    public static class Public {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get() {
            return "public\n";
        }
    }

    /** Guarded by the group "default". */
    @Path("/internal")
    @Whitelisted
    public static class Internal {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get() {
            return "internal\n";
        }
    }

    /** Guarded by the group "admin". */
    @Path("/admin")
    @Whitelisted(group = "admin")
    public static class Admin {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get() {
            return "admin\n";
        }
    }

    /** Open; answers the client address the guard resolves for this request. */
    @Path("/whoami")
    public static class WhoAmI {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get(@Context ClientAddress client) {
            return client + "\n";
        }
    }

    /**
     * Guarded by the group "admin": what the guard has in force, as JSON, and at {@code explain} what it
     * would decide; the check command's {@code --server} asks it.
     */
    @Path("/ipguard/status")
    @Whitelisted(group = "admin")
    public static class Status extends IpGuardStatusResource {
    }

    /** Guarded by the group "admin": the guard protects its own metrics, in Prometheus text format. */
    @Path("/metrics")
    @Whitelisted(group = "admin")
    public static class Metrics {
        private final PrometheusMeterRegistry registry;

        @jakarta.inject.Inject
        public Metrics(PrometheusMeterRegistry registry) {
            this.registry = registry;
        }

        @GET
        @Produces("text/plain; version=0.0.4; charset=utf-8")
        public String scrape() {
            return registry.scrape();
        }
    }
}
