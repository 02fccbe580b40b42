package org.ts4kit.codec;

import java.util.Arrays;

/**
 * The smallest RefPack stream any encoder can write for an input, by brute force: every match at
 * every distance, and a shortest path whose state includes the pending literal count (mod 112),
 * so literal-run headers are priced exactly. Quadratic: for inputs of a few KiB only.
 */
final class RefPackOptimum {
    private static final int INFINITE = Integer.MAX_VALUE / 2;

    private RefPackOptimum() {
    }

    /** Size in bytes of the optimal stream, header and stop command included. */
    static int size(byte[] s) {
        int n = s.length;
        int[] near = new int[n];
        int[] mid = new int[n];
        int[] far = new int[n];
        longestMatches(s, near, mid, far);
        int[][] price = new int[n + 1][112];
        for (int[] row : price) {
            Arrays.fill(row, INFINITE);
        }
        price[0][0] = 0;
        for (int i = 0; i < n; i++) {
            int best = INFINITE;
            for (int p = 0; p < 112; p++) {
                int v = price[i][p];
                if (v < INFINITE) {
                    best = Math.min(best, v);
                    int next = (p + 1) % 112;
                    price[i + 1][next] = Math.min(price[i + 1][next], v + (next == 4 ? 2 : 1));
                }
            }
            for (int len = 3; len <= Math.min(1028, n - i); len++) {
                int cost = len <= 10 && len <= near[i] ? 2 : len <= 67 && len >= 4 && len <= mid[i] ? 3 : len >= 5 && len <= far[i] ? 4 : 0;
                if (cost > 0) {
                    price[i + len][0] = Math.min(price[i + len][0], best + cost);
                }
            }
        }
        int best = Arrays.stream(price[n]).min().getAsInt();
        int header = n < (1 << 24) ? 5 : 6;
        return header + best + 1;
    }

    /** For each position, the longest match up to 1 KiB, 16 KiB and 128 KiB back (capped at 1028). */
    private static void longestMatches(byte[] s, int[] near, int[] mid, int[] far) {
        int n = s.length;
        for (int i = 0; i < n; i++) {
            int max = Math.min(1028, n - i);
            for (int j = Math.max(0, i - 131072); j < i; j++) {
                int l = 0;
                while (l < max && s[j + l] == s[i + l]) {
                    l++;
                }
                int d = i - j;
                if (d <= 1024) {
                    near[i] = Math.max(near[i], l);
                }
                if (d <= 16384) {
                    mid[i] = Math.max(mid[i], l);
                }
                far[i] = Math.max(far[i], l);
            }
        }
    }
}
