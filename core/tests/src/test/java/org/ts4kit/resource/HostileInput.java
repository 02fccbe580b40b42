package org.ts4kit.resource;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.ts4kit.dbpf.DbpfFormatException;

/** Checks shared by the decoders' hostile-input tests: bad bytes may only ever cost a DbpfFormatException. */
final class HostileInput {
    private HostileInput() {
    }

    interface Decoder {
        void decode(byte[] data) throws DbpfFormatException;
    }

    /**
     * Decodes {@code data}; returns the format error, or null when it decoded. Anything else
     * (IndexOutOfBounds, BufferUnderflow, NegativeArraySize, OutOfMemory…) fails the test with
     * the input in hex, so it can become a pinned case.
     */
    static DbpfFormatException decodeOrReject(Decoder decoder, byte[] data, String context) {
        try {
            decoder.decode(data);
            return null;
        } catch (DbpfFormatException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= data.length,
                    context + ": error offset " + e.offset() + " outside the " + data.length + "-byte input: " + e.getMessage());
            return e;
        } catch (Throwable t) {
            fail(context + ": " + t + " instead of DbpfFormatException for input " + hex(data), t);
            return null;
        }
    }

    /** Every proper prefix of a valid resource must be refused with a format error. */
    static void everyTruncationIsRejected(Decoder decoder, byte[] valid) {
        for (int k = 0; k < valid.length; k++) {
            byte[] cut = Arrays.copyOf(valid, k);
            if (decodeOrReject(decoder, cut, "truncated to " + k + " of " + valid.length + " bytes") == null) {
                fail("truncated to " + k + " of " + valid.length + " bytes, yet it decoded: " + hex(cut));
            }
        }
    }

    /** One random change: flipped bytes, a lying 1/2/4/8-byte field, a cut, or inserted junk. */
    static byte[] mutate(byte[] valid, Random rnd) {
        byte[] b = valid.clone();
        switch (rnd.nextInt(5)) {
            case 0: {
                int flips = 1 + rnd.nextInt(4);
                for (int i = 0; i < flips && b.length > 0; i++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
                return b;
            }
            case 1: {
                // overwrite an aligned-or-not field with an extreme value, little-endian
                int width = new int[] {1, 2, 4, 8}[rnd.nextInt(4)];
                if (b.length < width) {
                    return b;
                }
                int at = rnd.nextInt(b.length - width + 1);
                long v = new long[] {-1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x8000_0000L, 0xFFFF_FFFFL, 0xFFFFL, 0,
                        rnd.nextLong()}[rnd.nextInt(8)];
                for (int i = 0; i < width; i++) {
                    b[at + i] = (byte) (v >>> (8 * i));
                }
                return b;
            }
            case 2:
                return Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            case 3: {
                int at = rnd.nextInt(b.length + 1);
                byte[] junk = new byte[1 + rnd.nextInt(16)];
                rnd.nextBytes(junk);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                return out;
            }
            default: {
                byte[] noise = new byte[rnd.nextInt(64)];
                rnd.nextBytes(noise);
                // keep the magic sometimes, so the noise reaches past the first check
                System.arraycopy(valid, 0, noise, 0, Math.min(rnd.nextBoolean() ? 4 : 0, Math.min(valid.length, noise.length)));
                return noise;
            }
        }
    }

    static String hex(byte[] b) {
        return b.length <= 256 ? HexFormat.of().formatHex(b) : HexFormat.of().formatHex(b, 0, 256) + "… (" + b.length + " bytes)";
    }
}
