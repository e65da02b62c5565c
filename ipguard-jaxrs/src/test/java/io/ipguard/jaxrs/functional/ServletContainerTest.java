package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import java.net.URI;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.servlet.GrizzlyWebContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;

/**
 * The same guard inside a Servlet container (Jersey's ServletContainer on Grizzly's servlet
 * layer), where the peer comes from {@code HttpServletRequest} rather than Grizzly's request.
 */
class ServletContainerTest {

    @Test
    void whenDeployedAsServlet_thenPeerComesFromServletRequest() throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Admin.class, Resources.Open.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", "127.0.0.2, ::1")
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        HttpServer server = GrizzlyWebContainerFactory.create(URI.create("http://0.0.0.0:0/"),
                new ServletContainer(app), Map.of(), Map.of());
        try {
            int port = server.getListeners().iterator().next().getPort();

            assertEquals(200, RawHttp.get("127.0.0.2", "127.0.0.1", port, "/admin").status());
            assertEquals(200, RawHttp.get("::1", "::1", port, "/admin").status());
            RawHttp.Response refused = RawHttp.get("127.0.0.5", "127.0.0.1", port, "/admin");
            assertEquals(403, refused.status());
            assertEquals("{\"title\":\"Forbidden\",\"status\":403}", refused.body());
            assertEquals("open 127.0.0.6", RawHttp.get("127.0.0.6", "127.0.0.1", port, "/open").body());
        } finally {
            server.shutdownNow();
        }
    }
}
