package io.ipguard.jaxrs.internal.address;

import java.util.Arrays;

/**
 * IPv4 ranges while a set is compiled, packed one per {@code long} (start in the upper half with
 * its sign bit flipped, end in the lower half), so that a million entries sort as primitives,
 * without a comparator or an object each.
 */
final class Ipv4Ranges {

    private long[] packed = new long[16];
    private int size;

    void add(long start, long end) {
        if (size == packed.length) {
            packed = Arrays.copyOf(packed, size * 2);
        }
        packed[size++] = pack(start, end);
    }

    private static long pack(long start, long end) {
        return ((start ^ 0x8000_0000L) << 32) | end;
    }

    static long start(long range) {
        return (range >>> 32) ^ 0x8000_0000L;
    }

    static long end(long range) {
        return range & 0xffff_ffffL;
    }

    /** Sorted by start, with overlapping and adjacent ranges merged. */
    long[] merged() {
        Arrays.sort(packed, 0, size);
        int out = 0;
        for (int i = 0; i < size; i++) {
            long start = start(packed[i]);
            long end = end(packed[i]);
            if (out > 0 && start <= end(packed[out - 1]) + 1) {
                if (end > end(packed[out - 1])) {
                    packed[out - 1] = pack(start(packed[out - 1]), end);
                }
                continue;
            }
            packed[out++] = pack(start, end);
        }
        return Arrays.copyOf(packed, out);
    }

    /** Removes every address of {@code out} from {@code in}; both sorted and merged. */
    static long[] subtract(long[] in, long[] out) {
        if (out.length == 0) {
            return in;
        }
        Ipv4Ranges result = new Ipv4Ranges();
        int j = 0;
        for (long range : in) {
            long current = start(range);
            long end = end(range);
            while (j < out.length && end(out[j]) < current) {
                j++;
            }
            for (int k = j; current <= end && k < out.length && start(out[k]) <= end; k++) {
                if (start(out[k]) > current) {
                    result.add(current, start(out[k]) - 1);
                }
                current = Math.max(current, end(out[k]) + 1);
            }
            if (current <= end) {
                result.add(current, end);
            }
        }
        return Arrays.copyOf(result.packed, result.size);
    }
}
