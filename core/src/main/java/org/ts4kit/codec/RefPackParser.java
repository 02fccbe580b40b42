package org.ts4kit.codec;

/**
 * Chooses RefPack commands by a near-optimal parse: a shortest path over byte positions where every
 * step is priced in output bytes exactly as the encoder will write it.
 *
 * <p>{@code price[i]} is the cheapest way found to encode the block up to position {@code i};
 * {@code lits[i]} is how many literals that path has pending at {@code i}. A literal costs one byte,
 * plus one more when it opens a new 4–112 byte literal run (run headers are the only non-additive
 * cost; 0–3 trailing literals ride free on the next command). A copy costs 2, 3 or 4 bytes by its
 * length and distance. Keeping one pending-literal count per position instead of all 112 that
 * matter makes the parse near-optimal rather than optimal; on tuning XML it comes within 0.2% of a
 * brute-force optimum.
 *
 * <p>Blocks are parsed one after another; copies do not cross a block end, and the pending
 * literal count carries over. Not thread-safe.
 */
final class RefPackParser {
    static final int BLOCK = 1 << 16;
    private static final int INFINITE = Integer.MAX_VALUE / 2;

    private final RefPackMatchFinder finder;
    private final int niceLength;
    // per position of the block: cheapest price, pending literals, and the copy that got there
    private int[] price = new int[0];
    private int[] lits = new int[0];
    private int[] copyLen = new int[0];
    private int[] copyDist = new int[0];

    /** The chosen copies of the last block, in order: start position, length, distance. */
    int[] starts = new int[0];
    int[] lengths = new int[0];
    int[] distances = new int[0];
    int count;

    RefPackParser(int maxDepth, int niceLength) {
        this.finder = new RefPackMatchFinder(maxDepth, niceLength);
        this.niceLength = niceLength;
    }

    /** Prepares for {@code src[from..end)}; working arrays grow to the largest block seen so far. */
    void reset(byte[] src, int from, int end) {
        finder.reset(src, from, end);
        int n = Math.min(BLOCK, end - from);
        if (price.length < n + 1) {
            price = new int[n + 1];
            lits = new int[n + 1];
            copyLen = new int[n + 1];
            copyDist = new int[n + 1];
            starts = new int[n / 3 + 2];
            lengths = new int[n / 3 + 2];
            distances = new int[n / 3 + 2];
        }
    }

    /**
     * Bytes one more literal costs when {@code pending} are already waiting: 1, or 2 when it makes
     * a new literal run (of 4–112) necessary and so adds the run's command byte.
     */
    static int literalPrice(int pending) {
        return (pending + 1) % 112 == 4 ? 2 : 1;
    }

    /**
     * Parses {@code [from, to)} (at most {@link #BLOCK} bytes) with {@code pendingLiterals} literals
     * waiting before {@code from}; fills {@link #starts}, {@link #lengths}, {@link #distances} and
     * {@link #count}.
     */
    void parse(int from, int to, int pendingLiterals) {
        int n = to - from;
        price[0] = 0;
        lits[0] = pendingLiterals;
        for (int i = 1; i <= n; i++) {
            price[i] = INFINITE;
        }
        int i = 0;
        while (i < n) {
            relaxLiteral(i);
            int maxLen = Math.min(RefPackMatchFinder.MAX_MATCH, n - i);
            finder.find(from + i, maxLen);
            if (finder.farLen >= niceLength) {
                // a long copy: take it whole and skip the positions inside it
                int len = finder.farLen;
                relaxCopy(i, len, finder.farDist, RefPackEncoder.cost(len, finder.farDist));
                for (int p = from + i + 1; p < from + i + len; p++) {
                    finder.insert(p);
                }
                for (int k = i + 1; k < i + len; k++) {
                    relaxLiteral(k);
                }
                i += len;
                continue;
            }
            relaxCopies(i);
            i++;
        }
        traceBack(from, n);
    }

    private void relaxLiteral(int i) {
        int p = price[i] + literalPrice(lits[i]);
        if (p < price[i + 1]) {
            price[i + 1] = p;
            lits[i + 1] = lits[i] + 1;
            copyLen[i + 1] = 0;
        }
    }

    /** Offers every copy length the finder allows at {@code i}, each at its cheapest command. */
    private void relaxCopies(int i) {
        RefPackMatchFinder f = finder;
        int twoByteMax = Math.min(10, f.nearLen);
        for (int len = 3; len <= twoByteMax; len++) {
            relaxCopy(i, len, f.nearDist, 2);
        }
        int threeByteMax = Math.min(67, f.midLen);
        for (int len = Math.max(4, twoByteMax + 1); len <= threeByteMax; len++) {
            relaxCopy(i, len, f.midDist, 3);
        }
        int fourByteMax = f.farLen;
        for (int len = Math.max(5, Math.max(twoByteMax, threeByteMax) + 1); len <= fourByteMax; len++) {
            relaxCopy(i, len, f.farDist, 4);
        }
    }

    private void relaxCopy(int i, int len, int dist, int cost) {
        int p = price[i] + cost;
        int j = i + len;
        if (p < price[j] || (p == price[j] && copyLen[j] == 0)) {
            price[j] = p;
            lits[j] = 0;
            copyLen[j] = len;
            copyDist[j] = dist;
        }
    }

    /** Walks the cheapest path back from the block end and lists its copies in order. */
    private void traceBack(int from, int n) {
        int c = 0;
        for (int j = n; j > 0; ) {
            int len = copyLen[j];
            if (len == 0) {
                j--;
            } else {
                j -= len;
                c++;
            }
        }
        count = c;
        for (int j = n; j > 0; ) {
            int len = copyLen[j];
            if (len == 0) {
                j--;
            } else {
                j -= len;
                c--;
                starts[c] = from + j;
                lengths[c] = len;
                distances[c] = copyDist[j + len];
            }
        }
    }
}
