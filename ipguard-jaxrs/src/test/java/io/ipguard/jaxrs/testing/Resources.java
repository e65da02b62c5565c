package io.ipguard.jaxrs.testing;

import io.ipguard.jaxrs.AnyClient;
import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.Whitelisted;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Shared resource fixtures for the functional tests. */
public final class Resources {

    private Resources() {
    }

    /** Open: no annotation. Also reports the resolved client. */
    @Path("/open")
    public static class Open {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get(@Context ClientAddress client) {
            return "open " + client;
        }
    }

    /** Guarded by the default group on the class, with one exempt method and one admin method. */
    @Path("/reports")
    @Whitelisted
    public static class Reports {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get(@Context ClientAddress client) {
            return "reports for " + client;
        }

        @GET
        @Path("/health")
        @AnyClient
        @Produces(MediaType.TEXT_PLAIN)
        public String health() {
            return "ok";
        }

        @GET
        @Path("/secret")
        @Whitelisted(group = "admin")
        @Produces(MediaType.TEXT_PLAIN)
        public String secret() {
            return "secret";
        }
    }

    /** Guarded by the admin group on the class. */
    @Path("/admin")
    @Whitelisted(group = "admin")
    public static class Admin {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get() {
            return "admin";
        }
    }

    /** Open class with one guarded method. */
    @Path("/mixed")
    public static class Mixed {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get() {
            return "mixed open";
        }

        @GET
        @Path("/guarded")
        @Whitelisted
        @Produces(MediaType.TEXT_PLAIN)
        public String guarded() {
            return "mixed guarded";
        }
    }

    /** A guard naming a group nobody configures. */
    @Path("/missing")
    public static class MissingGroup {
        @GET
        @Whitelisted(group = "nobody-configured-this")
        public String get() {
            return "never";
        }
    }
}
