package io.ipguard.jaxrs.benchmarks;

/** Public access to the shared seeded data for benchmarks in other packages. */
public final class BenchmarkData {

    private BenchmarkData() {
    }

    /** {@code n} seeded IPv4 CIDR blocks, as {@link Ipv4LookupBenchmark} uses. */
    public static String[] ipv4Cidrs(int n) {
        return BenchData.ipv4(n, 2).cidrs;
    }
}
