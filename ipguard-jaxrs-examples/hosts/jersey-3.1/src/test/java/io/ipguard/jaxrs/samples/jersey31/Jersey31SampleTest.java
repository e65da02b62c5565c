package io.ipguard.jaxrs.samples.jersey31;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.Whitelisted;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.glassfish.jersey.internal.util.PropertiesHelper;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** The guard on plain Jersey 3.1.12 and Grizzly, the application's own versions, the library compiled for 4.0. */
class Jersey31SampleTest {

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

    @Test
    void whenTheApplicationRunsJersey31_thenTheGuardGuards() throws Exception {
        ResourceConfig app = new ResourceConfig(Open.class, Admin.class, Internal.class).register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.1, ::1").property("ipguard.group.default", "127.0.0.1, 127.0.0.2");
        try (TestServer server = TestServer.start(app)) {
            RawHttp.Response admin = server.get("127.0.0.1", "/admin");

            assertEquals(200, admin.status(), admin.raw());
            assertEquals(200, server.get("127.0.0.5", "/open").status());
            assertEquals(403, server.get("127.0.0.5", "/admin").status());
            assertEquals(200, server.get("::1", "/admin").status());
            assertEquals(200, server.get("127.0.0.2", "/internal").status());
            assertEquals(403, server.get("127.0.0.5", "/internal").status());
        }
        // The Jersey that ran is the application's 3.1, not one the library brought.
        String version = ResourceConfig.class.getPackage().getImplementationVersion();
        assertTrue(version == null || version.startsWith("3.1."), version);
        assertTrue(PropertiesHelper.class.getProtectionDomain().getCodeSource().getLocation().toString()
                .contains("jersey-common-3.1.12"));
    }
}
