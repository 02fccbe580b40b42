package org.ts4kit.codec;

import java.util.Random;

/** Inputs with known shapes for codec tests: each stresses a different part of an LZ77 encoder. */
final class TestData {
    private TestData() {
    }

    /** Incompressible: every byte random. */
    static byte[] random(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** One byte repeated: the longest possible copies, overlapping their own output. */
    static byte[] constant(int size, byte value) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, value);
        return b;
    }

    /** A random pattern of {@code period} bytes repeated: copies at one fixed distance. */
    static byte[] periodic(long seed, int size, int period) {
        byte[] pattern = random(seed, period);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = pattern[i % period];
        }
        return b;
    }

    /** Runs of one byte, 1 to {@code maxRun} long, mixed with short random stretches. */
    static byte[] runs(long seed, int size, int maxRun) {
        Random r = new Random(seed);
        byte[] b = new byte[size];
        int i = 0;
        while (i < size) {
            int len = Math.min(size - i, 1 + r.nextInt(maxRun));
            if (r.nextInt(3) == 0) {
                for (int k = 0; k < len; k++) {
                    b[i + k] = (byte) r.nextInt();
                }
            } else {
                java.util.Arrays.fill(b, i, i + len, (byte) r.nextInt(4));
            }
            i += len;
        }
        return b;
    }

    /** Text over a small vocabulary: many short and medium copies at all distances. */
    static byte[] words(long seed, int size) {
        String[] vocab = {"the ", "sim ", "buff ", "<T n=\"", "\">", "</T>\n", "  ", "loot_", "mood", "0x", "1", "42", "_on_add"};
        Random r = new Random(seed);
        byte[] b = new byte[size];
        int i = 0;
        while (i < size) {
            String w = vocab[r.nextInt(vocab.length)];
            for (int k = 0; k < w.length() && i < size; k++) {
                b[i++] = (byte) w.charAt(k);
            }
        }
        return b;
    }

    /**
     * Random data where blocks reappear exactly at the distances where RefPack's commands change
     * (1 KiB, 16 KiB, 128 KiB) and one byte either side; the input is over 128 KiB long.
     */
    static byte[] windowEdges(long seed, int blockLen) {
        int[] distances = {1023, 1024, 1025, 16383, 16384, 16385, 131071, 131072, 131073};
        int size = 131073 + distances.length * 4 * blockLen + blockLen;
        byte[] b = random(seed, size);
        int at = 131073 + blockLen;
        for (int d : distances) {
            System.arraycopy(b, at - d, b, at, blockLen);
            at += 4 * blockLen;
        }
        return b;
    }
}
