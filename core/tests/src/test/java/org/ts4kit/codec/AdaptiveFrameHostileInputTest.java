package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.testkit.Seeds;

/**
 * {@link AdaptiveCompressor#decompress} on frames it did not write: cut, lying, relabelled, damaged.
 * Every bad frame must end in a {@link CodecException} naming an offset inside the frame and a reason;
 * nothing else may escape, and a declared length is checked before anything is allocated for it.
 * Both decompress calls (new array, {@link ResourceBuffer}) must refuse a frame alike.
 */
class AdaptiveFrameHostileInputTest {
    static final AdaptiveCompressor COMPRESSOR = AdaptiveCompressor.defaults().withMaxLength(1 << 20);
    static final byte[] XML = TuningXmlGenerator.generate(21, 30_000);
    static final byte[] STORED = COMPRESSOR.compress(0x2F7D0004, XML);
    static final byte[] LZ4 = COMPRESSOR.compress(0x00B2D882, XML);
    static final byte[] BROTLI = COMPRESSOR.compress(0x220557DA, XML);

    static LongStream seeds() {
        return Seeds.pinnedAndRun(1L, 42L, 0x5EEDL);
    }

    /** How {@code frame} ends: its bytes, or the exception both decompress calls threw alike. */
    static CodecException outcome(AdaptiveCompressor c, byte[] frame) {
        CodecException array = null;
        byte[] bytes = null;
        try {
            bytes = c.decompress(frame);
        } catch (CodecException e) {
            array = e;
        }
        CodecException buffered = null;
        try (ResourceBuffer buffer = new ResourceBuffer(16)) {
            java.nio.ByteBuffer view = c.decompress(frame, buffer);
            byte[] viewed = new byte[view.remaining()];
            view.get(viewed);
            assertArrayEquals(bytes, viewed, "the two decompress calls disagree");
        } catch (CodecException e) {
            buffered = e;
        }
        assertEquals(array == null, buffered == null, "one call refused, the other did not: " + array + " / " + buffered);
        if (array != null) {
            assertEquals(array.getMessage(), buffered.getMessage());
            assertEquals(array.position(), buffered.position());
            assertTrue(array.position() >= 0 && array.position() <= frame.length,
                    "position " + array.position() + " outside the " + frame.length + "-byte frame: " + array.getMessage());
            assertTrue(array.getMessage() != null && !array.getMessage().isBlank());
        }
        return array;
    }

    static CodecException refused(byte[] frame, long position, String reason) {
        CodecException e = outcome(COMPRESSOR, frame);
        assertNotNull(e, "accepted a bad frame of " + frame.length + " bytes");
        assertTrue(e.getMessage().contains(reason), "expected '" + reason + "' in: " + e.getMessage());
        assertEquals(position, e.position(), e.getMessage());
        return e;
    }

    /** A frame from raw parts: method byte, the varint bytes as given, payload. */
    static byte[] frame(int method, int[] varint, byte[] payload) {
        byte[] f = new byte[1 + varint.length + payload.length];
        f[0] = (byte) method;
        for (int i = 0; i < varint.length; i++) {
            f[1 + i] = (byte) varint[i];
        }
        System.arraycopy(payload, 0, f, 1 + varint.length, payload.length);
        return f;
    }

    @Test
    void validFramesOfEveryMethodDecode() {
        for (byte[] f : new byte[][] {STORED, LZ4, BROTLI}) {
            assertEquals(null, outcome(COMPRESSOR, f));
        }
        assertEquals(CompressionMethod.NONE, methodOf(STORED));
        assertEquals(CompressionMethod.LZ4, methodOf(LZ4));
        assertEquals(CompressionMethod.BROTLI, methodOf(BROTLI));
    }

