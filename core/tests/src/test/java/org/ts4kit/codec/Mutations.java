package org.ts4kit.codec;

import java.util.Arrays;
import java.util.Random;

/** Small random damage to a valid compressed stream, the kinds that happen to files in the wild. */
final class Mutations {
    /** Bytes that mean something to a RefPack or zlib decoder: command boundaries, magic, limits. */
    private static final int[] SHARP = {0x00, 0x01, 0x03, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xDF, 0xE0, 0xFB, 0xFC, 0xFF};

    private Mutations() {
    }

    static byte[] mutate(byte[] valid, Random r) {
        if (valid.length == 0) {
            return new byte[] {(byte) r.nextInt()};
        }
        byte[] b = valid.clone();
        int at = r.nextInt(b.length);
        switch (r.nextInt(6)) {
            case 0 -> {
                for (int n = 1 + r.nextInt(4); n > 0; n--) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt();
                }
                return b;
            }
            case 1 -> {
                return Arrays.copyOf(b, at);
            }
            case 2 -> {
                int len = Math.min(1 + r.nextInt(8), b.length - at);
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                return out;
            }
            case 3 -> {
                byte[] inserted = TestData.random(r.nextLong(), 1 + r.nextInt(8));
                byte[] out = new byte[b.length + inserted.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(inserted, 0, out, at, inserted.length);
                System.arraycopy(b, at, out, at + inserted.length, b.length - at);
                return out;
            }
            case 4 -> {
                int from = r.nextInt(b.length);
                int len = Math.min(1 + r.nextInt(32), Math.min(b.length - from, b.length - at));
                System.arraycopy(valid, from, b, at, len);
                return b;
            }
            default -> {
                b[at] = (byte) SHARP[r.nextInt(SHARP.length)];
                return b;
            }
        }
    }
}
