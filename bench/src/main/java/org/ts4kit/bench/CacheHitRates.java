package org.ts4kit.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import org.ts4kit.cache.ResourceCache;
import org.ts4kit.telemetry.Telemetry;

/**
 * Hit rates of core's {@link ResourceCache} with LRU and with W-TinyLFU, and of Caffeine (the reference
 * W-TinyLFU, with its adaptive window), replaying one {@link CacheTrace} read-through: a look-up, and on
 * a miss a put of the resource's bytes. All three are bounded by the same bytes and weigh an entry the
 * same (its bytes plus 96). Run it with
 * <pre>
 * mvn -q -pl bench -am package -DskipTests
 * java -Xmx3g -cp bench/target/benchmarks.jar org.ts4kit.bench.CacheHitRates [--packages 2000] [--seed 1] [--epochs 4]
 * </pre>
 */
public final class CacheHitRates {
    private static final double[] SIZES = {0.01, 0.05, 0.10, 0.25};
    private static final int OVERHEAD = 96;

    private CacheHitRates() {
    }

    public static void main(String[] args) {
        int packages = 2000;
        long seed = 1;
        int epochs = 4;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--packages" -> packages = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        CacheTrace trace = CacheTrace.generate(seed, packages, epochs, 2.0, 0.9);
        System.out.printf(Locale.ROOT, "trace: %,d packages, %,d resources, %.0f MB; %d epochs of %,d Zipf(0.9) look-ups "
                + "and a full scan; %,d accesses (seed %d)%n", packages, trace.resources(), trace.totalBytes / 1e6, epochs,
                trace.lookups / epochs, trace.accesses.length, seed);
        table(trace, true, "hit rate: all accesses / look-ups / scans");
        table(trace, false, "the same look-ups without the scans: hit rate");
    }

    private static void table(CacheTrace trace, boolean scans, String title) {
        System.out.printf(Locale.ROOT, "%n%s%n| cache size | LRU | W-TinyLFU (core) | Caffeine 3.3.1 |%n|---|---|---|---|%n", title);
        byte[] zeros = new byte[trace.maxBytes()];
        for (double share : SIZES) {
            long max = (long) (share * trace.totalBytes);
            Rates lru = replay(trace, scans, ResourceCache.builder(max).policy(ResourceCache.Policy.LRU).telemetry(new Telemetry()).build(), zeros);
            Rates tiny = replay(trace, scans, ResourceCache.builder(max).policy(ResourceCache.Policy.W_TINY_LFU).telemetry(new Telemetry()).build(), zeros);
            Rates caffeine = replay(trace, scans, Caffeine.newBuilder().maximumWeight(max)
                    .<Integer, byte[]>weigher((k, v) -> v.length + OVERHEAD).executor(Runnable::run).build());
            System.out.printf(Locale.ROOT, "| %2.0f %% (%,d MB) | %s | %s | %s |%n", share * 100, max >> 20, lru, tiny, caffeine);
        }
    }

    /** Hits and accesses, of look-ups and of scans. */
    static final class Rates {
        long lookupHits;
        long scanHits;
        long lookups;
        long scans;

        void count(boolean scan, boolean hit) {
            if (scan) {
                scans++;
                scanHits += hit ? 1 : 0;
            } else {
                lookups++;
                lookupHits += hit ? 1 : 0;
            }
        }

        double all() {
            return (double) (lookupHits + scanHits) / (lookups + scans);
        }

        @Override
        public String toString() {
            return scans == 0 ? String.format(Locale.ROOT, "%.3f", all())
                    : String.format(Locale.ROOT, "%.3f / %.3f / %.3f", all(), (double) lookupHits / lookups, (double) scanHits / scans);
        }
    }

    static Rates replay(CacheTrace t, boolean scans, ResourceCache cache, byte[] zeros) {
        Rates rates = new Rates();
        for (int a : t.accesses) {
            if (a < 0 && !scans) {
                continue;
            }
            int r = a < 0 ? ~a : a;
            boolean hit = cache.get(t.packageId[r], t.type[r], 0, t.instance[r]) != null;
            if (!hit) {
                cache.put(t.packageId[r], t.type[r], 0, t.instance[r], zeros, 0, t.bytes[r]);
            }
            rates.count(a < 0, hit);
        }
        return rates;
    }

    static Rates replay(CacheTrace t, boolean scans, Cache<Integer, byte[]> cache) {
        Rates rates = new Rates();
        for (int a : t.accesses) {
            if (a < 0 && !scans) {
                continue;
            }
            int r = a < 0 ? ~a : a;
            boolean hit = cache.getIfPresent(r) != null;
            if (!hit) {
                cache.put(r, new byte[t.bytes[r]]);
            }
            rates.count(a < 0, hit);
        }
        return rates;
    }
}
