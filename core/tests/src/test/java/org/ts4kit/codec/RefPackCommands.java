package org.ts4kit.codec;

import java.io.ByteArrayOutputStream;

/**
 * Writes RefPack streams command by command, for tests that need exact (often wrong) streams.
 * Nothing is checked: a test can declare any size, copy from anywhere and stop anywhere.
 */
final class RefPackCommands {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private RefPackCommands() {
    }

    /** The usual header: flags 0x10, magic 0xFB, 3-byte big-endian size. */
    static RefPackCommands header(int size) {
        return new RefPackCommands().raw(0x10, 0xFB, size >>> 16, size >>> 8, size);
    }

    /** Any header: 4-byte sizes when flags has 0x80, a compressed-size field first when it has 0x01. */
    static RefPackCommands header(int flags, long compressedSize, long size) {
        RefPackCommands c = new RefPackCommands().raw(flags, 0xFB);
        int width = (flags & 0x80) != 0 ? 4 : 3;
        if ((flags & 0x01) != 0) {
            c.bigEndian(compressedSize, width);
        }
        return c.bigEndian(size, width);
    }

    private RefPackCommands bigEndian(long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    RefPackCommands raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    /** A literal run: {@code 0xE0 | (n - 4) / 4}, then the bytes (n is 4–112, a multiple of 4). */
    RefPackCommands literals(byte[] bytes) {
        out.write(0xE0 | ((bytes.length - 4) >> 2));
        out.writeBytes(bytes);
        return this;
    }

    /** A 2-byte copy (length 3–10, distance 1–1024) after 0–3 literals. */
    RefPackCommands copy2(byte[] lits, int length, int distance) {
        int d = distance - 1;
        raw(((d >> 8) << 5) | ((length - 3) << 2) | lits.length, d);
        out.writeBytes(lits);
        return this;
    }

    /** A 3-byte copy (length 4–67, distance 1–16384) after 0–3 literals. */
    RefPackCommands copy3(byte[] lits, int length, int distance) {
        int d = distance - 1;
        raw(0x80 | (length - 4), (lits.length << 6) | (d >> 8), d);
        out.writeBytes(lits);
        return this;
    }

    /** A 4-byte copy (length 5–1028, distance 1–131072) after 0–3 literals. */
    RefPackCommands copy4(byte[] lits, int length, int distance) {
        int d = distance - 1;
        int l = length - 5;
        raw(0xC0 | ((d >> 16) << 4) | ((l >> 8) << 2) | lits.length, d >> 8, d, l);
        out.writeBytes(lits);
        return this;
    }

    /** The stop command with 0–3 last literals. */
    RefPackCommands stop(byte... lits) {
        out.write(0xFC | lits.length);
        out.writeBytes(lits);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
