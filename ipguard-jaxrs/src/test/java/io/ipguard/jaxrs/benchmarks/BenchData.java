package io.ipguard.jaxrs.benchmarks;

import io.ipguard.jaxrs.internal.address.IpLiteral;
import java.util.Random;

/**
 * The seeded data every benchmark and competitor shares: CIDR blocks with prefixes mostly /16 to
 * /28, and lookup addresses of which half fall inside a block.
 */
final class BenchData {

    static final long SEED = 20261124L;

    final String[] cidrs;
    final String[] lookups;

    private BenchData(String[] cidrs, String[] lookups) {
        this.cidrs = cidrs;
        this.lookups = lookups;
    }

    /** {@code n} IPv4 blocks and {@code lookups} addresses, half of them hits. */
    static BenchData ipv4(int n, int lookups) {
        Random random = new Random(SEED + n);
        String[] cidrs = new String[n];
        int[] networks = new int[n];
        int[] prefixes = new int[n];
        for (int i = 0; i < n; i++) {
            int prefix = random.nextInt(10) < 9 ? 16 + random.nextInt(13) : 29 + random.nextInt(4);
            int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
            networks[i] = random.nextInt() & mask;
            prefixes[i] = prefix;
            cidrs[i] = IpLiteral.formatIpv4(networks[i]) + "/" + prefix;
        }
        String[] addresses = new String[lookups];
        for (int i = 0; i < lookups; i++) {
            int bits;
            if (i % 2 == 0) {
                int block = random.nextInt(n);
                int hostBits = 32 - prefixes[block];
                bits = networks[block] | (hostBits == 0 ? 0 : random.nextInt() >>> (32 - hostBits));
            } else {
                bits = random.nextInt();
            }
            addresses[i] = IpLiteral.formatIpv4(bits);
        }
        return new BenchData(cidrs, addresses);
    }

    /** {@code n} IPv6 blocks (prefixes /32 to /64, some /128) and {@code lookups} addresses, half hits. */
    static BenchData ipv6(int n, int lookups) {
        Random random = new Random(SEED + n + 6);
        String[] cidrs = new String[n];
        long[] highs = new long[n];
        int[] prefixes = new int[n];
        for (int i = 0; i < n; i++) {
            int prefix = random.nextInt(10) < 9 ? 32 + random.nextInt(33) : 128;
            long high = 0x2000_0000_0000_0000L | (random.nextLong() >>> 3);
            high = prefix >= 64 ? high : high & (-1L << (64 - prefix));
            long low = prefix == 128 ? random.nextLong() : 0;
            highs[i] = high;
            prefixes[i] = prefix;
            cidrs[i] = IpLiteral.formatIpv6(high, low) + "/" + prefix;
            if (prefix == 128) {
                cidrs[i] = IpLiteral.formatIpv6(high, low);
            }
        }
        String[] addresses = new String[lookups];
        for (int i = 0; i < lookups; i++) {
            long high;
            long low = random.nextLong();
            if (i % 2 == 0) {
                int block = random.nextInt(n);
                int prefix = prefixes[block];
                if (prefix == 128) {
                    addresses[i] = cidrs[block];
                    continue;
                }
                high = prefix >= 64 ? highs[block] : highs[block] | (random.nextLong() >>> prefix);
            } else {
                high = 0x2000_0000_0000_0000L | (random.nextLong() >>> 3);
            }
            addresses[i] = IpLiteral.formatIpv6(high, low);
        }
        return new BenchData(cidrs, addresses);
    }
}
