package io.ipguard.jaxrs.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.ipguard.jaxrs.testing.Nginx;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.TestServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples for the common uses, each on a real server. */
class SamplesTest {

    @Test
    void whenAdminEndpointsAreForTheOffice_thenOnlyTheOfficeGetsInButAnyoneSeesHealth() throws Exception {
        try (TestServer server = TestServer.start(new OfficeAdminApplication("127.0.0.0/29, ::1, !127.0.0.4"))) {
            assertEquals("alice\nbob\n", server.get("127.0.0.2", "/admin/users").body());
            assertEquals(200, server.get("::1", "/admin/users").status());
            assertEquals(403, server.get("127.0.0.4", "/admin/users").status());
            assertEquals(403, server.get("127.0.0.9", "/admin/users").status());
            assertEquals("ok", server.get("127.0.0.9", "/admin/health").body());
        }
    }

    @Test
    void whenWebhookProviderPublishesItsRanges_thenOnlyThoseRangesMayCall() throws Exception {
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/webhook-ips.txt", exchange -> {
            byte[] body = "# the provider's senders\n127.0.0.6\n127.0.0.7\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/webhook-ips.txt";
        try (TestServer server = TestServer.start(new WebhookReceiverApplication(url))) {
            assertEquals("accepted 13 bytes from 127.0.0.6", post(server, "127.0.0.6", "{\"paid\":true}").body());
            assertEquals(403, post(server, "127.0.0.5", "{\"paid\":true}").status());
        } finally {
            provider.stop(0);
        }
    }

    private static RawHttp.Response post(TestServer server, String source, String json) throws Exception {
        return RawHttp.request("POST", source, "127.0.0.1", server.port(), "/webhooks/payments", json,
                "Content-Type: application/json");
    }

    @Test
    void whenInternalApiSitsBehindNginx_thenTheClientBehindNginxDecides(@TempDir Path dir) throws Exception {
        Nginx.executable();
        try (TestServer api = TestServer.start(new InternalApiApplication("127.0.0.9", "127.0.0.2, 127.0.0.3"))) {
            int port = Nginx.freePort();
            try (Nginx nginx = Nginx.start(dir, String.join("\n",
                    "  server {",
                    "    listen 127.0.0.1:" + port + ";",
                    "    location / {",
                    "      proxy_pass http://127.0.0.1:" + api.port() + ";",
                    "      proxy_bind 127.0.0.9;",
                    "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                    "    }",
                    "  }"), port)) {
                assertEquals("inventory for 127.0.0.2\n", RawHttp.get("127.0.0.2", "127.0.0.1", port, "/inventory").body());
                assertEquals(403, RawHttp.get("127.0.0.5", "127.0.0.1", port, "/inventory",
                        "X-Forwarded-For: 127.0.0.2").status());
                assertEquals(403, api.get("127.0.0.5", "/inventory", "X-Forwarded-For: 127.0.0.2").status());
            }
        }
    }
}
