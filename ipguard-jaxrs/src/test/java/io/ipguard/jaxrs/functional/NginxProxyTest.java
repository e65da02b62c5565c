package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.Nginx;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import java.nio.file.Path;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real nginx in front of Grizzly, configured as docs/proxies.md shows. nginx connects to the
 * backends from 127.0.0.9 ({@code proxy_bind}), the only trusted proxy; clients connect to nginx
 * from several loopback addresses and ::1, and try to spoof their address with headers.
 */
class NginxProxyTest {

    private static final String GROUPS_DEFAULT = "127.0.0.2, ::1";

    @TempDir
    static Path dir;

    private static TestServer xffBackend;
    private static TestServer realIpBackend;
    private static Nginx nginx;
    private static int xffPort;
    private static int realIpPort;

    @BeforeAll
    static void start() throws Exception {
        Nginx.executable();
        xffBackend = TestServer.start(new ResourceConfig(Resources.Reports.class, Resources.Open.class)
                .register(IpGuardFeature.class)
                .property("ipguard.trusted-proxies", "127.0.0.9")
                .property("ipguard.client-ip-header", "X-Forwarded-For")
                .property("ipguard.group.default", GROUPS_DEFAULT)
                .property("ipguard.group.admin", "127.0.0.3"));
        realIpBackend = TestServer.start(new ResourceConfig(Resources.Reports.class, Resources.Open.class)
                .register(IpGuardFeature.class)
                .property("ipguard.trusted-proxies", "127.0.0.9")
                .property("ipguard.client-ip-header", "X-Real-IP")
                .property("ipguard.group.default", GROUPS_DEFAULT)
                .property("ipguard.group.admin", "127.0.0.3"));
        xffPort = Nginx.freePort();
        realIpPort = Nginx.freePort();
        nginx = Nginx.start(dir, String.join("\n",
                // The recommended recipe: append the TCP peer to whatever the client sent.
                "  server {",
                "    listen 127.0.0.1:" + xffPort + ";",
                "    listen [::1]:" + xffPort + ";",
                "    location / {",
                "      proxy_pass http://127.0.0.1:" + xffBackend.port() + ";",
                "      proxy_bind 127.0.0.9;",
                "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                "    }",
                "  }",
                // The Flask package's recipe: replace X-Real-IP with the TCP peer.
                "  server {",
                "    listen 127.0.0.1:" + realIpPort + ";",
                "    listen [::1]:" + realIpPort + ";",
                "    location / {",
                "      proxy_pass http://127.0.0.1:" + realIpBackend.port() + ";",
                "      proxy_bind 127.0.0.9;",
                "      proxy_set_header X-Real-IP $remote_addr;",
                "    }",
                "  }"), realIpPort);
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (xffBackend != null) {
            xffBackend.close();
        }
        if (realIpBackend != null) {
            realIpBackend.close();
        }
    }

    private static RawHttp.Response viaNginx(int port, String source, String path, String... headers) throws Exception {
        return RawHttp.get(source, source.contains(":") ? "::1" : "127.0.0.1", port, path, headers);
    }

    @ParameterizedTest(name = "X-Forwarded-For recipe: {1} from {0} sending \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.2 | /reports        | ''                                  | 200",
        "::1       | /reports        | ''                                  | 200",
        "127.0.0.5 | /reports        | ''                                  | 403",
        "127.0.0.3 | /reports/secret | ''                                  | 200",
        "127.0.0.2 | /reports/secret | ''                                  | 403",
        "127.0.0.5 | /reports/health | ''                                  | 200",
        // Spoofing: whatever the client writes stays to the left of what nginx appends.
        "127.0.0.5 | /reports        | X-Forwarded-For: 127.0.0.2          | 403",
        "127.0.0.5 | /reports        | X-Forwarded-For: 127.0.0.9          | 403",
        "127.0.0.5 | /reports        | X-Forwarded-For: 127.0.0.2, 127.0.0.9 | 403",
        "127.0.0.5 | /reports        | X-Real-IP: 127.0.0.2                | 403",
        "127.0.0.5 | /reports        | Forwarded: for=127.0.0.2            | 403",
        "127.0.0.2 | /reports        | X-Forwarded-For: 6.6.6.6            | 200",
        "127.0.0.2 | /reports        | X-Forwarded-For: garbage            | 200",
    })
    void whenProxiedWithForwardedFor_thenRealClientDecides(String source, String path, String header, int status)
            throws Exception {
        String[] headers = header.isEmpty() ? new String[0] : new String[] {header};

        RawHttp.Response response = viaNginx(xffPort, source, path, headers);

        assertEquals(status, response.status(), () -> response + "\n" + nginx.logs());
    }

    @ParameterizedTest(name = "X-Real-IP recipe: from {0} sending \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.2 | ''                               | 200",
        "::1       | ''                               | 200",
        "127.0.0.5 | ''                               | 403",
        "127.0.0.5 | X-Real-IP: 127.0.0.2             | 403",
        "127.0.0.5 | X-Forwarded-For: 127.0.0.2       | 403",
    })
    void whenProxiedWithRealIp_thenNginxOverwritesWhatTheClientSent(String source, String header, int status)
            throws Exception {
        String[] headers = header.isEmpty() ? new String[0] : new String[] {header};

        assertEquals(status, viaNginx(realIpPort, source, "/reports", headers).status());
    }

    @Test
    void whenResourceAsksForClient_thenItSeesTheClientBehindNginx() throws Exception {
        assertEquals("open 127.0.0.5", viaNginx(xffPort, "127.0.0.5", "/open", "X-Forwarded-For: 127.0.0.2").body());
        assertEquals("open ::1", viaNginx(xffPort, "::1", "/open").body());
        assertEquals("open 127.0.0.6", viaNginx(realIpPort, "127.0.0.6", "/open", "X-Real-IP: 127.0.0.2").body());
    }

    @Test
    void whenClientBypassesNginx_thenItsHeadersAreIgnored() throws Exception {
        assertEquals(403, xffBackend.get("127.0.0.5", "/reports", "X-Forwarded-For: 127.0.0.2").status());
        assertEquals(403, realIpBackend.get("127.0.0.5", "/reports", "X-Real-IP: 127.0.0.2").status());
        assertEquals(200, xffBackend.get("127.0.0.2", "/reports").status());
    }
}
