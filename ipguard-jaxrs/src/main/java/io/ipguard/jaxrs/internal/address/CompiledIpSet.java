package io.ipguard.jaxrs.internal.address;

import io.ipguard.jaxrs.ClientAddress;
import io.ipguard.jaxrs.IpSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable address set compiled once: per family, sorted disjoint closed ranges with the
 * exclusions already subtracted, looked up by binary search without allocating.
 *
 * <p>IPv4 bounds are stored with the sign bit flipped so that signed {@code int} order is
 * unsigned address order; IPv6 bounds are compared as unsigned 128-bit pairs.
 */
public final class CompiledIpSet implements IpSet {

    private static final long MAPPED_FIRST = 0x0000_ffff_0000_0000L;
    private static final long MAPPED_LAST = 0x0000_ffff_ffff_ffffL;
    private static final Comparator<Span> BY_START = (a, b) -> compare(a.sh, a.sl, b.sh, b.sl);

    /** Sets with fewer IPv4 ranges than this are searched directly; larger ones get the /16 index. */
    static final int INDEX_THRESHOLD = 256;

    private final int[] v4Starts;
    private final int[] v4Ends;
    /** For each /16 prefix p, the number of ranges starting below p.0.0; null for small sets. */
    private final int[] v4Index;
    private final long[] v6StartHigh;
    private final long[] v6StartLow;
    private final long[] v6EndHigh;
    private final long[] v6EndLow;
    private final String description;

    /** A closed 128-bit interval; IPv4 spans use the low 32 bits of {@code sl}/{@code el}. */
    private record Span(long sh, long sl, long eh, long el) {
    }

    private CompiledIpSet(long[] v4, List<Span> v6, int entries) {
        v4Starts = new int[v4.length];
        v4Ends = new int[v4.length];
        for (int i = 0; i < v4.length; i++) {
            v4Starts[i] = (int) (v4[i] >>> 32);
            v4Ends[i] = (int) v4[i] ^ Integer.MIN_VALUE;
        }
        v4Index = v4.length < INDEX_THRESHOLD ? null : index(v4Starts);
        v6StartHigh = new long[v6.size()];
        v6StartLow = new long[v6.size()];
        v6EndHigh = new long[v6.size()];
        v6EndLow = new long[v6.size()];
        for (int i = 0; i < v6.size(); i++) {
            Span s = v6.get(i);
            v6StartHigh[i] = s.sh;
            v6StartLow[i] = s.sl;
            v6EndHigh[i] = s.eh;
            v6EndLow[i] = s.el;
        }
        description = "IpSet[" + entries + " entries, " + v4.length + " IPv4 ranges, " + v6.size() + " IPv6 ranges]";
    }

    /**
     * Builds the /16 index: a lookup then binary-searches only the ranges that start inside the
     * address's /16, usually one or two, instead of all of them.
     */
    private static int[] index(int[] flippedStarts) {
        int[] index = new int[65537];
        int j = 0;
        for (int prefix = 0; prefix < 65536; prefix++) {
            int first = (prefix << 16) ^ Integer.MIN_VALUE;
            while (j < flippedStarts.length && flippedStarts[j] < first) {
                j++;
            }
            index[prefix] = j;
        }
        index[65536] = flippedStarts.length;
        return index;
    }

    /** Compiles parsed entries; exclusions win over inclusions whatever their order. */
    public static CompiledIpSet compile(List<ListEntry> entries) {
        Ipv4Ranges v4In = new Ipv4Ranges();
        Ipv4Ranges v4Out = new Ipv4Ranges();
        List<Span> v6In = new ArrayList<>();
        List<Span> v6Out = new ArrayList<>();
        for (ListEntry e : entries) {
            if (e.ipv4()) {
                (e.exclusion() ? v4Out : v4In).add(e.startLow(), e.endLow());
                continue;
            }
            Span span = new Span(e.startHigh(), e.startLow(), e.endHigh(), e.endLow());
            (e.exclusion() ? v6Out : v6In).add(span);
            Span mapped = mappedPart(span);
            if (mapped != null) {
                // Clients in ::ffff:a.b.c.d form are matched as IPv4, so the IPv6 span covers them there.
                (e.exclusion() ? v4Out : v4In).add(mapped.sl, mapped.el);
            }
        }
        return new CompiledIpSet(Ipv4Ranges.subtract(v4In.merged(), v4Out.merged()),
                subtract(merge(v6In), merge(v6Out)), entries.size());
    }

