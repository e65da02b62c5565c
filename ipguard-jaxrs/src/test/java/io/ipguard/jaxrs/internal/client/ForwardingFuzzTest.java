package io.ipguard.jaxrs.internal.client;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpSet;
import io.ipguard.jaxrs.internal.config.Forwarding;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of client resolution over arbitrary header field lines: it never
 * throws, and with nobody trusted the X-Forwarded-For client is exactly the rightmost non-empty
 * element (or unknown when that is not an address), as a simple reference computes.
 */
class ForwardingFuzzTest {

    private static final ClientAddress PEER = ClientAddress.parse("10.0.0.2");
    private static final IpSet TRUSTED = IpSet.parse("10.0.0.0/8, 2001:db8::/32", "fuzz");

    @FuzzTest(maxDuration = "10s")
    void whenAnyHeaderArrives_thenResolutionNeverFailsAndMatchesTheReference(FuzzedDataProvider data) {
        int hops = data.consumeInt(0, 3);
        List<String> lines = new ArrayList<>();
        for (int n = data.consumeInt(0, 3); n > 0; n--) {
            lines.add(data.consumeString(200));
        }
        for (Forwarding.Kind kind : List.of(Forwarding.Kind.X_FORWARDED_FOR, Forwarding.Kind.FORWARDED, Forwarding.Kind.SINGLE)) {
            String name = switch (kind) {
                case X_FORWARDED_FOR -> "X-Forwarded-For";
                case FORWARDED -> "Forwarded";
                default -> "X-Real-IP";
            };
            Forwarding trusting = new Forwarding(kind, name, TRUSTED, kind == Forwarding.Kind.SINGLE ? 0 : hops);
            StringBuilder why = new StringBuilder();
            ClientAddress withWhy = ForwardedClient.resolve(lines, trusting, PEER, why);
            if (!withWhy.equals(ForwardedClient.resolve(lines, trusting, PEER))) {
                throw new IllegalStateException("explaining changed the answer for " + lines);
            }
        }
        Forwarding nobodyTrusted = new Forwarding(Forwarding.Kind.X_FORWARDED_FOR, "X-Forwarded-For", IpSet.empty(), 0);
        ClientAddress actual = ForwardedClient.resolve(lines, nobodyTrusted, PEER);
        ClientAddress expected = rightmost(lines);
        if (!actual.equals(expected)) {
            throw new IllegalStateException("walk gave " + actual + ", reference " + expected + " for " + lines);
        }
    }

    /** The rightmost non-empty element of the joined lines, parsed; the peer if there is none. */
    private static ClientAddress rightmost(List<String> lines) {
        String[] elements = String.join(",", lines).split(",", -1);
        for (int i = elements.length - 1; i >= 0; i--) {
            String element = elements[i].replaceAll("^[ \\t]+|[ \\t]+$", "");
            if (!element.isEmpty()) {
                ClientAddress parsed = NodeParser.parse(element, 0, element.length(), true);
                return parsed == null ? ClientAddress.unknown() : parsed;
            }
        }
        return PEER;
    }
}
