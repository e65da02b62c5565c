package io.ipguard.jaxrs.samples.helidon;

import io.ipguard.jaxrs.Whitelisted;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An open resource, one guarded by group "admin", one by the default group; CDI beans, as Helidon MP has them. */
public final class SampleResources {

    private SampleResources() {
    }

    @RequestScoped
    @Path("/open")
    public static class Open {
        @GET
        public String get() {
            return "open";
        }
    }

    @RequestScoped
    @Path("/admin")
    @Whitelisted(group = "admin")
    public static class Admin {
        @GET
        public String get() {
            return "admin";
        }
    }

    @RequestScoped
    @Path("/internal")
    @Whitelisted
    public static class Internal {
        @GET
        public String get() {
            return "internal";
        }
    }
}