    private static Span mappedPart(Span s) {
        if (compare(s.sh, s.sl, 0, MAPPED_LAST) > 0 || compare(s.eh, s.el, 0, MAPPED_FIRST) < 0) {
            return null;
        }
        long start = compare(s.sh, s.sl, 0, MAPPED_FIRST) < 0 ? MAPPED_FIRST : s.sl;
        long end = compare(s.eh, s.el, 0, MAPPED_LAST) > 0 ? MAPPED_LAST : s.el;
        return new Span(0, start & 0xffff_ffffL, 0, end & 0xffff_ffffL);
    }

    /** Sorts and merges overlapping or adjacent spans. */
    private static List<Span> merge(List<Span> spans) {
        spans.sort(BY_START);
        List<Span> merged = new ArrayList<>();
        for (Span s : spans) {
            if (!merged.isEmpty()) {
                Span last = merged.get(merged.size() - 1);
                boolean touches = isMax(last.eh, last.el)
                        || compare(s.sh, s.sl, last.eh + (last.el == -1L ? 1 : 0), last.el + 1) <= 0;
                if (touches) {
                    if (compare(s.eh, s.el, last.eh, last.el) > 0) {
                        merged.set(merged.size() - 1, new Span(last.sh, last.sl, s.eh, s.el));
                    }
                    continue;
                }
            }
            merged.add(s);
        }
        return merged;
    }

    /** Removes every address of {@code out} from {@code in}; both sorted, disjoint and merged. */
    private static List<Span> subtract(List<Span> in, List<Span> out) {
        List<Span> result = new ArrayList<>();
        int j = 0;
        for (Span s : in) {
            long ch = s.sh;
            long cl = s.sl;
            boolean open = true;
            while (j < out.size() && compare(out.get(j).eh, out.get(j).el, ch, cl) < 0) {
                j++;
            }
            for (int k = j; open && k < out.size() && compare(out.get(k).sh, out.get(k).sl, s.eh, s.el) <= 0; k++) {
                Span x = out.get(k);
                if (compare(x.sh, x.sl, ch, cl) > 0) {
                    result.add(new Span(ch, cl, x.sh - (x.sl == 0 ? 1 : 0), x.sl - 1));
                }
                if (compare(x.eh, x.el, s.eh, s.el) >= 0) {
                    open = false;
                } else {
                    ch = x.eh + (x.el == -1L ? 1 : 0);
                    cl = x.el + 1;
                }
            }
            if (open) {
                result.add(new Span(ch, cl, s.eh, s.el));
            }
        }
        return result;
    }

    private static boolean isMax(long high, long low) {
        return high == -1L && low == -1L;
    }

    private static int compare(long ah, long al, long bh, long bl) {
        int c = Long.compareUnsigned(ah, bh);
        return c != 0 ? c : Long.compareUnsigned(al, bl);
    }

    @Override
    public boolean contains(ClientAddress address) {
        if (!address.isKnown()) {
            return false;
        }
        if (address.isIpv4()) {
            return containsIpv4((int) Addresses.low(address));
        }
        long h = Addresses.high(address);
        long l = Addresses.low(address);
        int lo = 0;
        int hi = v6StartHigh.length - 1;
        int candidate = -1;
        // The last span whose start is <= the address is the only one that can hold it.
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(v6StartHigh[mid], v6StartLow[mid], h, l) <= 0) {
                candidate = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return candidate >= 0 && compare(h, l, v6EndHigh[candidate], v6EndLow[candidate]) <= 0;
    }

    /** Whether the IPv4 address with these 32 bits is in the set. */
    boolean containsIpv4(int bits) {
        int key = bits ^ Integer.MIN_VALUE;
        int from = 0;
        int to = v4Starts.length;
        if (v4Index != null) {
            from = v4Index[bits >>> 16];
            to = v4Index[(bits >>> 16) + 1];
        }
        // The last range starting at or below the address is the only one that can hold it;
        // when none starts inside this /16, that is the one just before it.
        int i = Arrays.binarySearch(v4Starts, from, to, key);
        int candidate = i >= 0 ? i : -i - 2;
        return candidate >= 0 && key <= v4Ends[candidate];
    }

