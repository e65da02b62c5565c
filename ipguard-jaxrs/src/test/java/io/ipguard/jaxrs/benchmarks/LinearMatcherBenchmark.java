package io.ipguard.jaxrs.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.util.SubnetUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The matchers Java users combine into lists by hand, on the same data as {@link Ipv4LookupBenchmark}:
 * Spring Security's {@code IpAddressMatcher} and Commons Net's {@code SubnetUtils}, both scanning the
 * list with the address String. Linear in N, so measured at N = 10 and 1,000 only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LinearMatcherBenchmark {

    @Param({"10", "1000"})
    int n;

    String[] strings;
    List<IpAddressMatcher> spring;
    List<SubnetUtils.SubnetInfo> commonsNet;
    int i;

    @Setup
    public void setUp() {
        BenchData data = BenchData.ipv4(n, Ipv4LookupBenchmark.LOOKUPS);
        strings = data.lookups;
        spring = Competitors.spring(data.cidrs);
        commonsNet = Competitors.commonsNet(data.cidrs);
        var ours = Competitors.ipguard(data.cidrs);
        Competitors.checkAgrees("Spring IpAddressMatcher list", ours, strings, s -> springMatches(spring, s));
        Competitors.checkAgrees("Commons Net SubnetUtils list", ours, strings, s -> commonsMatches(commonsNet, s));
    }

    private static boolean springMatches(List<IpAddressMatcher> matchers, String address) {
        for (IpAddressMatcher m : matchers) {
            if (m.matches(address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean commonsMatches(List<SubnetUtils.SubnetInfo> subnets, String address) {
        for (SubnetUtils.SubnetInfo s : subnets) {
            if (s.isInRange(address)) {
                return true;
            }
        }
        return false;
    }

    @Benchmark
    public boolean springIpAddressMatcherList() {
        return springMatches(spring, strings[i++ & (Ipv4LookupBenchmark.LOOKUPS - 1)]);
    }

    @Benchmark
    public boolean commonsNetSubnetUtilsList() {
        return commonsMatches(commonsNet, strings[i++ & (Ipv4LookupBenchmark.LOOKUPS - 1)]);
    }
}
