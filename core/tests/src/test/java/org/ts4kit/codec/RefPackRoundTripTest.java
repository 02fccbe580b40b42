package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ts4kit.testkit.Seeds;

/** Whatever goes into {@link RefPackEncoder} comes back unchanged from {@link RefPackDecoder}. */
class RefPackRoundTripTest {
    private static final int[] EDGE_SIZES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 111, 112, 113, 115, 116, 1027, 1028, 1029, 1030};

    static LongStream seeds() {
        return Seeds.pinnedAndRun(1L, 20240501L);
    }

    /** Encodes, checks the worst-case size, decodes from a heap and a direct buffer into guarded arrays. */
    static byte[] assertRoundTrip(byte[] data) {
        byte[] encoded = RefPackEncoder.encode(data);
        assertTrue(encoded.length <= data.length + data.length / 112 + 8,
                "encoded " + data.length + " bytes into " + encoded.length + ", more than all literals would take");
        assertEquals(data.length, decode(ByteBuffer.wrap(encoded), data.length).length);
        assertArrayEquals(data, decode(ByteBuffer.wrap(encoded), data.length), "heap buffer");
        ByteBuffer direct = ByteBuffer.allocateDirect(encoded.length + 3);
        direct.position(3);
        direct.put(encoded).position(3);
        assertArrayEquals(data, decode(direct, data.length), "direct buffer at position 3");
        return encoded;
    }

    private static byte[] decode(ByteBuffer src, int size) {
        Guarded dst = new Guarded(size);
        int position = src.position();
        try {
            RefPackDecoder.INSTANCE.decode(src, dst.array, Guarded.OFFSET, size);
        } catch (CodecException e) {
            throw new AssertionError("the decoder rejects the encoder's output at " + e.position() + ": " + e.getMessage(), e);
        }
        assertEquals(position, src.position(), "decode must not move the buffer's position");
        dst.assertGuardsIntact();
        return dst.content();
    }

    @Test
    void emptyInputIsHeaderAndStopCommand() {
        assertArrayEquals(new byte[] {0x10, (byte) 0xFB, 0, 0, 0, (byte) 0xFC}, assertRoundTrip(new byte[0]));
    }

    @Test
    void headerDeclaresTheSizeBigEndian() throws CodecException {
        byte[] encoded = assertRoundTrip(TestData.words(3, 70_000));
        assertEquals(0x10, encoded[0]);
        assertEquals((byte) 0xFB, encoded[1]);
        assertEquals(70_000, RefPackDecoder.declaredSize(ByteBuffer.wrap(encoded)));
        assertArrayEquals(new byte[] {0x01, 0x11, 0x70}, Arrays.copyOfRange(encoded, 2, 5));
    }

    static Stream<Arguments> edgeSizesOfEveryShape() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int size : EDGE_SIZES) {
            cases.add(Arguments.of("random", size));
            cases.add(Arguments.of("zeros", size));
            cases.add(Arguments.of("period 3", size));
            cases.add(Arguments.of("words", size));
        }
        return cases.build();
    }

    /** Sizes around the literal-run limits (4, 112) and the longest copy (1028). */
    @ParameterizedTest(name = "{0}, {1} bytes")
    @MethodSource("edgeSizesOfEveryShape")
    void edgeSizesRoundTrip(String shape, int size) {
        IntFunction<byte[]> make = shape.equals("random") ? n -> TestData.random(size, n)
                : shape.equals("zeros") ? n -> new byte[n]
                : shape.equals("period 3") ? n -> TestData.periodic(size, n, 3)
                : n -> TestData.words(size, n);
        assertRoundTrip(make.apply(size));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void randomDataRoundTripsAtRandomSizes(long seed) {
        Seeds.check(seed, () -> {
            Random r = new Random(seed);
            for (int i = 0; i < 40; i++) {
                int size = r.nextInt(i < 30 ? 3000 : 200_000);
                assertRoundTrip(TestData.random(r.nextLong(), size));
            }
        });
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void structuredDataRoundTrips(long seed) {
        Seeds.check(seed, () -> {
            Random r = new Random(seed);
            for (int i = 0; i < 12; i++) {
                int size = 1 + r.nextInt(300_000);
                assertRoundTrip(TestData.periodic(r.nextLong(), size, 1 + r.nextInt(2000)));
                assertRoundTrip(TestData.runs(r.nextLong(), size, 1 + r.nextInt(5000)));
                assertRoundTrip(TestData.words(r.nextLong(), size));
            }
        });
    }

    @Test
    void runsLongerThanTheLongestCopyAreSplit() {
        byte[] zeros = TestData.constant(100_000, (byte) 0);
        byte[] encoded = assertRoundTrip(zeros);
        // 100,000 bytes need at least 98 copies of 1028 at 4 bytes each
        assertTrue(encoded.length < 100_000 / 1028 * 4 + 40, "a run of zeros should take ~4 bytes per 1028: " + encoded.length);
        assertRoundTrip(TestData.runs(7, 400_000, 20_000));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void copiesAtTheWindowLimitsRoundTrip(long seed) {
        Seeds.check(seed, () -> {
            for (int blockLen : new int[] {3, 4, 5, 10, 11, 67, 68, 1028, 1500}) {
                byte[] data = TestData.windowEdges(seed + blockLen, blockLen);
                assertTrue(data.length > 128 * 1024);
                assertRoundTrip(data);
            }
        });
    }

    /** The 4-byte command reaches 131,072 bytes back, not one byte more. */
    @Test
    void copiesReachExactly128KiBBack() {
        for (int distance : new int[] {131_072, 131_073}) {
            byte[] data = TestData.random(distance, distance + 2000);
            System.arraycopy(data, 100, data, 100 + distance, 1028);
            byte[] encoded = assertRoundTrip(data);
            int allLiterals = data.length + data.length / 112 + 6;
            if (distance == 131_072) {
                assertTrue(encoded.length <= allLiterals - 1000, "no copy from 128 KiB back: " + encoded.length);
            } else {
                assertTrue(encoded.length >= allLiterals - 20, "a copy from beyond 128 KiB: " + encoded.length);
            }
        }
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void tuningXmlRoundTrips(long seed) {
        Seeds.check(seed, () -> {
            Random r = new Random(seed);
            for (int i = 0; i < 30; i++) {
                assertRoundTrip(TuningXmlGenerator.generate(r.nextLong(), 1 + r.nextInt(60 * 1024)));
            }
        });
    }

    /** Sizes of 2^24 and more need the 4-byte size fields (flag 0x80) and a 6-byte header. */
    @Test
    void sixteenMebibytesAndMoreUseFourByteSizes() throws CodecException {
        int size = (1 << 24) + 5;
        byte[] data = new byte[size];
        byte[] xml = TuningXmlGenerator.generate(5, 60 * 1024);
        Random r = new Random(5);
        for (int at = 0; at < size; at += 4096) {
            int len = Math.min(4096, size - at);
            if (r.nextBoolean()) {
                System.arraycopy(xml, r.nextInt(xml.length - 4096), data, at, len);
            } else {
                System.arraycopy(TestData.random(r.nextLong(), len), 0, data, at, len);
            }
        }
        byte[] encoded = assertRoundTrip(data);
        assertEquals((byte) 0x90, encoded[0]);
        assertArrayEquals(new byte[] {0x01, 0x00, 0x00, 0x05}, Arrays.copyOfRange(encoded, 2, 6));
        assertEquals(size, RefPackDecoder.declaredSize(ByteBuffer.wrap(encoded)));
    }

    @Test
    void encodesOnlyTheGivenRange() {
        byte[] data = TuningXmlGenerator.generate(9, 20_000);
        byte[] slice = Arrays.copyOfRange(data, 1234, 1234 + 9000);
        assertArrayEquals(RefPackEncoder.encode(slice), RefPackEncoder.encode(data, 1234, 9000));
        assertRoundTrip(slice);
    }

    @Test
    void aReusedEncoderWritesWhatAFreshOneWrites() {
        RefPackEncoder reused = new RefPackEncoder();
        byte[] big = TestData.words(1, 300_000);
        reused.compress(big, 0, big.length);
        for (int size : new int[] {10, 5000, 70_000}) {
            byte[] data = TuningXmlGenerator.generate(size, size);
            assertArrayEquals(new RefPackEncoder().compress(data, 0, data.length), reused.compress(data, 0, data.length));
        }
    }
}
