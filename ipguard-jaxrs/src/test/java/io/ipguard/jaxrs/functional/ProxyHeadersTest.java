package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Forwarding headers on a real server: 127.0.0.9 plays the trusted proxy by sending from that
 * address; every other source is a client that may write any header it likes.
 */
class ProxyHeadersTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new ResourceConfig(Resources.Reports.class, Resources.Open.class)
                .register(IpGuardFeature.builder()
                        .trustedProxies("127.0.0.9, ::1")
                        .clientIpHeader("X-Forwarded-For")
                        .group("default", "203.0.113.0/24, 127.0.0.2")
                        .group("admin", "2001:db8::1")
                        .build()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "from {0} with \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
        // From the trusted proxy, the header names the client.
        "127.0.0.9 | X-Forwarded-For: 203.0.113.9                  | 200",
        "127.0.0.9 | X-Forwarded-For: 198.51.100.1                 | 403",
        "127.0.0.9 | X-Forwarded-For: 198.51.100.1, 203.0.113.9    | 200",
        "127.0.0.9 | X-Forwarded-For: 203.0.113.9, 198.51.100.1    | 403",
        "127.0.0.9 | X-Forwarded-For: 203.0.113.9, 127.0.0.9       | 200",
        "127.0.0.9 | X-Forwarded-For: unknown                      | 403",
        "127.0.0.9 | X-Forwarded-For: 203.0.113.9, garbage         | 403",
        "127.0.0.9 | X-Forwarded-For: 127.0.0.9                    | 403",
        "::1       | X-Forwarded-For: 203.0.113.9:4711             | 200",
        "::1       | X-Forwarded-For: [203.0.113.9]:4711           | 403",
        // From anyone else, every header is ignored: the client is the peer.
        "127.0.0.5 | X-Forwarded-For: 203.0.113.9                  | 403",
        "127.0.0.5 | X-Forwarded-For: 127.0.0.2                    | 403",
        "127.0.0.5 | X-Real-IP: 203.0.113.9                        | 403",
        "127.0.0.5 | Forwarded: for=203.0.113.9                    | 403",
        "127.0.0.2 | X-Forwarded-For: 198.51.100.1                 | 200",
    })
    void whenHeaderArrives_thenItCountsOnlyFromTrustedProxy(String source, String headerLine, int status)
            throws Exception {
        assertEquals(status, server.get(source, "/reports", headerLine).status());
    }

    @Test
    void whenUntrustedPeerSendsEveryHeaderAtOnce_thenAllAreIgnored() throws Exception {
        String[] everything = {"X-Forwarded-For: 203.0.113.9", "Forwarded: for=203.0.113.9", "X-Real-IP: 203.0.113.9",
            "CF-Connecting-IP: 203.0.113.9", "True-Client-IP: 203.0.113.9", "X-Client-IP: 203.0.113.9"};

        assertEquals(403, server.get("127.0.0.5", "/reports", everything).status());
        assertEquals("open 127.0.0.5", server.get("127.0.0.5", "/open", everything).body());
    }

    @Test
    void whenProxySendsSeveralFieldLines_thenTheyAreOneListInOrder() throws Exception {
        assertEquals(200, server.get("127.0.0.9", "/reports",
                "X-Forwarded-For: 198.51.100.1", "X-Forwarded-For: 203.0.113.9, 127.0.0.9").status());
        assertEquals(403, server.get("127.0.0.9", "/reports",
                "X-Forwarded-For: 203.0.113.9", "X-Forwarded-For: 198.51.100.1").status());
    }

    @Test
    void whenResourceAsksForClient_thenItGetsTheResolvedOne() throws Exception {
        assertEquals("open 203.0.113.9", server.get("127.0.0.9", "/open", "X-Forwarded-For: 203.0.113.9").body());
        assertEquals("open 2001:db8::1", server.get("::1", "/open",
                "X-Forwarded-For: 2001:db8:0:0::1").body());
        assertEquals("open 127.0.0.5", server.get("127.0.0.5", "/open", "X-Forwarded-For: 203.0.113.9").body());
        assertEquals("open unknown", server.get("127.0.0.9", "/open", "X-Forwarded-For: nonsense").body());
    }
}
