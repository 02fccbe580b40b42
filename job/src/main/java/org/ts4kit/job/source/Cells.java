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

    static void size(UnsafeRowWriter w, int c, int v) {
        if (v < 0) {
            w.setNullAt(c);
        } else {
            w.write(c, v);
        }
    }
}
