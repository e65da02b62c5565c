package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.CapturedLog;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.util.List;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.Test;

/** The JDK HTTP server container binds no request type that gives the peer: the guard refuses and says why. */
class UnsupportedContainerTest {

    @Test
    void whenContainerGivesNoPeer_thenGuardRefusesWithClearMessage() throws Exception {
        ResourceConfig app = new ResourceConfig(Resources.Admin.class)
                .register(IpGuardFeature.class)
                .property("ipguard.group.admin", "0.0.0.0/0, ::/0")
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
        try (CapturedLog log = CapturedLog.of(IpGuardFeature.class.getName())) {
            int status = RawHttp.get("127.0.0.2", "127.0.0.1", server.getAddress().getPort(), "/admin").status();

            assertEquals(403, status);
            assertEquals(List.of("WARNING refused GET /admin (Admin.get): guard error: java.lang.IllegalStateException: "
                    + "cannot find the TCP peer address: this container binds neither "
                    + "org.glassfish.grizzly.http.server.Request nor jakarta.servlet.http.HttpServletRequest; "
                    + "run on Grizzly or a Servlet container, or bind a ClientIpResolver of your own [peer unavailable]"),
                    log.messages());
        } finally {
            server.stop(0);
        }
    }
}
