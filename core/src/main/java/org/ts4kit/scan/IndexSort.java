package org.ts4kit.scan;

/**
 * Sorts an array of row numbers by two unsigned long columns, without boxing: a merge sort
 * (stable, so equal keys keep package order) with insertion sort for short runs.
 */
final class IndexSort {
    private static final int INSERTION = 24;

    private IndexSort() {
    }

    static void sort(int[] rows, long[] first, long[] second) {
        int[] tmp = rows.clone();
        mergeSort(tmp, rows, 0, rows.length, first, second);
    }

    /** Sorts src[from,to) into dst[from,to); both start with the same content. */
    private static void mergeSort(int[] src, int[] dst, int from, int to, long[] a, long[] b) {
        if (to - from <= INSERTION) {
            for (int i = from + 1; i < to; i++) {
                int v = dst[i];
                int j = i - 1;
                while (j >= from && compare(dst[j], v, a, b) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid, a, b);
        mergeSort(dst, src, mid, to, a, b);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(src[i], src[j], a, b) <= 0)) {
                dst[k] = src[i++];
            } else {
                dst[k] = src[j++];
            }
        }
    }

    private static int compare(int x, int y, long[] a, long[] b) {
        int c = Long.compareUnsigned(a[x], a[y]);
        return c != 0 ? c : Long.compareUnsigned(b[x], b[y]);
    }
}
