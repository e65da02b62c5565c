package io.ipguard.jaxrs.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Membership against a brute-force reference over BigInteger intervals, for small sets (direct
 * search) and large ones (the /16 index), with overlapping, nested and adjacent blocks, ranges and
 * exclusions, IPv4 and IPv6.
 */
class CompiledIpSetDifferentialTest {

    private record Interval(boolean exclusion, boolean ipv4, BigInteger low, BigInteger high) {
        boolean holds(boolean v4, BigInteger value) {
            return ipv4 == v4 && low.compareTo(value) <= 0 && value.compareTo(high) <= 0;
        }
    }

    private static BigInteger value(ClientAddress a) {
        return a.isIpv4() ? BigInteger.valueOf(Addresses.low(a))
                : new BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(Addresses.high(a)).putLong(Addresses.low(a)).array());
    }

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {5, 40, 300, 3000})
    void whenSetsAreGenerated_thenMembershipAgreesWithBruteForce(int size) {
        Random random = new Random(7 + size);
        // 20 sets of each size, 2,000 lookups each; -Dipguard.property-scale=N makes N times as many sets.
        for (int round = 0; round < 20 * Integer.getInteger("ipguard.property-scale", 1); round++) {
            List<String> entries = new ArrayList<>();
            List<Interval> reference = new ArrayList<>();
            // A narrow universe (10.0.0.0/12 and 2001:db8::/120-ish) makes overlaps and adjacency common.
            for (int i = 0; i < size; i++) {
                boolean exclusion = random.nextInt(5) == 0;
                boolean v4 = random.nextInt(4) != 0;
                String entry;
                BigInteger low;
                BigInteger high;
                if (v4) {
                    int prefix = exclusion ? 26 + random.nextInt(7) : 20 + random.nextInt(13);
                    long base = (0x0A000000L | (random.nextInt() & 0x000FFFFFL)) & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
                    low = BigInteger.valueOf(base);
                    high = BigInteger.valueOf(base | (0xFFFFFFFFL >>> prefix));
                    entry = IpLiteral.formatIpv4((int) base) + "/" + prefix;
                    if (random.nextInt(4) == 0) {
                        long end = Math.min(0x0AFFFFFFL, base + random.nextInt(300));
                        high = BigInteger.valueOf(end);
                        entry = IpLiteral.formatIpv4((int) base) + "-" + IpLiteral.formatIpv4((int) end);
                    }
                } else {
                    int prefix = exclusion ? 124 + random.nextInt(5) : 118 + random.nextInt(11);
                    long lowBits = (random.nextInt(1 << 16)) & (prefix == 128 ? -1L : -1L << (128 - prefix));
                    low = BigInteger.valueOf(0x20010db8L).shiftLeft(96).or(BigInteger.valueOf(lowBits));
                    high = low.or(BigInteger.ONE.shiftLeft(128 - prefix).subtract(BigInteger.ONE));
                    entry = IpLiteral.formatIpv6(0x20010db8_00000000L, lowBits) + "/" + prefix;
                }
                entries.add((exclusion ? "!" : "") + entry);
                reference.add(new Interval(exclusion, v4, low, high));
            }
            IpSet set = IpSet.parse(String.join(",", entries), "generated");
            if (size >= 3000 && ((CompiledIpSet) set).ipv4RangeCount() < CompiledIpSet.INDEX_THRESHOLD) {
                throw new IllegalStateException("generated set too small to exercise the /16 index: " + set);
            }
            for (int probe = 0; probe < 2000; probe++) {
                ClientAddress address = random.nextInt(4) != 0
                        ? Addresses.ofIpv4(0x0A000000 | (random.nextInt() & 0x000FFFFF))
                        : Addresses.ofIpv6(0x20010db8_00000000L, random.nextInt(1 << 16));
                BigInteger v = value(address);
                boolean v4 = address.isIpv4();
                boolean expected = reference.stream().anyMatch(r -> !r.exclusion() && r.holds(v4, v))
                        && reference.stream().noneMatch(r -> r.exclusion() && r.holds(v4, v));

                assertEquals(expected, set.contains(address), () -> address + " in " + entries.size() + " entries");
            }
        }
    }

    /**
     * A reference ({@code @name}) includes a compiled set as its entries: compiled again they must
     * hold exactly the same clients, and excluded they must remove exactly those, also where IPv6
     * ranges cross the IPv4-mapped block (whose clients are answered as IPv4).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "::/0, !::ffff:0:0/96", "::/0", "::/80, 10.0.0.0/8", "::ffff:0:0/100", "::fffe:0:0-::1:0:0:1, !10.1.2.3",
        "0.0.0.0/0, !::/0", "2001:db8::/32, !2001:db8::5, 192.0.2.0/24, !192.0.2.7", "", "::/81, !::ffff:10.0.0.0/104",
    })
    void whenASetIsWrittenOutAsEntries_thenCompilingThemGivesTheSameClients(String written) {
        CompiledIpSet set = (CompiledIpSet) IpSet.parse(written, "set");
        CompiledIpSet included = CompiledIpSet.compile(set.asEntries(false));
        List<ListEntry> everythingBut = new ArrayList<>(((CompiledIpSet) IpSet.parse("0.0.0.0/0, ::/0", "all")).asEntries(false));
        everythingBut.addAll(set.asEntries(true));
        CompiledIpSet excluded = CompiledIpSet.compile(everythingBut);
        Random random = new Random(written.hashCode());
        List<ClientAddress> probes = new ArrayList<>(List.of(ClientAddress.parse("10.1.2.3"), ClientAddress.parse("::"),
                ClientAddress.parse("::fffe:ffff:ffff"), ClientAddress.parse("::1:0:0:0"), ClientAddress.parse("::ffff:0.0.0.0"),
                ClientAddress.parse("255.255.255.255"), ClientAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
                ClientAddress.parse("2001:db8::5"), ClientAddress.parse("192.0.2.7"), ClientAddress.parse("64:ff9b::a01:203")));
        for (int i = 0; i < 2000; i++) {
            probes.add(random.nextBoolean() ? Addresses.ofIpv4(random.nextInt())
                    : Addresses.ofIpv6(random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(4), random.nextLong()));
        }
        for (ClientAddress probe : probes) {
            assertEquals(set.contains(probe), included.contains(probe), () -> probe + " in @(" + written + ")");
            assertEquals(!set.contains(probe), excluded.contains(probe), () -> probe + " in !@(" + written + ")");
        }
        assertEquals(set.coversAllIpv4(), included.coversAllIpv4());
        assertEquals(set.coversAllIpv6(), included.coversAllIpv6());
    }
}
