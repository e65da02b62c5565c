package io.ipguard.jaxrs.benchmarks;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressTrie;
import inet.ipaddr.ipv6.IPv6Address;
import inet.ipaddr.ipv6.IPv6AddressTrie;
import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.net.util.SubnetUtils;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/** Builds each structure from the same CIDR strings, and checks that every one answers as ours does. */
final class Competitors {

    private Competitors() {
    }

    static IpSet ipguard(String[] cidrs) {
        return IpSet.parse(String.join(",", cidrs), "benchmark");
    }

    static IPv4AddressTrie ipaddressV4(String[] cidrs) {
        IPv4AddressTrie trie = new IPv4AddressTrie();
        for (String cidr : cidrs) {
            trie.add(new IPAddressString(cidr).getAddress().toPrefixBlock().toIPv4());
        }
        return trie;
    }

    static IPv6AddressTrie ipaddressV6(String[] cidrs) {
        IPv6AddressTrie trie = new IPv6AddressTrie();
        for (String cidr : cidrs) {
            trie.add(new IPAddressString(cidr).getAddress().toPrefixBlock().toIPv6());
        }
        return trie;
    }

    static List<IpAddressMatcher> spring(String[] cidrs) {
        List<IpAddressMatcher> matchers = new ArrayList<>(cidrs.length);
        for (String cidr : cidrs) {
            matchers.add(new IpAddressMatcher(cidr));
        }
        return matchers;
    }

    static List<SubnetUtils.SubnetInfo> commonsNet(String[] cidrs) {
        List<SubnetUtils.SubnetInfo> subnets = new ArrayList<>(cidrs.length);
        for (String cidr : cidrs) {
            SubnetUtils subnet = new SubnetUtils(cidr.contains("/") ? cidr : cidr + "/32");
            subnet.setInclusiveHostCount(true);
            subnets.add(subnet.getInfo());
        }
        return subnets;
    }

    static ClientAddress[] parsed(String[] addresses) {
        ClientAddress[] out = new ClientAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            out[i] = ClientAddress.parse(addresses[i]);
        }
        return out;
    }

    static IPv4Address[] ipaddressParsedV4(String[] addresses) {
        IPv4Address[] out = new IPv4Address[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            out[i] = new IPAddressString(addresses[i]).getAddress().toIPv4();
        }
        return out;
    }

    static IPv6Address[] ipaddressParsedV6(String[] addresses) {
        IPv6Address[] out = new IPv6Address[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            out[i] = new IPAddressString(addresses[i]).getAddress().toIPv6();
        }
        return out;
    }

    /** Throws unless {@code competitor} answers exactly as ipguard does for every address: a fast wrong answer cannot win. */
    static void checkAgrees(String name, IpSet ours, String[] addresses, Predicate<String> competitor) {
        int hits = 0;
        for (String address : addresses) {
            boolean expected = ours.contains(ClientAddress.parse(address));
            hits += expected ? 1 : 0;
            if (competitor.test(address) != expected) {
                throw new IllegalStateException(name + " disagrees with ipguard on " + address + ": ipguard says " + expected);
            }
        }
        if (hits == 0 || hits == addresses.length) {
            throw new IllegalStateException("lookup data has " + hits + " hits of " + addresses.length);
        }
    }

    static boolean contains(IPv4AddressTrie trie, String address) {
        IPAddress parsed = new IPAddressString(address).getAddress();
        return trie.elementContains(parsed.toIPv4());
    }
}
