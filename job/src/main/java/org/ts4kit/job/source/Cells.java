package org.ts4kit.job.source;

import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.unsafe.types.UTF8String;

/** Writing one cell of an {@code UnsafeRow}: text and pixel sizes, null where there is nothing. */
final class Cells {
    private Cells() {
    }

    static void text(UnsafeRowWriter w, int c, String s) {
        if (s == null) {
            w.setNullAt(c);
        } else {
            w.write(c, UTF8String.fromString(s));
        }
    }

    private static final byte[] UPPER = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] LOWER = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * {@code digits} upper-case hex digits of {@code v} (as {@code ResourceKey.hex8/hex16} print them),
     * formatted in {@code scratch} and copied into the row: no String, no UTF-8 encoding per cell.
     */
    static void hex(UnsafeRowWriter w, int c, long v, int digits, byte[] scratch) {
        for (int i = digits - 1; i >= 0; i--, v >>>= 4) {
            scratch[i] = UPPER[(int) (v & 0xF)];
        }
        w.write(c, scratch, 0, digits);
    }

    /** {@code n} bytes of {@code src} at {@code off} in lower-case hex (as {@code Sha256.hex}); scratch holds 2n. */
    static void hexBytes(UnsafeRowWriter w, int c, byte[] src, int off, int n, byte[] scratch) {
        for (int i = 0; i < n; i++) {
            int b = src[off + i] & 0xFF;
            scratch[2 * i] = LOWER[b >>> 4];
            scratch[2 * i + 1] = LOWER[b & 0xF];
        }
        w.write(c, scratch, 0, 2 * n);
    }

    static void text(UnsafeRowWriter w, int c, UTF8String s) {
        if (s == null) {
            w.setNullAt(c);
        } else {
            w.write(c, s);
        }
    }

    static void size(UnsafeRowWriter w, int c, int v) {
        if (v < 0) {
            w.setNullAt(c);
        } else {
            w.write(c, v);
        }
    }
}
