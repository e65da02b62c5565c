package io.ipguard.jaxrs.benchmarks;

import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressTrie;
import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Cold cache: 10^6 CIDRs and 10^6 distinct lookup addresses, so most lookups miss the CPU caches. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ColdLookupBenchmark {

    static final int N = 1_000_000;
    static final int LOOKUPS = 1 << 20;

    ClientAddress[] addresses;
    IPv4Address[] ipaddressAddresses;
    IpSet ipguard;
    IPv4AddressTrie trie;
    int i;

    @Setup
    public void setUp() {
        BenchData data = BenchData.ipv4(N, LOOKUPS);
        addresses = Competitors.parsed(data.lookups);
        ipaddressAddresses = Competitors.ipaddressParsedV4(data.lookups);
        ipguard = Competitors.ipguard(data.cidrs);
        trie = Competitors.ipaddressV4(data.cidrs);
        String[] sample = java.util.Arrays.copyOf(data.lookups, 4096);
        Competitors.checkAgrees("IPAddress trie", ipguard, sample, s -> Competitors.contains(trie, s));
    }

    @Benchmark
    public boolean ipguardParsed() {
        return ipguard.contains(addresses[i++ & (LOOKUPS - 1)]);
    }

    @Benchmark
    public boolean ipaddressTrieParsed() {
        return trie.elementContains(ipaddressAddresses[i++ & (LOOKUPS - 1)]);
    }
}
