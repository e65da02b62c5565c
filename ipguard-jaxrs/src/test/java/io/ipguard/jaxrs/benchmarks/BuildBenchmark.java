package io.ipguard.jaxrs.benchmarks;

import inet.ipaddr.ipv4.IPv4AddressTrie;
import io.ipguard.jaxrs.IpSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Building a set of 10^6 CIDRs from their text, one shot at a time. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BuildBenchmark {

    String[] cidrs;

    @Setup
    public void setUp() {
        cidrs = BenchData.ipv4(ColdLookupBenchmark.N, 2).cidrs;
    }

    @Benchmark
    public IpSet ipguard() {
        return Competitors.ipguard(cidrs);
    }

    @Benchmark
    public IPv4AddressTrie ipaddressTrie() {
        return Competitors.ipaddressV4(cidrs);
    }
}
