package org.ts4kit.cache;

/**
 * How many blocks a split-block Bloom filter needs for a number of items and a false-positive rate.
 *
 * <p>The textbook formula {@code (1 - e^(-kn/m))^k} assumes each item's bits land anywhere in the
 * filter. In a blocked filter they all land in one 256-bit block, and blocks fill unevenly: the number
 * of items in a block is Poisson-distributed with mean {@code n / blocks}, and a look-up in a crowded
 * block is more likely to be a false positive. So the rate is the Poisson-weighted mean of the
 * per-block rate: a block holding {@code j} items has each of its eight 32-bit words' probed bit set
 * with probability {@code 1 - (31/32)^j}. Sized by this sum the measured rate meets the target
 * ({@code BloomFilterTest}); sized by the textbook formula with k = 8, as Parquet sizes its SBBF, it
 * would come out 1.5× the target at 1 %, 2× at 0.1 % and 3× at 0.01 %. The extra bits: 10.5 per item
 * at 1 % (textbook 9.7), 16.9 at 0.1 % (14.6), 26.3 at 0.01 % (21.1).
 */
final class BloomSizing {
    /** A block's 256 bits, as 8 words of 32: one bit set per word per item. */
    static final int WORDS_PER_BLOCK = 8;
    static final int BYTES_PER_BLOCK = 32;

    private BloomSizing() {
    }

    /** The last rate asked for and the load (items per block) that meets it: most callers use one rate. */
    private static volatile double[] lastLoad = {0, 0};

    /** The expected false-positive rate of {@code blocks} blocks holding {@code items} distinct items. */
    static double fpp(long blocks, long items) {
        return items <= 0 ? 0 : fppAtLoad((double) items / blocks);
    }

    /** The rate at {@code lambda} items per block on average: it depends on nothing else. */
    static double fppAtLoad(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 10_000) {
            return 1; // every bit of every block is set, to within rounding
        }
        double logMiss = Math.log(31.0 / 32.0);
        double spread = 12 * Math.sqrt(lambda) + 40;
        long hi = (long) Math.ceil(lambda + spread);
        long lo = Math.max(0, (long) Math.floor(lambda - spread));
        double logLambda = Math.log(lambda);
        double logFactorial = 0;
        for (long j = 2; j <= lo; j++) {
            logFactorial += Math.log(j);
        }
        double sum = 0;
        for (long j = lo; j <= hi; j++) {
            if (j > lo) {
                logFactorial += Math.log(j);
            }
            double poisson = Math.exp(-lambda + j * logLambda - logFactorial);
            double wordHit = 1 - Math.exp(j * logMiss);
            sum += poisson * Math.pow(wordHit, WORDS_PER_BLOCK);
        }
        return Math.min(1, sum);
    }

    /**
     * The fewest blocks, at least 1, that keep {@code items} items at or under rate {@code fpp}. The rate
     * depends on the load alone, so the largest load that meets it is found once per rate (a bisection,
     * 60 evaluations, ~1 ms) and the count follows by division: a package's filter costs no evaluation.
     */
    static int blocksFor(long items, double fpp, int maxBlocks) {
        if (!(fpp > 0 && fpp < 1)) {
            throw new IllegalArgumentException("false-positive rate " + fpp + " is not in (0, 1)");
        }
        if (items < 0) {
            throw new IllegalArgumentException("negative item count " + items);
        }
        if (items == 0) {
            return 1;
        }
        // at most maxLoad items per block: the rate is at most fpp (it grows with the load), and one block
        // fewer would load them past it
        long blocks = Math.max(1, (long) Math.ceil(items / maxLoad(fpp)));
        if (blocks > maxBlocks) {
            throw new IllegalArgumentException(items + " items at a false-positive rate of " + fpp + " need more than "
                    + maxBlocks + " blocks (" + ((long) maxBlocks * BYTES_PER_BLOCK >> 20) + " MiB)");
        }
        return (int) blocks;
    }

    /** The largest load (items per block) whose rate is at most {@code fpp}. */
    private static double maxLoad(double fpp) {
        double[] last = lastLoad;
        if (last[0] == fpp) {
            return last[1];
        }
        double lo = 1e-9;
        double hi = 10_000;
        for (int i = 0; i < 60; i++) { // the rate grows with the load
            double mid = (lo + hi) / 2;
            if (fppAtLoad(mid) <= fpp) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lastLoad = new double[] {fpp, lo};
        return lo;
    }
}
