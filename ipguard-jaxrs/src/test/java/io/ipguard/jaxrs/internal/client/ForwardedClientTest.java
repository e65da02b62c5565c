package io.ipguard.jaxrs.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.internal.config.Forwarding;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC section 4, rule by rule. Field lines of one header are separated by "//" in the tables;
 * the trusted proxies are 10.0.0.0/8 and 2001:db8:ffff::/48, and the peer is the trusted 10.0.0.2.
 */
class ForwardedClientTest {

    private static final IpSet TRUSTED = IpSet.parse("10.0.0.0/8, 2001:db8:ffff::/48", "test");
    private static final ClientAddress PEER = ClientAddress.parse("10.0.0.2");

    static String resolve(String header, int hops, String lines) {
        Forwarding forwarding = new Forwarding(Forwarding.kindOf(header), header, hops > 0 ? IpSet.empty() : TRUSTED, hops);
        List<String> fieldLines = lines == null ? null : Arrays.asList(lines.split("//", -1));
        return ForwardedClient.resolve(fieldLines, forwarding, PEER).toString();
    }

    @ParameterizedTest(name = "X-Forwarded-For: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // The walk: skip trusted proxies from the right, the first other address is the client.
        "203.0.113.9                              | 203.0.113.9",
        "203.0.113.9, 10.0.0.1                    | 203.0.113.9",
        "198.51.100.1, 203.0.113.9, 10.0.0.1      | 203.0.113.9",
        "1.1.1.1, 203.0.113.9, 10.0.0.1, 10.0.0.3 | 203.0.113.9",
        // All trusted: the leftmost is the client.
        "10.0.0.7, 10.0.0.1                       | 10.0.0.7",
        "10.0.0.7                                 | 10.0.0.7",
        // Several field lines are one list, in order.
        "198.51.100.1 // 203.0.113.9, 10.0.0.1    | 203.0.113.9",
        "198.51.100.1, 10.0.0.5 // 10.0.0.1       | 198.51.100.1",
        "203.0.113.9 // 10.0.0.1 // 10.0.0.3      | 203.0.113.9",
        // Spaces and tabs around elements are dropped, empty elements ignored.
        "'  203.0.113.9 ,\t10.0.0.1\t'            | 203.0.113.9",
        "203.0.113.9,,10.0.0.1,                   | 203.0.113.9",
        "', , 203.0.113.9'                        | 203.0.113.9",
        // Ports and brackets.
        "203.0.113.9:4711, 10.0.0.1:80            | 203.0.113.9",
        "[2001:db8::1]:4711                       | 2001:db8::1",
        "[2001:db8::1]                            | 2001:db8::1",
        "2001:db8::1                              | 2001:db8::1",
        "2001:db8::1, [2001:db8:ffff::5]:443      | 2001:db8::1",
        "fe80::1%eth0                             | fe80::1",
        // Mixed families and mapped addresses.
        "2001:db8::1, 10.0.0.1                    | 2001:db8::1",
        "203.0.113.9, 2001:db8:ffff::1            | 203.0.113.9",
        "::ffff:203.0.113.9                       | 203.0.113.9",
        "203.0.113.9, ::ffff:10.0.0.1             | 203.0.113.9",
        // Anything that is not an address, met during the walk, makes the client unknown.
        "unknown, 10.0.0.1                        | unknown",
        "203.0.113.9, unknown                     | unknown",
        "203.0.113.9, garbage, 10.0.0.1           | unknown",
        "203.0.113.9, 010.0.0.1                   | unknown",
        "'203.0.113.9, 10.0.0.1 x'                | unknown",
        "203.0.113.9:0                            | unknown",
        "203.0.113.9:65536                        | unknown",
        "203.0.113.9:080                          | unknown",
        "203.0.113.9:1                            | 203.0.113.9",
        "203.0.113.9:65535                        | 203.0.113.9",
        "203.0.113.9:99999                        | unknown",
        "203.0.113.9:123456                       | unknown",
        "203.0.113.9:                             | unknown",
        "[2001:db8::1]:65535                      | 2001:db8::1",
        "[2001:db8::1]:                           | unknown",
        "[2001:db8::1                             | unknown",
        "[]:80                                    | unknown",
        "[203.0.113.9]                            | unknown",
        "[2001:db8::1]80                          | unknown",
        "2001:db8::1:80                           | 2001:db8::1:80",
        "'\"203.0.113.9\"'                        | unknown",
        "example.com                              | unknown",
        // ... but garbage to the left of the client is never read.
        "garbage, 203.0.113.9, 10.0.0.1           | 203.0.113.9",
        "unknown, 203.0.113.9                     | 203.0.113.9",
        // Present with no non-empty element: the peer.
        "''                                       | 10.0.0.2",
        "' , ,'                                   | 10.0.0.2",
    })
    void whenXForwardedForIsWalked_thenClientIsFirstUntrustedFromRight(String lines, String client) {
        assertEquals(client, resolve("X-Forwarded-For", 0, lines));
    }

    @Test
    void whenHeaderIsAbsent_thenClientIsPeer() {
        assertEquals("10.0.0.2", resolve("X-Forwarded-For", 0, null));
        assertEquals("10.0.0.2", ForwardedClient.resolve(Collections.emptyList(),
                new Forwarding(Forwarding.Kind.FORWARDED, "Forwarded", TRUSTED, 0), PEER).toString());
        assertEquals("10.0.0.2", resolve("X-Real-IP", 0, null));
    }

    @Test
    void whenControlCharactersAppear_thenElementIsInvalid() {
        assertEquals("unknown", resolve("X-Forwarded-For", 0, "203.0.113.9\u0000, 10.0.0.1"));
        assertEquals("unknown", resolve("X-Forwarded-For", 0, "203.0.113.9\r, 10.0.0.1"));
        assertEquals("unknown", resolve("X-Forwarded-For", 0, "203.0.113.\u0669"));
    }

    @ParameterizedTest(name = "Forwarded: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "for=203.0.113.9                                          | 203.0.113.9",
        "for=203.0.113.9, for=10.0.0.1                            | 203.0.113.9",
        "for=198.51.100.1, for=203.0.113.9;proto=https, for=10.0.0.1;by=10.0.0.2 | 203.0.113.9",
        "'for=\"203.0.113.9:4711\"'                               | 203.0.113.9",
        "'for=\"[2001:db8::17]:4711\"'                            | 2001:db8::17",
        "'for=\"[2001:db8::17]\"'                                 | 2001:db8::17",
        "'FOR=203.0.113.9;Proto=http'                             | 203.0.113.9",
        "'proto=http;For=203.0.113.9;by=\"[2001:db8:ffff::1]\"'   | 203.0.113.9",
        "'for=\"203.0.113.9\" // for=10.0.0.1'                    | 203.0.113.9",
        "'for=\"a,b\", for=203.0.113.9'                           | 203.0.113.9",
        "'for=\"\\203.0.113.9\"'                                  | 203.0.113.9",
        "for=10.0.0.7, for=10.0.0.1                               | 10.0.0.7",
        "' ,for=203.0.113.9, '                                    | 203.0.113.9",
        "'by=a!#$%&*+-.^_`|~09AZaz;for=203.0.113.9'                | 203.0.113.9",
        "'by=\"x\";;for=203.0.113.9;'                             | 203.0.113.9",
        "'\tfor=203.0.113.9\t;\tproto=http'                       | 203.0.113.9",
        // What makes the client unknown.
        "for=unknown, for=10.0.0.1                                | unknown",
        "for=_hidden, for=10.0.0.1                                | unknown",
        "'for=\"_hidden:_port\"'                                  | unknown",
        "proto=http, for=10.0.0.1                                 | unknown",
        "for=203.0.113.9;for=198.51.100.1                         | unknown",
        "'for=\"203.0.113.9'                                      | unknown",
        "'for=\"2001:db8::17\"'                                   | unknown",
        "'for=\"[2001:db8::17]:0\"'                               | unknown",
        "'for=\"[2001:db8::17]:65536\"'                           | unknown",
        "'for=\"[2001:db8::17]:x\"'                               | unknown",
        "'for=[2001:db8::17]'                                     | unknown",
        "'for=203.0.113.9:80'                                     | unknown",
        "'for = 203.0.113.9'                                      | unknown",
        "'for=\"203.0.113.9\"x'                                   | unknown",
        "'for='                                                   | unknown",
        "'=203.0.113.9'                                           | unknown",
        "'for=203.0.113.9;proto'                                  | unknown",
        "'by=a@b;for=203.0.113.9'                                 | unknown",
        "'by=a/b;for=203.0.113.9'                                 | unknown",
        "'by=a[b;for=203.0.113.9'                                 | unknown",
        "'b{y=a;for=203.0.113.9'                                  | unknown",
        "'by=\"a\\\";for=203.0.113.9'                            | unknown",
        "'fo=203.0.113.9'                                         | unknown",
        "'forx=203.0.113.9'                                       | unknown",
        // Garbage left of the client is not read.
        "'for=garbage\", for=203.0.113.9'                         | unknown",
        "for=unknown, for=203.0.113.9                             | 203.0.113.9",
    })
    void whenForwardedIsWalked_thenForNodesAreReadStrictly(String lines, String client) {
        assertEquals(client, resolve("Forwarded", 0, lines));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "X-Real-IP        | 203.0.113.9          | 203.0.113.9",
        "X-Real-IP        | ' 203.0.113.9 '      | 203.0.113.9",
        "X-Real-IP        | 203.0.113.9:80       | 203.0.113.9",
        "X-Real-IP        | [2001:db8::1]:80     | 2001:db8::1",
        "X-Real-IP        | 2001:db8::1          | 2001:db8::1",
        "X-Real-IP        | 10.0.0.7             | 10.0.0.7",
        "CF-Connecting-IP | 2001:db8::1          | 2001:db8::1",
        "X-Real-IP        | 203.0.113.9, 10.0.0.1 | unknown",
        "X-Real-IP        | 203.0.113.9 // 198.51.100.1 | unknown",
        "X-Real-IP        | unknown              | unknown",
        "X-Real-IP        | 203.0.113.9 x        | unknown",
        "X-Real-IP        | ''                   | 10.0.0.2",
        "X-Real-IP        | '  '                 | 10.0.0.2",
    })
    void whenSingleAddressHeaderIsRead_thenItHoldsExactlyOneAddress(String header, String lines, String client) {
        assertEquals(client, resolve(header, 0, lines));
    }

    /** The worked examples of docs/proxies.md, row by row. */
    @ParameterizedTest(name = "trusted-hops={1}, {0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "203.0.113.9                              | 1 | 203.0.113.9",
        "198.51.100.7, 203.0.113.9                | 1 | 203.0.113.9",
        "198.51.100.7, 203.0.113.9                | 2 | 198.51.100.7",
        "6.6.6.6, 203.0.113.9, 10.1.0.5           | 2 | 203.0.113.9",
        "203.0.113.9, 10.1.0.5                    | 2 | 203.0.113.9",
        "203.0.113.9                              | 2 | unknown",
        "unknown, 203.0.113.9                     | 1 | 203.0.113.9",
        "203.0.113.9, unknown                     | 1 | unknown",
        "203.0.113.9, garbage, 10.1.0.5           | 3 | unknown",
        "203.0.113.9 // 10.1.0.5                  | 2 | 203.0.113.9",
        "''                                       | 1 | unknown",
    })
    void whenTrustedHopsIsSet_thenClientIsTheNthElementFromTheRight(String lines, int hops, String client) {
        assertEquals(client, resolve("X-Forwarded-For", hops, lines));
    }

    @Test
    void whenTrustedHopsHeaderIsAbsent_thenClientIsUnknown() {
        assertEquals("unknown", resolve("X-Forwarded-For", 1, null));
        assertEquals("unknown", resolve("Forwarded", 1, null));
        assertEquals("203.0.113.9", resolve("Forwarded", 2, "for=203.0.113.9, for=10.1.0.5"));
    }

    @Test
    void whenChainIsLongerThanTheHopLimit_thenClientIsUnknownUnlessFoundWithinIt() {
        String trustedChain = String.join(", ", Collections.nCopies(Forwarding.MAX_HOPS, "10.0.0.1"));

        assertEquals("10.0.0.1", resolve("X-Forwarded-For", 0, trustedChain));
        assertEquals("unknown", resolve("X-Forwarded-For", 0, "203.0.113.9, " + trustedChain));
        assertEquals("203.0.113.9", resolve("X-Forwarded-For", 0,
                "203.0.113.9, " + String.join(", ", Collections.nCopies(Forwarding.MAX_HOPS - 1, "10.0.0.1"))));
    }

    @Test
    void whenHeaderIsHuge_thenOnlyTheRightmostElementsMatter() {
        String flood = String.join(",", Collections.nCopies(10_000, "6.6.6.6")) + ", 203.0.113.9, 10.0.0.1";
        String garbageFlood = "x".repeat(65_536) + ", 203.0.113.9";

        assertEquals("203.0.113.9", resolve("X-Forwarded-For", 0, flood));
        assertEquals("203.0.113.9", resolve("X-Forwarded-For", 0, garbageFlood));
        assertEquals("unknown", resolve("X-Forwarded-For", 0, "203.0.113.9, " + "1".repeat(65_536)));
        assertEquals("unknown", resolve("Forwarded", 0, "for=203.0.113.9, for=\"" + "a".repeat(65_536)));
    }
}
