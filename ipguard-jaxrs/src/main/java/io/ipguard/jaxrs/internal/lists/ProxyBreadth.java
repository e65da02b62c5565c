package io.ipguard.jaxrs.internal.lists;

import io.ipguard.jaxrs.internal.address.BuiltInLists;
import io.ipguard.jaxrs.internal.address.CompiledIpSet;
import io.ipguard.jaxrs.internal.address.EntryListParser;
import io.ipguard.jaxrs.internal.address.ListEntry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a set of trusted proxies reaches into the addresses clients come from, and how far lists
 * may take it. A proxy named by a list believes the client address in its header, so a list that
 * trusts a large part of the Internet lets everyone there choose their own address. What counts is
 * the public part: for IPv4 what is not loopback, private, shared (CGNAT) or link-local, and the
 * NAT64 prefixes {@code 64:ff9b::/96} and {@code 64:ff9b:1::/48} (IPv4 clients behind a translator); for IPv6 global
 * unicast ({@code 2000::/3}), where every IPv6 client is. Private and internal ranges are
 * where proxies normally are, and do not count.
 */
public final class ProxyBreadth {

    /** Lists may make the proxies trust as many public IPv4 addresses as a /8 holds, no more. */
    static final int IPV4_PREFIX = 8;
    /** Lists may make the proxies trust as many global IPv6 addresses as a /24 holds, no more. */
    static final int IPV6_PREFIX = 24;

