package io.ipguard.jaxrs.functional.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.TestServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Jersey inside a CDI container, as on Payara, GlassFish and Helidon MP: Weld runs, and Jersey's
 * CDI layer (jersey-cdi1x) offers every provider class to CDI. The guard's own providers deploy
 * and guard as anywhere else, and an application's CDI bean replaces the default lists.
 */
class CdiHostTest {

    private static ResourceConfig application() {
        return new ResourceConfig(HostResources.Open.class, HostResources.Admin.class, HostResources.Internal.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.2")
                .property("ipguard.group.default", "127.0.0.2, 127.0.0.3");
    }

    private static WeldContainer weld(Class<?>... beans) {
        return new Weld().addBeanClasses(beans).initialize();
    }

    @Test
    void whenJerseyRunsInsideCdi_thenTheGuardDeploysAndGuards() throws Exception {
        try (WeldContainer cdi = weld(HostResources.Open.class, HostResources.Admin.class, HostResources.Internal.class);
             TestServer server = TestServer.start(application())) {
            assertEquals(200, server.get("127.0.0.5", "/open").status());
            assertEquals(200, server.get("127.0.0.2", "/admin").status());
            assertEquals(403, server.get("127.0.0.5", "/admin").status());
            assertEquals(200, server.get("127.0.0.3", "/internal").status());
            assertEquals(403, server.get("127.0.0.5", "/internal").status());
        }
    }

    @Test
    void whenTheApplicationHasACdiBeanForTheLists_thenItReplacesTheDefault() throws Exception {
        try (WeldContainer cdi = weld(HostResources.Open.class, HostResources.Admin.class, HostResources.CdiLists.class);
             TestServer server = TestServer.start(application())) {
            assertEquals(200, server.get("127.0.0.5", "/admin").status());
            assertEquals(403, server.get("127.0.0.2", "/admin").status());
        }
    }
}
