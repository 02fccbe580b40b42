package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ts4kit.testkit.Seeds;

/**
 * {@link ZlibDecoder} on damaged and misdeclared streams. Every bad stream must end in a
 * {@link CodecException}; nothing else may escape, nothing may hang, and nothing may be written
 * outside {@code dst[off..off+size)}. Each stream is decoded from a heap buffer at a non-zero
 * position, a read-only heap buffer and a direct buffer, and all three must end the same way.
 */
class ZlibDecoderHostileInputTest {
    private static final byte[] XML = TuningXmlGenerator.generate(3, 10_000);

    static LongStream seeds() {
        return Seeds.pinnedAndRun(1L, 42L, 0x5EEDL);
    }

    /** Decodes from three kinds of buffer; returns the exception all threw, or null if all succeeded. */
    static CodecException outcome(byte[] stream, int size) {
        byte[] padded = new byte[stream.length + 10];
        System.arraycopy(stream, 0, padded, 5, stream.length);
        CodecException heap = attempt(ByteBuffer.wrap(padded, 5, stream.length), size);
        CodecException readOnly = attempt(ByteBuffer.wrap(padded, 5, stream.length).asReadOnlyBuffer(), size);
        CodecException direct = attempt(ByteBuffer.allocateDirect(stream.length).put(stream).flip(), size);
        for (CodecException other : new CodecException[] {readOnly, direct}) {
            assertEquals(heap == null, other == null, "buffer kinds disagree: " + heap + " / " + other);
            if (heap != null) {
                assertEquals(heap.getMessage(), other.getMessage());
                assertEquals(heap.position(), other.position());
            }
        }
        return heap;
    }

    private static CodecException attempt(ByteBuffer src, int size) {
        return Guarded.attempt(ZlibDecoder.INSTANCE::decode, src, size);
    }

    static CodecException rejects(byte[] stream, int size, String reason) {
        CodecException e = outcome(stream, size);
        assertNotNull(e, "accepted a bad stream of " + stream.length + " bytes as " + size);
        assertTrue(e.getMessage().contains(reason), "expected '" + reason + "' in: " + e.getMessage());
        return e;
    }

    private static byte[] decode(byte[] stream, int size) {
        Guarded dst = new Guarded(size);
        try {
            ZlibDecoder.INSTANCE.decode(ByteBuffer.wrap(stream), dst.array, Guarded.OFFSET, size);
        } catch (CodecException e) {
            throw new AssertionError(e);
        }
        dst.assertGuardsIntact();
        return dst.content();
    }

    @Test
    void validStreamsDecodeFromEveryKindOfBuffer() {
        for (byte[] data : new byte[][] {new byte[0], {42}, XML, TestData.random(5, 200_000), new byte[300_000]}) {
            for (int level : new int[] {0, 1, 6, 9}) {
                byte[] stream = ZlibEncoder.encode(data, 0, data.length, level);
                assertNull(outcome(stream, data.length));
                assertArrayEquals(data, decode(stream, data.length));
            }
        }
    }

