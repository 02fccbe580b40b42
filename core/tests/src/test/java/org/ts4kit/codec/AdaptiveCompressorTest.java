package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.testkit.RealSamples;
import org.ts4kit.testkit.Seeds;

/**
 * {@link AdaptiveCompressor} as the resource cache uses it: {@code compress(type, data, off, len)} and
 * {@code decompress(frame)} give back the original bytes, whatever the type, the bytes and the length,
 * and a frame is never larger than storing would be.
 */
class AdaptiveCompressorTest {
    static final int STRING_TABLE = 0x220557DA;
    static final int DST_IMAGE = 0x00B2D882;
    static final int PNG_IMAGE = 0x2F7D0004;
    static final int UNKNOWN = 0x12345678;
    static final int[] TYPES = {STRING_TABLE, DST_IMAGE, PNG_IMAGE, UNKNOWN, 0x6017E896 /* BuffTuning, no row */};

    static final AdaptiveCompressor COMPRESSOR = AdaptiveCompressor.defaults();

    static LongStream seeds() {
        return Seeds.pinnedAndRun(1L, 42L);
    }

    /** The frame's bytes come back from both decompress calls, its header says what it holds, and it saved or stored. */
    static void assertRoundTrip(AdaptiveCompressor c, int type, byte[] array, int off, int len) throws CodecException {
        byte[] data = java.util.Arrays.copyOfRange(array, off, off + len);
        byte[] frame = c.compress(type, array, off, len);
        assertArrayEquals(data, c.decompress(frame), "type " + Integer.toHexString(type) + ", " + len + " bytes");
        try (ResourceBuffer buffer = new ResourceBuffer(16)) {
            ByteBuffer view = c.decompress(frame, buffer);
            assertEquals(len, view.remaining());
            byte[] viewed = new byte[len];
            view.get(viewed);
            assertArrayEquals(data, viewed);
        }
        assertEquals(len, c.originalLength(frame));
        int header = FrameHeader.size(len);
        CompressionMethod method = c.method(frame);
        if (method == CompressionMethod.NONE) {
            assertEquals(header + len, frame.length, "a stored frame is header and bytes");
        } else {
            assertEquals(c.plan(type, array, off, len).method(), method, "a compressed frame uses the planned method");
            assertTrue(frame.length - header <= CompressionStrategy.maxPayload(len), "kept only when it saves 10%");
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void everyFrameDecodesToItsOriginal(long seed) {
        Seeds.check(seed, () -> {
            Random r = new Random(seed);
            for (int i = 0; i < 300 * Seeds.multiplier(); i++) {
                // mostly small resources, like a mod's; one in ten up to 400 KiB
                int len = i % 10 == 0 ? r.nextInt(400 << 10) : r.nextInt(i % 3 == 0 ? 200 : 6_000);
                List<byte[]> shapes = CodecRoundTripTest.shapes(r, len);
                byte[] data = shapes.get(r.nextInt(shapes.size()));
                int off = r.nextInt(20);
                byte[] array = new byte[off + len + r.nextInt(20)];
                System.arraycopy(data, 0, array, off, len);
                int type = TYPES[r.nextInt(TYPES.length)];
                assertRoundTrip(COMPRESSOR, type, array, off, len);
                assertRoundTrip(COMPRESSOR.withoutBrotli(), type, array, off, len);
            }
        });
    }

    @Test
    void everyMethodRoundTripsFromEmptyToLarge() throws CodecException {
        byte[] xml = TuningXmlGenerator.generate(11, 3 << 20);
        byte[] noise = TestData.random(11, 1 << 20);
        for (int len : CodecRoundTripTest.LENGTHS) {
            assertRoundTrip(COMPRESSOR, STRING_TABLE, xml, 0, len);             // Brotli from 128 bytes
            assertRoundTrip(COMPRESSOR.withoutBrotli(), STRING_TABLE, xml, 0, len); // LZ4 instead
            assertRoundTrip(COMPRESSOR, DST_IMAGE, xml, 0, len);                // LZ4
            assertRoundTrip(COMPRESSOR, UNKNOWN, noise, 0, len);                // tried, stored
            assertRoundTrip(COMPRESSOR, PNG_IMAGE, xml, 0, len);                // stored without trying
        }
        assertRoundTrip(COMPRESSOR, STRING_TABLE, xml, 0, xml.length);
        assertRoundTrip(COMPRESSOR, DST_IMAGE, xml, 0, xml.length);
    }

    @Test
    void theStrategyDecidesTheMethod() throws CodecException {
        byte[] xml = TuningXmlGenerator.generate(12, 10_000);
        assertEquals(CompressionMethod.BROTLI, COMPRESSOR.method(COMPRESSOR.compress(STRING_TABLE, xml)));
        assertEquals(CompressionMethod.BROTLI, COMPRESSOR.method(COMPRESSOR.compress(UNKNOWN, xml)), "XML is text, whatever its type");
        assertEquals(CompressionMethod.LZ4, COMPRESSOR.method(COMPRESSOR.compress(DST_IMAGE, xml)));
        assertEquals(CompressionMethod.NONE, COMPRESSOR.method(COMPRESSOR.compress(PNG_IMAGE, xml)), "a PNG is never tried");
        assertEquals(CompressionMethod.NONE, COMPRESSOR.method(COMPRESSOR.compress(UNKNOWN, TestData.random(1, 10_000))),
                "noise does not save 10%");
        assertEquals(CompressionMethod.NONE, COMPRESSOR.method(COMPRESSOR.compress(STRING_TABLE, new byte[63])), "under 64 bytes");
        assertEquals(CompressionMethod.LZ4, COMPRESSOR.method(COMPRESSOR.compress(STRING_TABLE, new byte[64])), "64 to 127: LZ4");
        assertEquals(CompressionMethod.LZ4, COMPRESSOR.withoutBrotli().method(COMPRESSOR.withoutBrotli().compress(STRING_TABLE, xml)));
    }

    /** The frame format, byte for byte: method, LEB128 length, payload. */
    @Test
    void framesAreMethodByteVarintLengthAndPayload() throws CodecException {
        byte[] ten = "0123456789".getBytes();
        byte[] frame = COMPRESSOR.compress(UNKNOWN, ten);
        assertArrayEquals(new byte[] {0, 10, '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}, frame);
        byte[] zeros = new byte[300];
        byte[] lz4 = COMPRESSOR.compress(DST_IMAGE, zeros);
        assertEquals(1, lz4[0]);
        assertEquals((byte) 0xAC, lz4[1]); // 300 = 0b10_0101100: low 7 bits with "more", then 2
        assertEquals(2, lz4[2]);
        assertArrayEquals(Lz4Codec.compress(zeros, 0, 300), java.util.Arrays.copyOfRange(lz4, 3, lz4.length));
        byte[] brotli = COMPRESSOR.compress(STRING_TABLE, zeros);
        assertEquals(2, brotli[0]);
        assertEquals(CompressionMethod.BROTLI, COMPRESSOR.method(brotli));
        assertEquals(2, FrameHeader.size(0));
        assertEquals(6, FrameHeader.size(Integer.MAX_VALUE));
    }

    @Test
    void realResourcesRoundTripAndTextShrinksWithBrotli() throws Exception {
        Path folder = RealSamples.folder();
        assumeTrue(folder != null, RealSamples.absent());
        Map<CompressionMethod, long[]> bytes = new EnumMap<>(CompressionMethod.class);
        long original = 0;
        for (Resource r : realResources(folder)) {
            assertRoundTrip(COMPRESSOR, r.type, r.bytes, 0, r.bytes.length);
            assertRoundTrip(COMPRESSOR.withoutBrotli(), r.type, r.bytes, 0, r.bytes.length);
            byte[] frame = COMPRESSOR.compress(r.type, r.bytes);
            bytes.computeIfAbsent(COMPRESSOR.method(frame), m -> new long[2])[0] += r.bytes.length;
            bytes.get(COMPRESSOR.method(frame))[1] += frame.length;
            original += r.bytes.length;
        }
        assertTrue(original > 1_000_000, "the samples hold " + original + " bytes");
        long[] text = bytes.get(CompressionMethod.BROTLI);
        assertTrue(text[1] < text[0] * 0.5, "Brotli frames: " + text[1] + " of " + text[0] + " bytes");
        long stored = bytes.values().stream().mapToLong(b -> b[1]).sum();
        assertTrue(stored < original * 0.15, "all frames: " + stored + " of " + original + " bytes");
    }

    @Test
    void threadsShareOneCompressor() throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            inputs.add(i % 2 == 0 ? TuningXmlGenerator.generate(i, 5_000 + 300 * i) : TestData.runs(i, 20_000, 30));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < inputs.size(); i++) {
                            assertRoundTrip(COMPRESSOR, i % 2 == 0 ? STRING_TABLE : DST_IMAGE, inputs.get(i), 0, inputs.get(i).length);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A type and its decompressed bytes. */
    record Resource(int type, byte[] bytes) {
    }

    /** Every live, readable resource of the real sample packages (one sample is broken on purpose). */
    static List<Resource> realResources(Path folder) throws Exception {
        List<Resource> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".package")).sorted().toList();
        }
        for (Path file : files) {
            try (DbpfPackage pkg = DbpfPackage.open(file)) {
                for (int i = 0; i < pkg.entryCount(); i++) {
                    if (!pkg.index().isDeleted(i)) {
                        all.add(new Resource(pkg.index().type(i), pkg.read(i)));
                    }
                }
            } catch (DbpfFormatException broken) {
                // the broken sample: not a resource source
            }
        }
        return all;
    }
}
