package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpGuardInspector;
import io.ipguard.jaxrs.ListStatus;
import io.ipguard.jaxrs.testing.Nginx;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trusted proxies from a provider's published list, end to end: a real nginx in front (connecting
 * from 127.0.0.9), and its address published in Cloudflare's JSON format by a local server. Until
 * the list arrives nobody is trusted and the guard refuses; once it lists the proxy, the client
 * behind it decides; a list that would trust everyone is not applied; a list without the proxy
 * stops trusting it.
 */
class NginxProvidedProxiesTest {

    @TempDir
    java.nio.file.Path dir;

    private volatile int status = 503;
    private volatile String published = "";

    /** Reloads at once and answers the URL list's status. */
    @Path("/reload")
    public static class Reload {
        @Inject
        IpGuardInspector inspector;

        @GET
        public String reload() {
            ListStatus url = inspector.reload().get(1);
            return url.lastError().orElse("version " + url.version());
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = published.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void publish(String... ipv4) {
        published = "{\"result\":{\"ipv4_cidrs\":[\"" + String.join("\",\"", ipv4) + "\"],\"ipv6_cidrs\":[\"2400:cb00::/32\"]},"
                + "\"success\":true,\"errors\":[],\"messages\":[]}";
        status = 200;
    }

    @Test
    void whenTheProxyIsTrustedFromAPublishedList_thenItsClientsDecideOnlyOnceTheListHoldsIt() throws Exception {
        Nginx.executable();
        HttpServer lists = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lists.createContext("/ips", this::answer);
        lists.start();
        String url = "http://127.0.0.1:" + lists.getAddress().getPort() + "/ips";
        ResourceConfig app = new ResourceConfig(Resources.Reports.class, Reload.class).register(IpGuardFeature.class)
                .property("ipguard.url.edge", url)
                .property("ipguard.url-select.edge", "result.ipv4_cidrs, result.ipv6_cidrs")
                .property("ipguard.trusted-proxies", "@edge")
                .property("ipguard.client-ip-header", "X-Forwarded-For")
                .property("ipguard.group.default", "127.0.0.2").property("ipguard.group.admin", "127.0.0.3");
        int port = Nginx.freePort();
        try (TestServer backend = TestServer.start(app);
             Nginx nginx = Nginx.start(dir, String.join("\n",
                     "  server {",
                     "    listen 127.0.0.1:" + port + ";",
                     "    location / {",
                     "      proxy_pass http://127.0.0.1:" + backend.port() + ";",
                     "      proxy_bind 127.0.0.9;",
                     "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                     "    }",
                     "  }"), port)) {
            // The list server is down: nobody is trusted, the client is nginx itself, and is refused.
            assertEquals(url + ": answered HTTP 503", backend.get("127.0.0.1", "/reload").body());
            assertEquals(403, via(port, "127.0.0.2").status());
            assertEquals(403, via(port, "127.0.0.5", "X-Forwarded-For: 127.0.0.2").status());

            publish("173.245.48.0/20", "127.0.0.9/32");
            assertEquals("version 1", backend.get("127.0.0.1", "/reload").body());
            assertEquals(200, via(port, "127.0.0.2").status());
            assertEquals(403, via(port, "127.0.0.5").status());
            assertEquals(403, via(port, "127.0.0.5", "X-Forwarded-For: 127.0.0.2").status());

            publish("0.0.0.0/0");
            assertTrue(backend.get("127.0.0.1", "/reload").body().endsWith("not applied: it would make "
                    + "ipguard.trusted-proxies trust every IPv4 address (lists may add to what it writes as many public "
                    + "addresses as a /8 holds for IPv4, a /24 for IPv6), so clients there could choose their own address"));
            assertEquals(200, via(port, "127.0.0.2").status());
            assertEquals(403, via(port, "127.0.0.5", "X-Forwarded-For: 127.0.0.2").status());

            publish("173.245.48.0/20");
            // The refused list never counted as loaded: this is the second list in force.
            assertEquals("version 2", backend.get("127.0.0.1", "/reload").body());
            assertEquals(403, via(port, "127.0.0.2").status());
        } finally {
            lists.stop(0);
        }
    }

    private static RawHttp.Response via(int port, String source, String... headers) throws Exception {
        return RawHttp.get(source, "127.0.0.1", port, "/reports", headers);
    }
}
