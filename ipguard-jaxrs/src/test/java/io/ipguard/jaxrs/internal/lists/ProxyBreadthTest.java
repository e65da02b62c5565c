package io.ipguard.jaxrs.internal.lists;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.ipguard.jaxrs.internal.address.CompiledIpSet;
import io.ipguard.jaxrs.internal.address.EntryListParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How far proxy lists reach, counted in the clients they stand for. */
class ProxyBreadthTest {

    /**
     * Native IPv4 and the same addresses in the NAT64 prefix are the same clients: a list trusting
     * 1.0.0.0/8 in both forms trusts a /8 of clients, within the allowance.
     */
    @Test
    void whenAListTrustsASlash8InBothNativeAndNat64Form_thenItIsNotCountedTwice() {
        CompiledIpSet next = EntryListParser.parse("1.0.0.0/8, 64:ff9b::100:0/104", "next");
        CompiledIpSet written = CompiledIpSet.compile(List.of());

        assertNull(ProxyBreadth.tooBroad(next, written),
                "1.0.0.0/8 natively and as 64:ff9b::1.0.0.0/104 is one /8 of IPv4 clients, but publicIpv4 adds the two "
                        + "counts (2^25) and refuses");
    }

    /**
     * Private IPv4 in the NAT64 well-known prefix counts as private, as it does natively.
     */
    @Test
    void whenAListTrustsPrivateIpv4InTheWellKnownNat64Prefix_thenItDoesNotCountAsPublic() {
        CompiledIpSet next = EntryListParser.parse("64:ff9b::a00:0/104, 1.0.0.0/9", "next");
        CompiledIpSet written = CompiledIpSet.compile(List.of());

        assertNull(ProxyBreadth.tooBroad(next, written),
                "64:ff9b::10.0.0.0/104 (private 10.0.0.0/8, which the well-known prefix never carries) is counted as "
                        + "2^24 public IPv4 while 10.0.0.0/8 itself counts 0; with a public /9 this is refused as "
                        + ProxyBreadth.tooBroad(next, written));
    }
}
