package io.ipguard.jaxrs.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/** Measures the heap a structure keeps alive: used heap after full collections, with and without it. */
final class RetainedHeap {

    private RetainedHeap() {
    }

    static long bytes(Supplier<Object> build) {
        long before = usedAfterGc();
        Object kept = build.get();
        long after = usedAfterGc();
        if (kept.hashCode() == 42) {
            System.out.print("");
        }
        return after - before;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
