package io.ipguard.jaxrs.internal.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipguard.jaxrs.IpGuardFeature;
import io.ipguard.jaxrs.IpGuardInspector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Explanations in words, one per kind of decision. */
class ExplainerTest {

    private static final IpGuardInspector INSPECTOR = IpGuardFeature.builder()
            .group("default", "10.0.0.0/8, !10.1.0.0/16, 2001:db8::/32")
            .group("admin", "192.0.2.10-192.0.2.20")
            .group("empty", "")
            .trustedProxies("10.9.0.0/16")
            .clientIpHeader("X-Forwarded-For")
            .build()
            .inspector();

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "10.2.3.4    | ''                                  | default | allowed: client 10.2.3.4 (the TCP peer) matched 10.0.0.0/8 in group \"default\"",
        "2001:db8::7 | ''                                  | default | allowed: client 2001:db8::7 (the TCP peer) matched 2001:db8::/32 in group \"default\"",
        "10.1.2.3    | ''                                  | default | refused: client 10.1.2.3 (the TCP peer) matched 10.0.0.0/8 but is excluded by !10.1.0.0/16 in group \"default\"",
        "10.2.3.4    | ''                                  | admin   | refused: client 10.2.3.4 (the TCP peer) is not in group \"admin\"",
        "10.2.3.4    | ''                                  | empty   | refused: client 10.2.3.4 (the TCP peer) is not in group \"empty\"",
        "10.2.3.4    | ''                                  | nope    | refused: group \"nope\" is not defined",
        "10.9.0.2    | 203.0.113.9, 10.9.0.1               | admin   | refused: client 203.0.113.9 (X-Forwarded-For, after skipping trusted 10.9.0.1) is not in group \"admin\"",
        "10.9.0.2    | 192.0.2.15                          | admin   | allowed: client 192.0.2.15 (X-Forwarded-For, rightmost element) matched 192.0.2.10-192.0.2.20 in group \"admin\"",
        "10.9.0.2    | 10.9.0.7, 10.9.0.1                  | default | allowed: client 10.9.0.7 (X-Forwarded-For, leftmost element; every element is a trusted proxy) matched 10.0.0.0/8 in group \"default\"",
        "10.9.0.2    | 203.0.113.9, garbage                | admin   | refused: the client is unknown (X-Forwarded-For element 1 from the right, \"garbage\", is not an address); group \"admin\"",
        "10.9.0.2    | ''                                  | default | allowed: client 10.9.0.2 (the TCP peer; no X-Forwarded-For header) matched 10.0.0.0/8 in group \"default\"",
        "192.0.2.15  | 10.2.3.4                            | default | refused: client 192.0.2.15 (the TCP peer; X-Forwarded-For ignored: 192.0.2.15 is not a trusted proxy (if it is your proxy, add it to ipguard.trusted-proxies)) is not in group \"default\"",
    })
    void whenRequestIsExplained_thenTheReasonIsInWords(String peer, String xff, String group, String text) {
        Map<String, List<String>> headers = xff.isEmpty() ? Map.of() : Map.of("x-forwarded-for", List.of(xff));

        assertEquals(text, INSPECTOR.explain(peer, headers, group).toString());
    }

    @org.junit.jupiter.api.Test
    void whenPeerIsNotAnAddress_thenExplainSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> INSPECTOR.explain("gateway.local", Map.of(), "default"));

        assertEquals("not an IP address literal: \"gateway.local\"", e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "192.0.2.7  | staff | allowed: client 192.0.2.7 (the TCP peer) matched @office in group \"staff\"",
        "10.0.0.3   | staff | allowed: client 10.0.0.3 (the TCP peer) matched @private in group \"staff\"",
        "10.6.6.6   | staff | refused: client 10.6.6.6 (the TCP peer) matched @private but is excluded by !@blocked in group \"staff\"",
        "100.64.0.1 | staff | refused: client 100.64.0.1 (the TCP peer) is not in group \"staff\"",
    })
    void whenAReferenceDecides_thenTheExplanationNamesIt(String peer, String group, String text) {
        IpGuardInspector inspector = IpGuardFeature.builder()
                .group("office", "192.0.2.0/24")
                .group("blocked", "10.6.0.0/16")
                .group("staff", "@office, @private, !@blocked")
                .build()
                .inspector();

        assertEquals(text, inspector.explain(peer, Map.of(), group).toString());
    }
}