    @Test
    void headersThatLieOrEndEarlyAreRefused() {
        refused(new byte[0], 0, "empty frame: no method byte");
        refused(new byte[] {3, 0}, 0, "unknown method byte 0x03 (0 none, 1 LZ4, 2 Brotli)");
        refused(new byte[] {(byte) 0xFF}, 0, "unknown method byte 0xFF");
        refused(new byte[] {1}, 1, "frame ends inside its original length (1 bytes)");
        refused(new byte[] {2, (byte) 0x80, (byte) 0x80}, 3, "frame ends inside its original length");
        refused(frame(0, new int[] {0x80, 0x80, 0x80, 0x80, 0x80, 0x01}, new byte[0]), 6, "original length runs past 5 bytes");
        refused(frame(0, new int[] {0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, new byte[0]), 1, "original length 4294967295 does not fit 31 bits");
        refused(frame(0, new int[] {0x85, 0x00}, new byte[5]), 2, "not minimally encoded");
    }

    @Test
    void aLengthOverTheCapIsRefusedBeforeAnyAllocation() {
        for (int method = 0; method <= 2; method++) {
            // 1 MiB + 1 = 0x100001: varint 81 80 40
            refused(frame(method, new int[] {0x81, 0x80, 0x40}, new byte[10]), 1, "original length 1048577 is over the cap of 1048576 bytes");
        }
        AdaptiveCompressor defaults = AdaptiveCompressor.defaults();
        long over = Limits.maxResourceBytes() + 1;
        byte[] f = frame(1, varint(over), new byte[10]);
        CodecException e = outcome(defaults, f);
        assertNotNull(e);
        assertEquals("original length " + over + " is over the cap of " + Limits.maxResourceBytes() + " bytes (-Dts4kit.maxResourceBytes)",
                e.getMessage());
    }

    /**
     * Under the largest cap there is, a 2 GiB declared length with a few payload bytes: allocating it would
     * not fit the tests' 2 GiB heap, so these pass only because nothing is allocated before the payload says so.
     */
    @Test
    void aHugeDeclaredLengthUnderTheCapAllocatesNothingForIt() throws CodecException {
        AdaptiveCompressor uncapped = AdaptiveCompressor.defaults().withMaxLength(Limits.HARD_MAX_RESOURCE_BYTES);
        int huge = (int) Limits.HARD_MAX_RESOURCE_BYTES;
        expect(uncapped, frame(0, varint(huge), new byte[5]), "stored frame holds 5 bytes, declares " + huge);
        expect(uncapped, frame(1, varint(huge), new byte[10]), "an LZ4 block of 10 bytes cannot hold the declared " + huge);
        byte[] tiny = BrotliCodec.compress(new byte[] {1, 2, 3}, 0, 3, 5);
        // Brotli has no ratio bound: its output grows only as the stream produces it
        CodecException e = assertThrowsCodec(() -> uncapped.decompress(frame(2, varint(huge), tiny)));
        assertEquals("Brotli stream ends after 3 bytes, declared " + huge, e.getMessage());
    }

    @Test
    void payloadsThatDisagreeWithTheirLengthAreRefused() {
        int header = FrameHeader.size(XML.length);
        refused(Arrays.copyOf(STORED, STORED.length - 1), header, "stored frame holds " + (XML.length - 1) + " bytes, declares " + XML.length);
        refused(Arrays.copyOf(STORED, STORED.length + 1), header, "stored frame holds " + (XML.length + 1) + " bytes");
        byte[] brotliLonger = Arrays.copyOf(BROTLI, BROTLI.length + 3);
        CodecException e = outcome(COMPRESSOR, brotliLonger);
        assertNotNull(e, "bytes after the end of a Brotli stream");
        // every truncation of a compressed payload is refused
        for (byte[] valid : new byte[][] {LZ4, BROTLI}) {
            for (int cut = header; cut < valid.length; cut++) {
                assertNotNull(outcome(COMPRESSOR, Arrays.copyOf(valid, cut)), "accepted the first " + cut + " of " + valid.length + " bytes");
            }
        }
    }

    @Test
    void aPayloadUnderTheWrongMethodIsRefused() {
        byte[] lz4AsBrotli = LZ4.clone();
        lz4AsBrotli[0] = 2;
        assertNotNull(outcome(COMPRESSOR, lz4AsBrotli));
        byte[] brotliAsLz4 = BROTLI.clone();
        brotliAsLz4[0] = 1;
        assertNotNull(outcome(COMPRESSOR, brotliAsLz4));
        byte[] compressedAsStored = BROTLI.clone();
        compressedAsStored[0] = 0;
        refused(compressedAsStored, FrameHeader.size(XML.length), "stored frame holds");
    }

    @Test
    void corruptPayloadsAreRefusedWithAnOffsetInsideThem() {
        int header = FrameHeader.size(5);
        // LZ4: one literal, then a match 5 bytes back when 1 byte exists
        CodecException lz4 = refused2(frame(1, new int[] {5}, new byte[] {0x10, 'a', 0x05, 0x00, 0x00}), "corrupt LZ4 block");
        assertTrue(lz4.position() >= header, "inside the payload: " + lz4.position());
        // Brotli: a stream header declaring a reserved window, then noise
        byte[] noise = TestData.random(3, 200);
        noise[0] = 0x11;
        CodecException brotli = refused2(frame(2, new int[] {100}, noise), "Brotli");
        assertTrue(brotli.position() >= 2, "inside the payload: " + brotli.position());
    }

    /** Random bytes after every kind of header: decoded or refused, nothing else. */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void randomFramesNeverEscapeAsAnotherException(long seed) {
        Seeds.check(seed, () -> {
            Random r = new Random(seed);
            for (int i = 0; i < 3000 * Seeds.multiplier(); i++) {
                byte[] f = TestData.random(r.nextLong(), r.nextInt(i % 10 == 0 ? 3000 : 60));
                if (f.length > 0 && r.nextInt(4) > 0) {
                    f[0] = (byte) r.nextInt(3);
                }
                outcome(COMPRESSOR, f);
            }
        });
    }

    /** Valid frames with bytes flipped, dropped, repeated or cut: decoded or refused, nothing else. */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedFramesNeverEscapeAsAnotherException(long seed) {
        Seeds.check(seed, () -> {
            Random r = new Random(seed);
            for (int i = 0; i < 60; i++) {
                byte[] data = TuningXmlGenerator.generate(r.nextLong(), r.nextInt(20_000));
                int type = AdaptiveCompressorTest.TYPES[r.nextInt(AdaptiveCompressorTest.TYPES.length)];
                byte[] valid = COMPRESSOR.compress(type, data);
                for (int m = 0; m < 40; m++) {
                    byte[] bad = Mutations.mutate(valid, r);
                    if (outcome(COMPRESSOR, bad) == null) {
                        // accepted: then it is a frame of the length it declares (LZ4 and stored data have no checksum)
                        assertEquals(COMPRESSOR.originalLength(bad), COMPRESSOR.decompress(bad).length);
                    }
                }
            }
        });
    }

    static CodecException refused2(byte[] frame, String reason) {
        CodecException e = outcome(COMPRESSOR, frame);
        assertNotNull(e, "accepted a corrupt payload");
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        return e;
    }

    static void expect(AdaptiveCompressor c, byte[] frame, String reason) {
        CodecException e = assertThrowsCodec(() -> c.decompress(frame));
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
    }

    interface Call {
        void run() throws CodecException;
    }

    static CodecException assertThrowsCodec(Call call) {
        try {
            call.run();
        } catch (CodecException e) {
            return e;
        }
        return fail("accepted");
    }

    static CompressionMethod methodOf(byte[] frame) {
        try {
            return COMPRESSOR.method(frame);
        } catch (CodecException e) {
            throw new AssertionError(e);
        }
    }

    static int[] varint(long value) {
        int[] out = new int[5];
        int n = 0;
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out[n++] = (int) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[n++] = (int) v;
        return Arrays.copyOf(out, n);
    }
}
