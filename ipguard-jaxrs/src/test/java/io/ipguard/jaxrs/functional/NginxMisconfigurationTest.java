package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.testing.CapturedLog;
import io.ipguard.jaxrs.testing.Nginx;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trap a newcomer met: nginx on the same host, copied from a recipe that trusts 127.0.0.9 but
 * without {@code proxy_bind}, so nginx connects from 127.0.0.1. The guard takes nginx for the client;
 * with 127.0.0.1 in the group, everyone behind nginx gets in. That cannot be refused (the guard cannot
 * know nginx is a proxy), but it is said: a WARNING naming the peer, the header and the key, and the
 * inspector's status.
 */
class NginxMisconfigurationTest {

    /** Operators' view of the guard. */
    @Path("/status")
    public static class Status {
        @GET
        public String status(@Context IpGuardInspector inspector) {
            return inspector.status().stream().map(ListStatus::toString).reduce("", (a, b) -> a + b + "\n");
        }
    }

    @Test
    void whenNginxConnectsFromAnAddressNobodyTrusts_thenTheMistakeIsLoggedAndShownInTheStatus(
            @TempDir java.nio.file.Path dir) throws Exception {
        Nginx.executable();
        ResourceConfig app = new ResourceConfig(Resources.Reports.class, Status.class)
                .register(IpGuardFeature.class)
                .property("ipguard.trusted-proxies", "127.0.0.9")
                .property("ipguard.client-ip-header", "X-Forwarded-For")
                .property("ipguard.group.default", "127.0.0.1")
                .property("ipguard.group.admin", "127.0.0.1");
        try (CapturedLog log = CapturedLog.of(IpGuardFeature.class.getName()); TestServer backend = TestServer.start(app)) {
            int port = Nginx.freePort();
            try (Nginx nginx = Nginx.start(dir, String.join("\n",
                    "  server {",
                    "    listen 127.0.0.1:" + port + ";",
                    "    location / {",
                    "      proxy_pass http://127.0.0.1:" + backend.port() + ";",
                    "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                    "    }",
                    "  }"), port)) {
                // The guard looks at each of the first requests after start-up: one is enough to show the mistake.
                RawHttp.Response response = RawHttp.get("127.0.0.5", "127.0.0.1", port, "/reports");

                // The mistake itself: 127.0.0.5 is let in as 127.0.0.1, nginx's own address.
                assertEquals(200, response.status(), response.raw());
                assertEquals(List.of("WARNING ipguard: a request from 127.0.0.1 carries X-Forwarded-For, but 127.0.0.1 "
                        + "is not in ipguard.trusted-proxies, so the header is ignored and the client is taken to be "
                        + "127.0.0.1; if 127.0.0.1 is your proxy, add it to ipguard.trusted-proxies (otherwise a client is "
                        + "sending the header itself)"), warnings(log));
                String status = RawHttp.get("127.0.0.1", "127.0.0.1", backend.port(), "/status").body();
                assertTrue(status.contains("forwarding headers from peers that are not trusted proxies: version 1"), status);
            }
        }
    }

    private static List<String> warnings(CapturedLog log) {
        return log.messages().stream().filter(m -> m.startsWith("WARNING ipguard: a request from")).toList();
    }
}
