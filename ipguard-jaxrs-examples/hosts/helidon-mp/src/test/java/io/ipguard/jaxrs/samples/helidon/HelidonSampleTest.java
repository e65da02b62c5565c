package io.ipguard.jaxrs.samples.helidon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.microprofile.server.Server;
import io.ipguard.jaxrs.testing.RawHttp;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample on a real Helidon MP 4.2 server (Jersey 3.1 with Weld), configured through
 * MicroProfile Config, answering clients from 127.0.0.1 and ::1 (listed) and 127.0.0.5 (not
 * listed): Helidon's Jersey container gives the guard the peer as a request property.
 */
class HelidonSampleTest {

    private static Server server;

    @BeforeAll
    static void start() {
        server = Server.builder().port(0).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static RawHttp.Response get(String source, String path) throws IOException {
        return RawHttp.get(source, source.contains(":") ? "::1" : "127.0.0.1", server.port(), path);
    }

    @Test
    void whenAnyoneAsksTheOpenResource_thenItAnswers() throws Exception {
        assertEquals(200, get("127.0.0.1", "/open").status());
        assertEquals(200, get("127.0.0.5", "/open").status());
    }

    @Test
    void whenClientsAskTheGuardedResources_thenOnlyTheirGroupsAreServed() throws Exception {
        RawHttp.Response admin = get("127.0.0.1", "/admin");

        assertEquals(200, admin.status(), admin.raw());
        assertEquals("admin", admin.body());
        assertEquals(403, get("127.0.0.5", "/admin").status());
        assertEquals(403, get("127.0.0.2", "/admin").status());
        assertEquals(200, get("127.0.0.2", "/internal").status());
        assertEquals(403, get("127.0.0.5", "/internal").status());
    }

    @Test
    void whenTheClientComesOverIpv6_thenHelidonsPeerIsReadToo() throws Exception {
        assertEquals(200, get("::1", "/admin").status());
        assertEquals(200, get("::1", "/internal").status());
    }
}
