package org.ts4kit.scan;

import org.ts4kit.memory.Slab;

/**
 * Sorts an array of record handles by two unsigned long fields of a {@link Slab}, without boxing:
 * a merge sort (stable, so equal keys keep package order) with insertion sort for short runs.
 */
final class IndexSort {
    private static final int INSERTION = 24;

    private IndexSort() {
    }

    static void sort(int[] rows, Slab records, int first, int second) {
        int[] tmp = rows.clone();
        mergeSort(tmp, rows, 0, rows.length, new Fields(records, first, second));
    }

    /** The two fields compared, unsigned: first, then second. */
    private static final class Fields {
        final Slab slab;
        final int first;
        final int second;

        Fields(Slab slab, int first, int second) {
            this.slab = slab;
            this.first = first;
            this.second = second;
        }

        int compare(int x, int y) {
            int c = Long.compareUnsigned(slab.get(x, first), slab.get(y, first));
            return c != 0 ? c : Long.compareUnsigned(slab.get(x, second), slab.get(y, second));
        }
    }

    /** Sorts src[from,to) into dst[from,to); both start with the same content. */
    private static void mergeSort(int[] src, int[] dst, int from, int to, Fields f) {
        if (to - from <= INSERTION) {
            for (int i = from + 1; i < to; i++) {
                int v = dst[i];
                int j = i - 1;
                while (j >= from && f.compare(dst[j], v) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid, f);
        mergeSort(dst, src, mid, to, f);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && f.compare(src[i], src[j]) <= 0)) {
                dst[k] = src[i++];
            } else {
                dst[k] = src[j++];
            }
        }
    }
}
