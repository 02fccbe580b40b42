package org.ts4kit.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A mod collection's resources and a session of look-ups over them, for replaying through a cache
 * ({@link CacheHitRates}). The collection: packages of a skewed number of resources (median ~12,
 * a few with hundreds), each a tuning or SimData file (55 %, ~1.2 KB compressed), a string table (5 %,
 * ~4 KB), an image (25 %, ~24 KB) or geometry and the rest (15 %, ~16 KB), sizes log-normal around
 * those medians. The session, in epochs: repeated look-ups whose popularity is Zipf-skewed (a few
 * resources asked for again and again, small ones more often: someone chasing a conflict, a tool
 * resolving names), then a full sequential scan of every resource in package order (a notebook
 * re-running its query over the Mods folder). The scans are what flush an LRU cache.
 */
final class CacheTrace {
    /** Per resource, in package order. */
    final long[] packageId;
    final int[] type;
    final long[] instance;
    final int[] bytes;
    final long totalBytes;
    /** Resource indexes in access order; a scan's accesses are stored as {@code ~index} (negative). */
    final int[] accesses;
    final int lookups;

    private CacheTrace(long[] packageId, int[] type, long[] instance, int[] bytes, int[] accesses, int lookups) {
        this.packageId = packageId;
        this.type = type;
        this.instance = instance;
        this.bytes = bytes;
        this.totalBytes = Arrays.stream(bytes).asLongStream().sum();
        this.accesses = accesses;
        this.lookups = lookups;
    }

    int resources() {
        return bytes.length;
    }

    int maxBytes() {
        return Arrays.stream(bytes).max().orElse(0);
    }

    /**
     * {@code packages} packages; {@code epochs} times: {@code lookupsPerResource × resources} look-ups
     * with Zipf exponent {@code zipf}, then one scan of all resources.
     */
    static CacheTrace generate(long seed, int packages, int epochs, double lookupsPerResource, double zipf) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] counts = new int[packages];
        int n = 0;
        for (int p = 0; p < packages; p++) {
            counts[p] = (int) Math.min(2000, Math.max(1, Math.round(Math.exp(2.5 + 1.2 * gaussian(rnd)))));
            n += counts[p];
        }
        long[] packageId = new long[n];
        int[] type = new int[n];
        long[] instance = new long[n];
        int[] bytes = new int[n];
        double[] popularity = new double[n];
        int r = 0;
        for (int p = 0; p < packages; p++) {
            long id = rnd.nextLong();
            for (int i = 0; i < counts[p]; i++, r++) {
                packageId[r] = id;
                instance[r] = rnd.nextLong();
                int kind = rnd.nextInt(100);
                double median;
                double weight;
                if (kind < 55) {
                    type[r] = 0x0333406C; // tuning
                    median = 1200;
                    weight = 3;
                } else if (kind < 60) {
                    type[r] = 0x220557DA; // string table
                    median = 4000;
                    weight = 3;
                } else if (kind < 85) {
                    type[r] = 0x00B2D882; // DST image
                    median = 24_000;
                    weight = 1;
                } else {
                    type[r] = 0x015A1849; // geometry
                    median = 16_000;
                    weight = 1;
                }
                bytes[r] = (int) Math.min(4 << 20, Math.max(64, median * Math.exp(gaussian(rnd))));
                // a weighted random order (Efraimidis-Spirakis): small, often-asked resources rank higher
                popularity[r] = Math.pow(rnd.nextDouble(), 1 / weight);
            }
        }
        int[] byRank = rankOrder(popularity);
        double[] cdf = zipfCdf(n, zipf);
        int perEpoch = (int) Math.round(lookupsPerResource * n);
        int[] accesses = new int[epochs * (perEpoch + n)];
        int a = 0;
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < perEpoch; i++) {
                accesses[a++] = byRank[rankOf(cdf, rnd.nextDouble())];
            }
            for (int i = 0; i < n; i++) {
                accesses[a++] = ~i;
            }
        }
        return new CacheTrace(packageId, type, instance, bytes, accesses, epochs * perEpoch);
    }

    /** Resource indexes by falling popularity. */
    private static int[] rankOrder(double[] popularity) {
        Integer[] order = new Integer[popularity.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(popularity[y], popularity[x]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static double[] zipfCdf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, s);
            cdf[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cdf[k] /= sum;
        }
        return cdf;
    }

    private static int rankOf(double[] cdf, double u) {
        int i = Arrays.binarySearch(cdf, u);
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
