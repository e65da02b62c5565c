package io.ipguard.jaxrs.benchmarks;

import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressTrie;
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

/**
 * "Is this IPv4 address in my list of N CIDRs?", hot cache: 1,024 lookup addresses, half hits.
 * ipguard and the IPAddress library's trie, each with a pre-parsed address and from the String.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Ipv4LookupBenchmark {

    static final int LOOKUPS = 1024;

    @Param({"10", "1000", "100000", "1000000"})
    int n;

    String[] strings;
    ClientAddress[] addresses;
    IPv4Address[] ipaddressAddresses;
    IpSet ipguard;
    IPv4AddressTrie trie;
    int i;

    @Setup
    public void setUp() {
        BenchData data = BenchData.ipv4(n, LOOKUPS);
        strings = data.lookups;
        addresses = Competitors.parsed(strings);
        ipaddressAddresses = Competitors.ipaddressParsedV4(strings);
        ipguard = Competitors.ipguard(data.cidrs);
        trie = Competitors.ipaddressV4(data.cidrs);
        Competitors.checkAgrees("IPAddress trie", ipguard, strings, s -> Competitors.contains(trie, s));
    }

    private int next() {
        return i++ & (LOOKUPS - 1);
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

    @Benchmark
    public boolean ipaddressTrieFromString() {
        return trie.elementContains(new IPAddressString(strings[next()]).getAddress().toIPv4());
    }
}
