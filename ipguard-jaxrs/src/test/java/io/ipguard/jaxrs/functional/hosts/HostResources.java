package io.ipguard.jaxrs.functional.hosts;

import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.WhitelistProvider;
import io.ipguard.jaxrs.Whitelisted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * The small application every host test deploys: an open {@code GET /open}, {@code GET /admin}
 * under group "admin", {@code GET /internal} under the default group.
 */
public final class HostResources {

    private HostResources() {
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

    /** A CDI application's own lists: group "admin" is 127.0.0.5 alone, and so is "default". */
    @ApplicationScoped
    public static class CdiLists implements WhitelistProvider {
        private final IpSet only = IpSet.parse("127.0.0.5", "CdiLists");

        @Override
        public IpSet group(String name) {
            return name.equals("admin") || name.equals("default") ? only : null;
        }
    }
}
