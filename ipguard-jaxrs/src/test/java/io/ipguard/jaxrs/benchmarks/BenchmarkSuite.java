package io.ipguard.jaxrs.benchmarks;

import java.util.Locale;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one JMH run, then measures retained heap. Arguments: an optional
 * regular expression selecting benchmarks (default: all), and {@code --quick} for a short smoke run.
 * Results go to {@code target/jmh-result.json}.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        String include = ".*(Lookup|LinearMatcher|Decision|Build|Lists)Benchmark.*";
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else {
                include = arg;
            }
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 1 : 5)
                .measurementTime(TimeValue.seconds(1))
                // JVM default heap: a fixed 4 GiB heap made the allocating decision benchmarks bimodal (200 ns or 1.2 us).
                .addProfiler("gc")
                .resultFormat(ResultFormatType.JSON)
                .result("target/jmh-result.json");
        new Runner(options.build()).run();
        retainedHeap();
    }

    private static void retainedHeap() {
        String[] cidrs = BenchData.ipv4(ColdLookupBenchmark.N, 2).cidrs;
        long ours = RetainedHeap.bytes(() -> Competitors.ipguard(cidrs));
        long trie = RetainedHeap.bytes(() -> Competitors.ipaddressV4(cidrs));
        long spring = RetainedHeap.bytes(() -> Competitors.spring(cidrs));
        System.out.printf(Locale.ROOT, "%nRetained heap for %,d IPv4 CIDRs:%n", cidrs.length);
        System.out.printf(Locale.ROOT, "  ipguard IpSet                 %8.1f MiB%n", ours / 1048576.0);
        System.out.printf(Locale.ROOT, "  IPAddress IPv4AddressTrie     %8.1f MiB%n", trie / 1048576.0);
        System.out.printf(Locale.ROOT, "  Spring IpAddressMatcher list  %8.1f MiB%n", spring / 1048576.0);
    }
}
