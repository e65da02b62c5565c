package io.ipguard.jaxrs.samples.boot;

import io.ipguard.jaxrs.Whitelisted;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An open resource, one guarded by group "admin", one by the default group. */
public final class SampleResources {

    private SampleResources() {
    }

    @Path("/open")
    public static class Open {
        @GET
        public String get() {
            return "open";
        }
    }

    @Path("/admin")
    @Whitelisted(group = "admin")
    public static class Admin {
        @GET
        public String get() {
            return "admin";
        }
    }

    @Path("/internal")
    @Whitelisted
    public static class Internal {
        @GET
        public String get() {
            return "internal";
        }
    }
}
