package io.ipguard.jaxrs.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.testing.RawHttp;
import io.ipguard.jaxrs.testing.Resources;
import io.ipguard.jaxrs.testing.TestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile forwarding headers against a real server, from an untrusted peer (127.0.0.5) and from the
 * trusted proxy (127.0.0.9). The group allows only 203.0.113.0/24, and no request here names a
 * client in it in a valid form: a guarded resource must never answer 2xx, never 5xx, and the server
 * must keep serving. Grizzly's header limits are raised so that huge headers reach the guard.
 */
class AbuseCorpusTest {

    private static TestServer forwardedFor;
    private static TestServer forwarded;

    @BeforeAll
    static void start() throws Exception {
        forwardedFor = TestServer.start(app("X-Forwarded-For"), true);
        forwarded = TestServer.start(app("Forwarded"), true);
    }

    private static ResourceConfig app(String header) {
        return new ResourceConfig(Resources.Reports.class)
                .register(IpGuardFeature.builder().trustedProxies("127.0.0.9").clientIpHeader(header)
                        .group("default", "203.0.113.0/24").group("admin", "203.0.113.1").build());
    }

    @AfterAll
    static void stop() {
        forwardedFor.close();
        forwarded.close();
    }

    /** Spellings of 203.0.113.9 that are not strict literals, and other garbage. */
    @ParameterizedTest(name = "X-Forwarded-For: {0}")
    @ValueSource(strings = {
        "203.0.113.09", "203.0.113.011", "0313.0.113.9", "203.0.29449", "3405803785", "0xcb.0.113.9",
        "203.0.113.9.", "203.0.113.9.0", "\uff12\uff10\uff13.0.113.9", "203.0.113.\u0669", "203.0.113.9%eth0",
        "::ffff:203.0.113.09", "::ffff:203.0.113", "[203.0.113.9]", "203.0.113.9:0", "203.0.113.9:99999",
        "203.0.113.9:080", "203.0.113.9 x", "unknown", "_hidden", "203.0.113.9\u0001", "203.0.113.9\u007f",
        "\"203.0.113.9\"", "203.0.113.9, 6.6.6.6", "203.0.113.9, garbage", "::ffff:203.0.113.9, %",
        "fe80::1%eth0", "2001:db8::1", "::203.0.113.9", "64:ff9b::203.0.113.9",
    })
    void whenElementIsNotAnAllowedClient_thenNoPeerGetsThrough(String value) throws Exception {
        for (String peer : List.of("127.0.0.5", "127.0.0.9")) {
            assertRefusedAndAlive(forwardedFor, peer, "X-Forwarded-For: " + value);
        }
    }

    /** Valid spellings of 203.0.113.9: believed from the trusted proxy only. */
    @ParameterizedTest(name = "X-Forwarded-For: {0}")
    @ValueSource(strings = {"::ffff:203.0.113.9", "::FFFF:cb00:7109", "0:0:0:0:0:ffff:203.0.113.9",
        "[::ffff:203.0.113.9]:443", "203.0.113.9:443", " 203.0.113.9 ", "6.6.6.6, 203.0.113.9"})
    void whenElementIsAValidSpelling_thenOnlyTheTrustedProxyIsBelieved(String value) throws Exception {
        assertEquals(200, forwardedFor.get("127.0.0.9", "/reports", "X-Forwarded-For: " + value).status());
        assertRefusedAndAlive(forwardedFor, "127.0.0.5", "X-Forwarded-For: " + value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"64 KiB", "10,000 elements", "100 field lines", "long quoted Forwarded"})
    void whenHeaderIsHuge_thenTheGuardRefusesItAndTheServerStaysUp(String kind) throws Exception {
        List<String> lines = new ArrayList<>();
        TestServer server = forwardedFor;
        switch (kind) {
            case "64 KiB" -> lines.add("X-Forwarded-For: " + "9".repeat(64 * 1024) + ", 6.6.6.6");
            case "10,000 elements" -> lines.add("X-Forwarded-For: " + String.join(",", Collections.nCopies(10_000, "203.0.113.9"))
                    + ", 6.6.6.6");
            case "100 field lines" -> {
                for (int i = 0; i < 100; i++) {
                    lines.add("X-Forwarded-For: 203.0.113.9");
                }
                lines.add("X-Forwarded-For: 6.6.6.6");
            }
            default -> {
                server = forwarded;
                lines.add("Forwarded: " + String.join(", ", Collections.nCopies(2_000, "for=\"[2001:db8::1]:80\";by=\"x,y\""))
                        + ", for=\"6.6.6.6\"");
            }
        }
        for (String peer : List.of("127.0.0.5", "127.0.0.9")) {
            // The limits are raised, so the guard itself answers: 403, not the container's 400.
            assertEquals(403, server.get(peer, "/reports", lines.toArray(String[]::new)).status());
            assertRefusedAndAlive(server, peer, lines.toArray(String[]::new));
        }
    }

    @ParameterizedTest(name = "Forwarded: {0}")
    @ValueSource(strings = {"for=203.0.113.9:80", "for=\"203.0.113.9", "for=\"203.0.113.9\";for=\"203.0.113.9\"",
        "for=_x, for=unknown", "for=\"2001:db8::1\"", "for=\"[203.0.113.9]\"", "by=203.0.113.9", "for=203.0.113.09",
        "For=\"203.0.113.9\"x", "for=\"203.0.113.9\", for=garbage"})
    void whenForwardedIsMalformed_thenNoPeerGetsThrough(String value) throws Exception {
        for (String peer : List.of("127.0.0.5", "127.0.0.9")) {
            assertRefusedAndAlive(forwarded, peer, "Forwarded: " + value);
        }
    }

    private static void assertRefusedAndAlive(TestServer server, String peer, String... headerLines) throws Exception {
        int status;
        try {
            status = server.get(peer, "/reports", headerLines).status();
        } catch (java.io.IOException | IllegalStateException closed) {
            // The container may drop a request whose headers exceed its limit: not a 2xx either.
            status = -1;
        }
        int answered = status;
        assertTrue(answered < 200 || (answered >= 300 && answered < 500), () -> "status " + answered + " from " + peer);
        assertEquals(200, server.get("127.0.0.9", "/reports", "X-Forwarded-For: 203.0.113.9", "Forwarded: for=203.0.113.9")
                .status(), "the server still serves a legitimate request");
    }
}
