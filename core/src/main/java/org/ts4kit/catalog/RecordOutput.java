package org.ts4kit.catalog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The writing half of the saved index's encoding: little-endian fixed widths, unsigned LEB128 lengths, UTF-8 strings. */
final class RecordOutput {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    void u8(int v) {
        out.write(v);
    }

    void i32(int v) {
        for (int s = 0; s < 32; s += 8) {
            out.write(v >>> s);
        }
    }

    void i64(long v) {
        for (int s = 0; s < 64; s += 8) {
            out.write((int) (v >>> s));
        }
    }

    /** A count or length: 1 byte below 128. */
    void varint(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative length " + v);
        }
        while (v >= 0x80) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        out.write(b, 0, b.length);
    }

    /** A string that may be null: its length plus one, 0 for null. */
    void nullableString(String s) {
        if (s == null) {
            varint(0);
        } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length + 1L);
            out.write(b, 0, b.length);
        }
    }

    void bytes(byte[] b) {
        out.write(b, 0, b.length);
    }

    void bytes(java.nio.ByteBuffer b) {
        java.nio.ByteBuffer d = b.duplicate();
        while (d.hasRemaining()) {
            out.write(d.get());
        }
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