    private static final List<ListEntry> NOT_PUBLIC_IPV4 = new ArrayList<>();
    private static final List<ListEntry> NOT_GLOBAL_IPV6 = exclusions("!::/3, !4000::/2, !8000::/1");
    /** All but the NAT64 well-known prefix {@code 64:ff9b::/96} (RFC 6052), whose low 32 bits are an IPv4 client. */
    private static final List<ListEntry> NOT_WELL_KNOWN_NAT64 = exclusions(
            "!::-64:ff9a:ffff:ffff:ffff:ffff:ffff:ffff, !64:ff9b::1:0:0-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    /** All but the local-use NAT64 prefix {@code 64:ff9b:1::/48} (RFC 8215), where a translator picks its own layout. */
    private static final List<ListEntry> NOT_LOCAL_USE_NAT64 = exclusions(
            "!::-64:ff9b:0:ffff:ffff:ffff:ffff:ffff, !64:ff9b:2::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");

    /** How many public IPv4 addresses there are, and global IPv6 addresses ({@code 2000::/3}). */
    private static final long PUBLIC_IPV4;
    private static final BigInteger GLOBAL_IPV6 = BigInteger.ONE.shiftLeft(125);

    static {
        for (String name : List.of("loopback", "private", "link-local", "cgnat")) {
            NOT_PUBLIC_IPV4.addAll(BuiltInLists.set(name).asEntries(true));
        }
        PUBLIC_IPV4 = (1L << 32) - CompiledIpSet.compile(NOT_PUBLIC_IPV4.stream()
                .map(e -> new ListEntry(false, e.ipv4(), e.startHigh(), e.startLow(), e.endHigh(), e.endLow())).toList())
                .ipv4Count();
    }

    private ProxyBreadth() {
    }

    /**
     * What {@code next} would trust, such as {@code every IPv4 address} or {@code more public IPv4
     * addresses than a /8 holds}, if its lists add more than the limit to {@code written},
     * the trusted proxies as the configuration writes them; else null.
     */
    public static String tooBroad(CompiledIpSet next, CompiledIpSet written) {
        // What the lists add: trusted in next and not written. A count difference would let a list that
        // takes written addresses away make room for as many others elsewhere.
        List<ListEntry> difference = new ArrayList<>(next.asEntries(false));
        difference.addAll(written.asEntries(true));
        CompiledIpSet added = CompiledIpSet.compile(difference);
        BigInteger ipv6 = globalIpv6(added);
        if (ipv6.compareTo(BigInteger.ONE.shiftLeft(128 - IPV6_PREFIX)) > 0) {
            return next.coversAllIpv6() ? "every IPv6 address"
                    : amount(ipv6, 128, "global IPv6");
        }
        long ipv4 = publicIpv4(added);
        if (ipv4 > 1L << (32 - IPV4_PREFIX)) {
            return next.coversAllIpv4() ? "every IPv4 address"
                    : amount(BigInteger.valueOf(ipv4), 32, "public IPv4");
        }
        return null;
    }

    /**
     * What a list from a URL or a file would admit past {@code maxShare} percent of the public IPv4
     * or the global IPv6 addresses, such as {@code every IPv4 address} or {@code 25% of the public
     * IPv4 addresses}; else null. Lists are kept narrower than configuration: a list server that
     * starts answering {@code 0.0.0.0/0} must not open the gate.
     */
    public static String admitsTooMany(CompiledIpSet list, int maxShare) {
        if (list.coversAllIpv4() || list.coversAllIpv6()) {
            return list.coversAllIpv4() ? "every IPv4 address" : "every IPv6 address";
        }
        long ipv4 = publicIpv4(list);
        if (ipv4 * 100 > maxShare * PUBLIC_IPV4) {
            return "more than " + maxShare + "% of the public IPv4 addresses (" + percent(Math.min(ipv4, PUBLIC_IPV4),
                    PUBLIC_IPV4) + ")";
        }
        BigInteger ipv6 = globalIpv6(list);
        if (ipv6.multiply(BigInteger.valueOf(100)).compareTo(GLOBAL_IPV6.multiply(BigInteger.valueOf(maxShare))) > 0) {
            return "more than " + maxShare + "% of the global IPv6 addresses";
        }
        return null;
    }

    private static String percent(long part, long whole) {
        return Math.round(part * 1000.0 / whole) / 10.0 + "%";
    }

    /** {@code as many public IPv4 addresses as a /7 holds}, or {@code more ... than a /8 holds} between two such sizes. */
    private static String amount(BigInteger count, int bits, String kind) {
        int prefix = bits - (count.bitLength() - 1);
        return count.bitCount() == 1 ? "as many " + kind + " addresses as a /" + prefix + " holds"
                : "more " + kind + " addresses than a /" + prefix + " holds";
    }

    /** The refusal of what {@link #tooBroad} found, after "it would make ipguard.trusted-proxies". */
    public static String refusal(String harm) {
        return "trust " + harm + " (lists may add to what it writes as many public addresses as a /" + IPV4_PREFIX
                + " holds for IPv4, a /" + IPV6_PREFIX + " for IPv6), so clients there could choose their own address";
    }

    /**
     * Public IPv4 clients in the set: its IPv4 addresses and those written in the NAT64 well-known
     * prefix, as one set (an address in both forms is one client), less the non-public ranges; plus
     * as many as the local-use NAT64 prefix holds of the set, at most every IPv4 address.
     */
    static long publicIpv4(CompiledIpSet set) {
        List<ListEntry> ipv4 = new ArrayList<>(set.asEntries(false));
        for (ListEntry translated : within(set, NOT_WELL_KNOWN_NAT64).asEntries(false)) {
            if (!translated.ipv4()) {
                ipv4.add(new ListEntry(false, true, 0, translated.startLow() & 0xffff_ffffL, 0,
                        translated.endLow() & 0xffff_ffffL));
            }
        }
        ipv4.addAll(NOT_PUBLIC_IPV4);
        long localUse = within(set, NOT_LOCAL_USE_NAT64).ipv6Count().min(BigInteger.ONE.shiftLeft(32)).longValueExact();
        return CompiledIpSet.compile(ipv4).ipv4Count() + localUse;
    }

    private static CompiledIpSet within(CompiledIpSet set, List<ListEntry> outside) {
        List<ListEntry> entries = new ArrayList<>(set.asEntries(false));
        entries.addAll(outside);
        return CompiledIpSet.compile(entries);
    }

    private static List<ListEntry> exclusions(String entries) {
        return EntryListParser.parseWithReferences(entries, "ranges", new ArrayList<>()).entries();
    }

    static BigInteger globalIpv6(CompiledIpSet set) {
        return within(set, NOT_GLOBAL_IPV6).ipv6Count();
    }
}
