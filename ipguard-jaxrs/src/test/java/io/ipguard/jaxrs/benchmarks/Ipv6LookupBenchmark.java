package io.ipguard.jaxrs.benchmarks;

import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;
import inet.ipaddr.ipv6.IPv6AddressTrie;
import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** IPv6 lookups in N blocks, hot cache, half hits: ipguard against the IPAddress library's trie. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Ipv6LookupBenchmark {

    @Param({"1000", "100000"})
    int n;

    String[] strings;
    ClientAddress[] addresses;
    IPv6Address[] ipaddressAddresses;
    IpSet ipguard;
    IPv6AddressTrie trie;
    int i;

    @Setup
    public void setUp() {
        BenchData data = BenchData.ipv6(n, Ipv4LookupBenchmark.LOOKUPS);
        strings = data.lookups;
        addresses = Competitors.parsed(strings);
        ipaddressAddresses = Competitors.ipaddressParsedV6(strings);
        ipguard = Competitors.ipguard(data.cidrs);
        trie = Competitors.ipaddressV6(data.cidrs);
        Competitors.checkAgrees("IPAddress IPv6 trie", ipguard, strings,
                s -> trie.elementContains(new IPAddressString(s).getAddress().toIPv6()));
    }

    private int next() {
        return i++ & (Ipv4LookupBenchmark.LOOKUPS - 1);
    }

    @Benchmark
    public boolean ipguardParsed() {
        return ipguard.contains(addresses[next()]);
    }

    @Benchmark
    public boolean ipguardFromString() {
        return ipguard.contains(ClientAddress.parse(strings[next()]));
    }

    @Benchmark
    public boolean ipaddressTrieParsed() {
        return trie.elementContains(ipaddressAddresses[next()]);
    }
}
