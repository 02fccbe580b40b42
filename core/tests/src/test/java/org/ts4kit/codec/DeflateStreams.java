package org.ts4kit.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Adler32;

/** Builders of zlib streams for the twins' tests: hand-made DEFLATE bits, zlib framing, and damage. */
final class DeflateStreams {
    private DeflateStreams() {
    }

    /** {@code deflate} as a zlib stream: header, data, the Adler-32 of {@code content}. */
    static byte[] zlib(byte[] deflate, byte[] content) {
        Adler32 adler = new Adler32();
        adler.update(content);
        long sum = adler.getValue();
        byte[] out = new byte[2 + deflate.length + 4];
        out[0] = 0x78;
        out[1] = 0x01;
        System.arraycopy(deflate, 0, out, 2, deflate.length);
        for (int k = 0; k < 4; k++) {
            out[out.length - 1 - k] = (byte) (sum >>> (8 * k));
        }
        return out;
    }

    /** A DEFLATE bit writer: fields least significant bit first, Huffman codes most significant bit first. */
    static final class Bits {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        private int acc;
        private int n;

        Bits bits(int value, int count) {
            for (int k = 0; k < count; k++) {
                acc |= ((value >>> k) & 1) << n;
                if (++n == 8) {
                    out.write(acc);
                    acc = 0;
                    n = 0;
                }
            }
            return this;
        }

        Bits code(int code, int length) {
            for (int k = length - 1; k >= 0; k--) {
                bits((code >>> k) & 1, 1);
            }
            return this;
        }

        Bits align() {
            return n == 0 ? this : bits(0, 8 - n);
        }

        byte[] bytes() {
            align();
            return out.toByteArray();
        }
    }

    /**
     * The damage streams suffer: declared sizes one off, truncations (into the checksum, the middle,
     * to nothing), bytes appended, a damaged checksum and header, single bit flips, and random
     * mutations.
     */
    static List<InflateTwinsTest.Stream> damaged(InflateTwinsTest.Stream s, Random r) {
        byte[] b = s.bytes();
        List<InflateTwinsTest.Stream> out = new ArrayList<>();
        out.add(new InflateTwinsTest.Stream(s.name() + ", size - 1", b, Math.max(0, s.size() - 1)));
        out.add(new InflateTwinsTest.Stream(s.name() + ", size + 1", b, s.size() + 1));
        out.add(new InflateTwinsTest.Stream(s.name() + ", zero-length", new byte[0], s.size()));
        for (int cut : new int[] {b.length - 1, b.length - 4, b.length / 2, 2, 1}) {
            if (cut >= 0 && cut < b.length) {
                out.add(new InflateTwinsTest.Stream(s.name() + ", cut to " + cut, Arrays.copyOf(b, cut), s.size()));
            }
        }
        byte[] appended = Arrays.copyOf(b, b.length + 9);
        appended[b.length] = (byte) r.nextInt();
        out.add(new InflateTwinsTest.Stream(s.name() + ", 9 bytes appended", appended, s.size()));
        byte[] twice = Arrays.copyOf(b, 2 * b.length);
        System.arraycopy(b, 0, twice, b.length, b.length);
        out.add(new InflateTwinsTest.Stream(s.name() + ", twice", twice, s.size()));
        out.add(new InflateTwinsTest.Stream(s.name() + ", twice as 2x the size", twice, 2 * s.size()));
        if (b.length > 6) {
            byte[] checksum = b.clone();
            checksum[b.length - 1 - r.nextInt(4)] ^= (byte) (1 << r.nextInt(8));
            out.add(new InflateTwinsTest.Stream(s.name() + ", damaged checksum", checksum, s.size()));
            byte[] header = b.clone();
            header[1] ^= 1;
            out.add(new InflateTwinsTest.Stream(s.name() + ", damaged header check", header, s.size()));
            byte[] dictionary = b.clone();
            dictionary[1] = (byte) withCheck(dictionary[0], (dictionary[1] & 0xC0) | 0x20); // FDICT
            out.add(new InflateTwinsTest.Stream(s.name() + ", preset dictionary flag", dictionary, s.size()));
            byte[] window = b.clone();
            window[0] = (byte) 0x88; // a 64 KiB window: CINFO 8
            window[1] = (byte) withCheck(window[0], window[1] & 0xC0);
            out.add(new InflateTwinsTest.Stream(s.name() + ", window size 8", window, s.size()));
            for (int k = 0; k < 3; k++) {
                byte[] flipped = b.clone();
                int at = 2 + r.nextInt(b.length - 6);
                flipped[at] ^= (byte) (1 << r.nextInt(8));
                out.add(new InflateTwinsTest.Stream(s.name() + ", bit flip at " + at, flipped, s.size()));
            }
        }
        for (int k = 0; k < 4; k++) {
            out.add(new InflateTwinsTest.Stream(s.name() + ", mutation " + k, Mutations.mutate(b, r), s.size()));
        }
        return out;
    }

    /** The second header byte with {@code flags}' upper bits and the check bits that make the pair a multiple of 31. */
    private static int withCheck(byte cmf, int flags) {
        int base = ((cmf & 0xFF) << 8) | (flags & 0xE0);
        return (flags & 0xE0) | ((31 - base % 31) % 31);
    }
}