    /**
     * The set as entries, one per disjoint range, to include it in ({@code exclusion} false) or
     * exclude it from another set; compiling them gives this set again.
     */
    public List<ListEntry> asEntries(boolean exclusion) {
        List<ListEntry> entries = new ArrayList<>(v4Starts.length + v6StartHigh.length);
        for (int i = 0; i < v4Starts.length; i++) {
            entries.add(new ListEntry(exclusion, true, 0, (v4Starts[i] ^ Integer.MIN_VALUE) & 0xffff_ffffL, 0,
                    (v4Ends[i] ^ Integer.MIN_VALUE) & 0xffff_ffffL));
        }
        for (int i = 0; i < v6StartHigh.length; i++) {
            // The IPv4-mapped part of a range is answered by the IPv4 ranges above; written as IPv6 it
            // would bring in every IPv4 address when compiled again, so it is left out.
            long sh = v6StartHigh[i];
            long sl = v6StartLow[i];
            long eh = v6EndHigh[i];
            long el = v6EndLow[i];
            boolean startsBelow = compare(sh, sl, 0, MAPPED_FIRST) < 0;
            boolean endsAbove = compare(eh, el, 0, MAPPED_LAST) > 0;
            boolean overlaps = compare(sh, sl, 0, MAPPED_LAST) <= 0 && compare(eh, el, 0, MAPPED_FIRST) >= 0;
            if (!overlaps) {
                entries.add(new ListEntry(exclusion, false, sh, sl, eh, el));
                continue;
            }
            if (startsBelow) {
                entries.add(new ListEntry(exclusion, false, sh, sl, 0, MAPPED_FIRST - 1));
            }
            if (endsAbove) {
                entries.add(new ListEntry(exclusion, false, 0, MAPPED_LAST + 1, eh, el));
            }
        }
        return entries;
    }


    /** The number of disjoint IPv4 ranges the set compiled to. */
    public int ipv4RangeCount() {
        return v4Starts.length;
    }

    /** How many IPv4 addresses the set holds. */
    public long ipv4Count() {
        long count = 0;
        for (int i = 0; i < v4Starts.length; i++) {
            count += (long) v4Ends[i] - v4Starts[i] + 1;
        }
        return count;
    }

    /** How many IPv6 addresses the set holds outside the IPv4-mapped block (whose addresses are IPv4 clients). */
    public java.math.BigInteger ipv6Count() {
        java.math.BigInteger count = java.math.BigInteger.ZERO;
        for (int i = 0; i < v6StartHigh.length; i++) {
            java.math.BigInteger start = unsigned128(v6StartHigh[i], v6StartLow[i]);
            java.math.BigInteger end = unsigned128(v6EndHigh[i], v6EndLow[i]);
            count = count.add(end.subtract(start)).add(java.math.BigInteger.ONE);
        }
        return count;
    }

    private static java.math.BigInteger unsigned128(long high, long low) {
        return new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(high).putLong(low).array());
    }

    /** Whether every IPv4 address is in the set. */
    public boolean coversAllIpv4() {
        return v4Starts.length == 1 && v4Starts[0] == Integer.MIN_VALUE && v4Ends[0] == Integer.MAX_VALUE;
    }

    /** Whether every IPv6 address is in the set (IPv4-mapped ones are IPv4 clients, and count there). */
    public boolean coversAllIpv6() {
        // IPv4-mapped addresses are IPv4 clients, answered by the IPv4 ranges: every other IPv6 address counts.
        int last = v6StartHigh.length - 1;
        return last >= 0 && v6StartHigh[0] == 0 && v6StartLow[0] == 0
                && compare(v6EndHigh[0], v6EndLow[0], 0, MAPPED_FIRST - 1) >= 0
                && compare(v6StartHigh[last], v6StartLow[last], 0, MAPPED_LAST + 1) <= 0
                && v6EndHigh[last] == -1L && v6EndLow[last] == -1L;
    }

    @Override
    public String toString() {
        return description;
    }
}