    @Test
    void theSourcePositionIsLeftWhereItWasOnSuccessAndOnFailure() throws CodecException {
        byte[] stream = ZlibEncoder.encode(XML);
        byte[] framed = new byte[stream.length + 10];
        System.arraycopy(stream, 0, framed, 5, stream.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(framed.length).put(framed).flip();
        for (ByteBuffer src : new ByteBuffer[] {ByteBuffer.wrap(framed), direct}) {
            src.position(5).limit(5 + stream.length);
            byte[] out = new byte[XML.length];
            ZlibDecoder.INSTANCE.decode(src, out, 0, XML.length);
            assertEquals(5, src.position());
            ZlibDecoder.INSTANCE.decode(src, out, 0, XML.length); // decodes again from the same buffer
            assertArrayEquals(XML, out);
            assertThrows(CodecException.class, () -> ZlibDecoder.INSTANCE.decode(src, new byte[XML.length - 1], 0, XML.length - 1));
            assertEquals(5, src.position(), "after a failure too");
        }
    }

    @Test
    void aDamagedHeaderIsRejected() {
        byte[] stream = ZlibEncoder.encode(XML);
        byte[] wrongMethod = stream.clone();
        wrongMethod[0] = 0x79; // compression method 9 is not deflate
        rejects(wrongMethod, XML.length, "corrupt zlib data");
        byte[] wrongCheck = stream.clone();
        wrongCheck[1] ^= 1; // the two header bytes must be a multiple of 31
        rejects(wrongCheck, XML.length, "incorrect header check");
    }

    @Test
    void aDamagedBodyIsRejected() {
        byte[] stream = ZlibEncoder.encode(XML);
        byte[] reservedBlockType = stream.clone();
        reservedBlockType[2] = 0x07; // final block, type 3 (reserved)
        rejects(reservedBlockType, XML.length, "invalid block type");
    }

    @Test
    void aWrongChecksumIsRejected() {
        byte[] stream = ZlibEncoder.encode(XML);
        stream[stream.length - 1] ^= 0x40;
        rejects(stream, XML.length, "incorrect data check");
    }

    @Test
    void everyTruncationIsRejected() {
        for (int level : new int[] {0, 6}) {
            byte[] stream = ZlibEncoder.encode(XML, 0, XML.length, level);
            for (int cut = 0; cut < stream.length; cut++) {
                CodecException e = outcome(Arrays.copyOf(stream, cut), XML.length);
                assertNotNull(e, "level " + level + ", accepted the first " + cut + " of " + stream.length + " bytes");
                assertTrue(e.position() <= cut, "position " + e.position() + " past the end of " + cut + " bytes");
            }
        }
    }

    @Test
    void aStreamLongerThanTheMemSizeIsRejected() {
        byte[] stream = ZlibEncoder.encode(XML);
        for (int size : new int[] {XML.length - 1, XML.length / 2, 1, 0}) {
            rejects(stream, size, "more than the mem size of " + size + " bytes");
        }
    }

    @Test
    void aStreamShorterThanTheMemSizeIsRejected() {
        byte[] stream = ZlibEncoder.encode(XML);
        for (int size : new int[] {XML.length + 1, XML.length * 2}) {
            rejects(stream, size, "zlib stream ends after " + XML.length + " bytes, mem size is " + size);
        }
        rejects(ZlibEncoder.encode(new byte[0]), 1, "ends after 0 bytes");
    }

    @Test
    void aStreamNeedingAPresetDictionaryIsRejected() {
        Deflater d = new Deflater();
        d.setDictionary("<T n=\"".getBytes());
        d.setInput(XML);
        d.finish();
        byte[] buffer = new byte[XML.length];
        int n = d.deflate(buffer);
        d.end();
        rejects(Arrays.copyOf(buffer, n), XML.length, "preset dictionary");
    }

    @Test
    void rawDeflateAndGzipAreNotZlib() throws IOException {
        Deflater raw = new Deflater(6, true);
        raw.setInput(XML);
        raw.finish();
        byte[] buffer = new byte[XML.length];
        int n = raw.deflate(buffer);
        raw.end();
        rejects(Arrays.copyOf(buffer, n), XML.length, "corrupt zlib data");
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(XML);
        }
        rejects(gzip.toByteArray(), XML.length, "corrupt zlib data");
    }

    /** Lenient on purpose: bytes after the end of a complete stream are not looked at. */
    @Test
    void bytesAfterACompleteStreamAreIgnored() {
        byte[] stream = ZlibEncoder.encode(XML);
        byte[] padded = Arrays.copyOf(stream, stream.length + 16);
        assertNull(outcome(padded, XML.length));
        assertArrayEquals(XML, decode(padded, XML.length));
    }

    @Test
    void failedDecodesLeaveNothingBehindForTheNextOne() {
        byte[] stream = ZlibEncoder.encode(XML);
        byte[] truncated = Arrays.copyOf(stream, stream.length / 2);
        byte[] garbage = TestData.random(1, 500);
        for (int i = 0; i < 200; i++) {
            assertNotNull(outcome(i % 2 == 0 ? truncated : garbage, XML.length));
            assertArrayEquals(XML, decode(stream, XML.length));
        }
    }

    /** Random bytes, with and without a valid zlib header: decode or CodecException, nothing else. */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void randomGarbageNeverEscapesAsAnotherException(long seed) {
        Seeds.check(seed, () -> {
            Random r = new Random(seed);
            for (int i = 0; i < 3000; i++) {
                byte[] stream = TestData.random(r.nextLong(), r.nextInt(i % 10 == 0 ? 4000 : 100));
                if (stream.length >= 2 && r.nextBoolean()) {
                    stream[0] = 0x78;
                    stream[1] = (byte) 0x9C;
                }
                outcome(stream, r.nextInt(i % 3 == 0 ? 8 : 20_000));
            }
        });
    }

    /** Valid streams with bytes flipped, dropped, repeated or cut: decode or CodecException, nothing else. */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedValidStreamsNeverEscapeAsAnotherException(long seed) {
        Seeds.check(seed, () -> {
            Random r = new Random(seed);
            int rejected = 0;
            int total = 0;
            for (int i = 0; i < 40; i++) {
                byte[] data = TuningXmlGenerator.generate(r.nextLong(), r.nextInt(20_000));
                byte[] valid = ZlibEncoder.encode(data, 0, data.length, r.nextInt(10));
                for (int m = 0; m < 50; m++) {
                    total++;
                    if (outcome(Mutations.mutate(valid, r), data.length) != null) {
                        rejected++;
                    }
                }
            }
            // the checksum catches nearly every change that still inflates
            assertTrue(rejected > total * 9 / 10, "only " + rejected + " of " + total + " mutants were rejected");
        });
    }
}
