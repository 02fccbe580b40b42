package org.ts4kit.simd;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Prints a throughput table of both {@link IndexKernels} twins on 1M index entries and 16 MiB of
 * bytes: best of several rounds, one thread. Not a test, and a rough guide (JMH would be the
 * proper tool; on a busy machine the numbers drift, and only the speedup column is meant to
 * be compared). Run it with
 * <pre>
 * mvn -o -q -pl core/tests -am test-compile
 * java --add-modules jdk.incubator.vector -cp core/target/classes:testkit/target/classes:core/tests/target/test-classes org.ts4kit.simd.KernelBench
 * </pre>
 * Arguments: {@code [entries] [match-percent]}, default {@code 1000000 2}.
 */
public final class KernelBench {
    /** Warm-up rounds, then as many timed rounds (best counts) per twin. */
    private static final int ROUNDS = 30;
    private static final int BYTES = 16 << 20;

    private KernelBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int matchPercent = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        IndexKernels scalar = IndexKernelsProvider.scalar();
        IndexKernels simd = IndexKernelsProvider.get();
        System.out.printf(Locale.ROOT, "java %s, %s; %,d entries, %d%% match the filtered type%n",
                Runtime.version(), IndexKernelsProvider.description(), n, matchPercent);
        Data d = new Data(n, matchPercent, 42);
        System.out.printf(Locale.ROOT, "%-28s %12s %12s %8s%n", "kernel", "scalar", simd.name(), "speedup");
        row("type filter (positions)", "ns/entry", n, k -> k.filterType(d.types, 0, n, Data.TARGET, d.out), scalar, simd);
        row("type filter (bitmap)", "ns/entry", n, k -> k.filterTypeBitmap(d.types, 0, n, Data.TARGET, d.bits), scalar,
                simd);
        row("type-set filter (4 types)", "ns/entry", n, k -> k.filterTypes(d.types, 0, n, d.set4, d.out), scalar, simd);
        row("type-set filter (16 types)", "ns/entry", n, k -> k.filterTypes(d.types, 0, n, d.set16, d.out), scalar,
                simd);
        row("find key (last entry)", "ns/entry", n, k -> k.findKey(d.types, d.groups, d.instances, 0, n,
                d.types[n - 1], d.groups[n - 1], d.instances[n - 1]), scalar, simd);
        row("key hash", "ns/entry", n, k -> {
            k.hashKeys(d.types, d.groups, d.instances, 0, n, d.hashes);
            return (int) d.hashes[n - 1];
        }, scalar, simd);
        row("bytes hash (16 MiB)", "GB/s", BYTES, k -> (int) k.hashBytes(d.bytes, 0, BYTES), scalar, simd);
    }

    /** One kernel run over the data, returning something so the JIT cannot drop it. */
    private interface Run {
        int run(IndexKernels k);
    }

    private static void row(String name, String unit, int units, Run run, IndexKernels scalar, IndexKernels simd) {
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        IndexKernels[] twins = {scalar, simd};
        // rounds alternate between the twins, so a busy machine slows both alike
        for (int r = 0; r < 2 * ROUNDS; r++) {
            for (int t = 0; t < 2; t++) {
                long t0 = System.nanoTime();
                sink += run.run(twins[t]);
                long ns = System.nanoTime() - t0;
                if (r >= ROUNDS) {
                    best[t] = Math.min(best[t], ns);
                }
            }
        }
        double s = (double) best[0] / units;
        double v = (double) best[1] / units;
        if (unit.equals("GB/s")) {
            System.out.printf(Locale.ROOT, "%-28s %7.2f %-4s %7.2f %-4s %7.2fx%n", name, 1 / s, unit, 1 / v, unit, s / v);
        } else {
            System.out.printf(Locale.ROOT, "%-28s %6.3f %-5s %6.3f %-5s %7.2fx%n", name, s, "ns", v, "ns", s / v);
        }
    }

    private static int sink;

    /** Index columns shaped like a package index: a few dozen types, one of them {@link #TARGET}. */
    private static final class Data {
        static final int TARGET = 0x034AEECB;
        final int[] types;
        final int[] groups;
        final long[] instances;
        final int[] out;
        final long[] bits;
        final long[] hashes;
        final int[] set4;
        final int[] set16;
        final byte[] bytes = new byte[BYTES];

        Data(int n, int matchPercent, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int[] others = new int[64];
            for (int i = 0; i < others.length; i++) {
                others[i] = r.nextInt() | 1;
            }
            types = new int[n];
            groups = new int[n];
            instances = new long[n];
            for (int i = 0; i < n; i++) {
                types[i] = r.nextInt(100) < matchPercent ? TARGET : others[r.nextInt(others.length)];
                groups[i] = r.nextInt(4) == 0 ? r.nextInt() : 0;
                instances[i] = r.nextLong();
            }
            // a set of types that matches about 4 times as many entries as TARGET
            set4 = new int[] {TARGET, 7, 9, 11};
            set16 = new int[16];
            set16[0] = TARGET;
            for (int i = 1; i < 16; i++) {
                set16[i] = 2 * i;
            }
            out = new int[n];
            bits = new long[(n + 63) / 64];
            hashes = new long[n];
            r.nextBytes(bytes);
        }
    }
}
