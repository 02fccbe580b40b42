package org.ts4kit.search;

import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * Equality scans over the group and instance columns. These values are nearly unique per resource: a
 * bitmap per value would cost more memory than the column itself, and a scan of a million values is a
 * fraction of a millisecond (the loops are simple enough for the JIT to unroll).
 */
final class Columns {
    private Columns() {
    }

    static RoaringBitmap equal(int[] column, int value) {
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        for (int i = 0; i < column.length; i++) {
            if (column[i] == value) {
                out.add(i);
            }
        }
        return out.get();
    }

    static RoaringBitmap equal(long[] column, long value) {
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        for (int i = 0; i < column.length; i++) {
            if (column[i] == value) {
                out.add(i);
            }
        }
        return out.get();
    }

    static RoaringBitmap key(int[] types, int[] groups, long[] instances, int type, int group, long instance) {
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        for (int i = 0; i < instances.length; i++) {
            if (instances[i] == instance && types[i] == type && groups[i] == group) {
                out.add(i);
            }
        }
        return out.get();
    }
}
