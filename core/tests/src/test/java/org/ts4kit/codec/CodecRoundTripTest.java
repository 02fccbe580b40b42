package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ts4kit.testkit.Seeds;

/**
 * {@link Lz4Codec} and {@link BrotliCodec} on their own: every data shape at the lengths where things
 * change (empty, one byte, the strategy's thresholds, Brotli's 4 KiB input chunks, 64 KiB), decoded into a
 * guarded window that must stay untouched outside it. Brotli runs at every quality on the small inputs.
 */
class CodecRoundTripTest {
    static final int[] LENGTHS = {0, 1, 2, 15, 63, 64, 127, 128, 129, 4095, 4096, 4097, 12_289, 65_536, 300_001};

    static LongStream seeds() {
        return Seeds.pinnedAndRun(1L, 0x5EEDL);
    }

    /** Random, constant, periodic, runs, words and tuning XML, {@code len} bytes each. */
    static List<byte[]> shapes(Random r, int len) {
        List<byte[]> all = new ArrayList<>();
        all.add(TestData.random(r.nextLong(), len));
        all.add(TestData.constant(len, (byte) r.nextInt()));
        all.add(TestData.periodic(r.nextLong(), len, 1 + r.nextInt(300)));
        all.add(TestData.runs(r.nextLong(), len, 1 + r.nextInt(40)));
        all.add(TestData.words(r.nextLong(), len));
        all.add(Arrays.copyOf(TuningXmlGenerator.generate(r.nextLong(), len), len));
        return all;
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void lz4BlocksDecodeToTheirOriginal(long seed) {
        Seeds.check(seed, () -> {
            Random r = new Random(seed);
            for (int len : LENGTHS) {
                for (byte[] data : shapes(r, len)) {
                    byte[] block = Lz4Codec.compress(data, 0, len);
                    assertTrue(block.length <= Lz4Codec.maxCompressedLength(len));
                    Guarded out = new Guarded(len);
                    Lz4Codec.decompress(block, 0, block.length, out.array, Guarded.OFFSET, len);
                    out.assertGuardsIntact();
                    assertArrayEquals(data, out.content(), "length " + len);
                }
            }
        });
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void brotliStreamsDecodeToTheirOriginalAtEveryQuality(long seed) {
        Seeds.check(seed, () -> {
            Random r = new Random(seed);
            for (int len : LENGTHS) {
                for (byte[] data : shapes(r, len)) {
                    // every quality on small inputs; the strategy's quality and the fastest on all
                    int[] qualities = len <= 4097 ? new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11} : new int[] {1, 5};
                    for (int q : qualities) {
                        byte[] stream = BrotliCodec.compress(data, 0, len, q);
                        assertArrayEquals(data, BrotliCodec.decompress(stream, 0, stream.length, len), "length " + len + ", q" + q);
                        Guarded out = new Guarded(len);
                        BrotliCodec.decompress(stream, 0, stream.length, out.array, Guarded.OFFSET, len);
                        out.assertGuardsIntact();
                        assertArrayEquals(data, out.content());
                    }
                }
            }
        });
    }

    @Test
    void bothCodecsReadAndWriteInsideLargerArrays() throws CodecException {
        byte[] xml = TuningXmlGenerator.generate(3, 20_000);
        byte[] padded = new byte[xml.length + 100];
        System.arraycopy(xml, 0, padded, 37, xml.length);
        byte[] block = Lz4Codec.compress(padded, 37, xml.length);
        byte[] stream = BrotliCodec.compress(padded, 37, xml.length, 5);
        byte[] blockInside = new byte[block.length + 9];
        System.arraycopy(block, 0, blockInside, 9, block.length);
        byte[] streamInside = new byte[stream.length + 9];
        System.arraycopy(stream, 0, streamInside, 9, stream.length);
        byte[] back = new byte[xml.length + 3];
        Lz4Codec.decompress(blockInside, 9, block.length, back, 3, xml.length);
        assertArrayEquals(xml, Arrays.copyOfRange(back, 3, back.length));
        Arrays.fill(back, (byte) 0);
        BrotliCodec.decompress(streamInside, 9, stream.length, back, 3, xml.length);
        assertArrayEquals(xml, Arrays.copyOfRange(back, 3, back.length));
    }

    /** A bound below the input's length is "compress only if it saves": the codec gives up, inside its window. */
    @Test
    void boundedCompressionGivesUpRatherThanOverflow() {
        byte[] noise = TestData.random(9, 10_000);
        for (int bound : new int[] {0, 1, 100, 9_000}) {
            Guarded lz4 = new Guarded(bound);
            assertEquals(-1, Lz4Codec.compress(noise, 0, noise.length, lz4.array, Guarded.OFFSET, bound));
            lz4.assertGuardsIntact();
            Guarded brotli = new Guarded(bound);
            assertEquals(-1, BrotliCodec.compress(noise, 0, noise.length, 5, brotli.array, Guarded.OFFSET, bound));
            brotli.assertGuardsIntact();
        }
        byte[] text = TestData.words(9, 10_000);
        byte[] out = new byte[9_000];
        assertTrue(Lz4Codec.compress(text, 0, text.length, out, 0, out.length) > 0);
        assertTrue(BrotliCodec.compress(text, 0, text.length, 5, out, 0, out.length) > 0);
    }

    @Test
    void aDeclaredLengthThatDiffersFromTheDataIsRefused() {
        byte[] xml = TuningXmlGenerator.generate(5, 8_000);
        byte[] block = Lz4Codec.compress(xml, 0, xml.length);
        byte[] stream = BrotliCodec.compress(xml, 0, xml.length, 5);
        for (int size : new int[] {xml.length - 1, xml.length / 2, 0}) {
            assertTrue(lz4(block, size).getMessage().contains("corrupt LZ4 block, or longer than the declared " + size), "" + size);
            assertEquals("Brotli stream decodes to more than the declared " + size + " bytes", brotli(stream, size).getMessage());
        }
        for (int size : new int[] {xml.length + 1, xml.length * 2}) {
            assertEquals("LZ4 block decodes to " + xml.length + " bytes, declared " + size, lz4(block, size).getMessage());
            assertEquals("Brotli stream ends after " + xml.length + " bytes, declared " + size, brotli(stream, size).getMessage());
        }
    }

    @Test
    void anLz4BlockCannotDeclareMoreThan255BytesPerByte() {
        CodecException e = lz4(new byte[10], 10 * 255 + 17);
        assertEquals(0, e.position());
        assertEquals("an LZ4 block of 10 bytes cannot hold the declared 2567 bytes (at most 255 per byte)", e.getMessage());
    }

    @Test
    void anLz4MatchBeforeTheStartOfTheOutputIsRefused() {
        // token: 1 literal, match of 4; the literal 'a'; match offset 5, but only 1 byte was written
        byte[] block = {0x10, 'a', 0x05, 0x00, 0x00};
        CodecException e = lz4(block, 5);
        assertTrue(e.getMessage().startsWith("corrupt LZ4 block"), e.getMessage());
        assertTrue(e.position() >= 0 && e.position() <= block.length, "position " + e.position());
    }

    @Test
    void badQualitiesAndRangesAreTheCallersMistake() {
        assertThrows(IllegalArgumentException.class, () -> BrotliCodec.compress(new byte[10], 0, 10, 12));
        assertThrows(IllegalArgumentException.class, () -> BrotliCodec.compress(new byte[10], 0, 10, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> BrotliCodec.compress(new byte[10], 5, 10, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> BrotliCodec.decompress(new byte[10], 0, 10, new byte[4], 0, 5));
    }

    static CodecException lz4(byte[] block, int size) {
        return assertThrows(CodecException.class, () -> Lz4Codec.decompress(block, 0, block.length, new byte[size], 0, size));
    }

    static CodecException brotli(byte[] stream, int size) {
        CodecException grown = assertThrows(CodecException.class, () -> BrotliCodec.decompress(stream, 0, stream.length, size));
        CodecException fixed = assertThrows(CodecException.class, () -> BrotliCodec.decompress(stream, 0, stream.length, new byte[size], 0, size));
        assertEquals(grown.getMessage(), fixed.getMessage(), "both outputs refuse alike");
        assertEquals(grown.position(), fixed.position());
        return grown;
    }
}
