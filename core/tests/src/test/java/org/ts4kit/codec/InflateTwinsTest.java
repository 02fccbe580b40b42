package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.zip.Adler32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.io.Sha256;
import org.ts4kit.testkit.RealSamples;
import org.ts4kit.testkit.Seeds;
import org.ts4kit.testkit.corpus.CorpusGenerator;

/**
 * The two zlib twins, {@link InflateProvider#zlib()} (libdeflate through FFM on Java 22+) and
 * {@link InflateProvider#jdk()} ({@code java.util.zip.Inflater}), on the same streams: they must
 * give the same bytes, or the same {@link CodecException} (message and offset). Every stream is
 * decoded from a heap buffer at a non-zero position, a heap slice, a read-only heap buffer and a
 * direct buffer (the native twin reads heap bytes in place and copies off-heap ones), with guard
 * bytes around the destination. When this JVM has no native twin the comparison is the JDK twin
 * against itself, so those tests are skipped with the reason; CI's Java 25 run sets
 * {@code -Dts4kit.expectNativeInflate=true} so that a missing native twin fails instead.
 */
@Timeout(300) // hang guard
class InflateTwinsTest {
    static final String EXPECT_NATIVE = "ts4kit.expectNativeInflate";

    /** A zlib stream and the size it declares, named for failure messages. */
    record Stream(String name, byte[] bytes, int size) {
    }

    @TempDir
    static Path corpusDir;
    static List<Stream> corpus;
    static Seeds.Seed seed;

    @BeforeAll
    static void zlibStreamsOfADemoCorpus() throws IOException {
        seed = Seeds.of(InflateTwinsTest.class, "corpus");
        CorpusGenerator.generate(corpusDir, 40, seed.value, 0);
        corpus = zlibStreams(corpusDir, "demo");
    }

    /** Every zlib-compressed entry's stored bytes and mem size, of every package under {@code dir} that opens. */
    static List<Stream> zlibStreams(Path dir, String label) throws IOException {
        List<Path> packages;
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            packages = all.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".package")).sorted()
                    .collect(Collectors.toList());
        }
        List<Stream> found = new ArrayList<>();
        for (Path p : packages) {
            try (DbpfPackage pkg = DbpfPackage.open(p)) {
                DbpfIndex idx = pkg.index();
                for (int i = 0; i < idx.size(); i++) {
                    if (idx.compression(i) != Compression.ZLIB) {
                        continue;
                    }
                    try {
                        ByteBuffer stored = pkg.storedBytes(i);
                        byte[] bytes = new byte[stored.remaining()];
                        stored.get(bytes);
                        found.add(new Stream(label + " " + dir.relativize(p) + "#" + i, bytes, (int) idx.memSize(i)));
                    } catch (DbpfFormatException e) {
                        // data outside the file: not a stream
                    }
                }
            } catch (DbpfFormatException e) {
                // a package broken before its index: no streams
            }
        }
        return found;
    }

    private static void assumeNativeTwin() {
        assumeTrue(InflateProvider.isNative(), "no native twin to compare: " + InflateProvider.description());
    }

    // ---- how one decode ends, from four kinds of buffer --------------------------------------------

    /** How {@code decoder} ends on {@code s} from a heap buffer at position 5, a slice, a read-only buffer and a direct buffer. */
    static List<String> outcomes(Decoder decoder, Stream s) {
        byte[] padded = new byte[s.bytes.length + 10];
        Arrays.fill(padded, (byte) 0xFF);
        System.arraycopy(s.bytes, 0, padded, 5, s.bytes.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(s.bytes.length + 8);
        direct.position(3);
        direct.put(s.bytes).flip().position(3);
        return List.of(
                "heap " + outcome(decoder, ByteBuffer.wrap(padded, 5, s.bytes.length), s.size),
                "slice " + outcome(decoder, ByteBuffer.wrap(padded, 5, s.bytes.length).slice(), s.size),
                "read-only " + outcome(decoder, ByteBuffer.wrap(padded, 5, s.bytes.length).asReadOnlyBuffer(), s.size),
                "direct " + outcome(decoder, direct, s.size));
    }

    private static String outcome(Decoder decoder, ByteBuffer src, int size) {
        Guarded dst = new Guarded(size);
        int position = src.position();
        String result;
        try {
            decoder.decode(src, dst.array, Guarded.OFFSET, size);
            result = "decoded " + size + " bytes, sha256 " + Sha256.hex(Sha256.digest(dst.content(), 0, size));
        } catch (CodecException e) {
            result = "refused at " + e.position() + ": " + e.getMessage();
        }
        dst.assertGuardsIntact();
        assertEquals(position, src.position(), "the input buffer's position moved");
        return result;
    }

    /** Both twins, every buffer kind: the same outcome. Returns it. */
    static String sameOutcome(Stream s) {
        List<String> jdk = outcomes(InflateProvider.jdk(), s);
        List<String> zlib = outcomes(InflateProvider.zlib(), s);
        assertEquals(jdk, zlib, () -> s.name + " (" + s.bytes.length + " bytes as " + s.size + "): " + InflateProvider.zlib()
                + " and java.util.zip.Inflater disagree");
        String first = jdk.get(0).substring("heap ".length());
        for (String other : jdk) {
            assertTrue(other.endsWith(first), s.name + ": buffer kinds disagree: " + jdk);
        }
        return first;
    }

    /** How many streams the native twin refused and the JDK twin then decoded; -1 when there is no native twin. */
    static long jdkRescues() {
        try {
            java.lang.reflect.Method m = Class.forName("org.ts4kit.codec.LibdeflateDecoder").getDeclaredMethod("jdkRescues");
            m.setAccessible(true);
            return (long) m.invoke(null);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    // ---- the differential tests ----------------------------------------------------------------------

    @Test
    void aBuildThatShouldHaveTheNativeTwinHasIt() {
        assumeTrue(Boolean.getBoolean(EXPECT_NATIVE), "-D" + EXPECT_NATIVE + "=true not set: a JDK twin is acceptable here");
        assertTrue(InflateProvider.isNative(), "-D" + EXPECT_NATIVE + "=true, but zlib inflate is " + InflateProvider.description());
    }

    @Test
    void everyZlibStreamOfADemoCorpusDecodesTheSameWithBothTwins() {
        assumeNativeTwin();
        assertTrue(corpus.size() > 100, "only " + corpus.size() + " zlib streams in the demo corpus");
        long rescuesBefore = jdkRescues();
        Seeds.check(seed.value, () -> {
            int decoded = 0;
            for (Stream s : corpus) {
                if (sameOutcome(s).startsWith("decoded")) {
                    decoded++;
                }
            }
            assertTrue(decoded > corpus.size() / 2, "only " + decoded + " of " + corpus.size() + " streams decode");
        });
        // the corpus's good streams are libdeflate's to decode: a twin that handed them all to the JDK
        // would agree with it trivially (its broken packages are broken in the index and the file, not in a stream)
        assertEquals(rescuesBefore, jdkRescues(), "valid streams the native twin refused and the JDK twin decoded");
    }

    @Test
    void everyZlibStreamOfTheRealSamplesDecodesTheSameWithBothTwins() throws IOException {
        assumeNativeTwin();
        Path folder = RealSamples.folder();
        assumeTrue(folder != null, RealSamples::absent);
        List<Stream> real = zlibStreams(folder, "real");
        assumeTrue(!real.isEmpty(), "no zlib streams in " + folder);
        for (Stream s : real) {
            sameOutcome(s);
        }
    }

    @Test
    void damagedStreamsAreRefusedTheSameWayByBothTwins() {
        assumeNativeTwin();
        Seeds.check(seed.value, () -> {
            Random r = new Random(seed.value);
            List<Stream> sample = new ArrayList<>(corpus);
            java.util.Collections.shuffle(sample, r);
            int refused = 0;
            int total = 0;
            for (Stream s : sample.subList(0, Math.min(120, sample.size()))) {
                for (Stream m : damaged(s, r)) {
                    total++;
                    if (sameOutcome(m).startsWith("refused")) {
                        refused++;
                    }
                }
            }
            assertTrue(refused > total / 2, "only " + refused + " of " + total + " damaged streams were refused");
        });
    }

    @Test
    void handMadeStreamsDecodeTheSameWithBothTwins() {
        assumeNativeTwin();
        byte[] text = TuningXmlGenerator.generate(7, 50_000);
        byte[] noise = TestData.random(3, 2_000_000); // stored bytes past the native twin's pooled 1 MiB input buffer
        List<Stream> streams = new ArrayList<>();
        for (int level : new int[] {0, 1, 6, 9}) {
            streams.add(new Stream("text level " + level, ZlibEncoder.encode(text, 0, text.length, level), text.length));
            streams.add(new Stream("empty level " + level, ZlibEncoder.encode(new byte[0], 0, 0, level), 0));
            streams.add(new Stream("one byte level " + level, ZlibEncoder.encode(new byte[] {42}, 0, 1, level), 1));
        }
        streams.add(new Stream("2 MB of noise", ZlibEncoder.encode(noise), noise.length));
        streams.add(new Stream("2 MB of zeros", ZlibEncoder.encode(new byte[2_000_000]), 2_000_000));
        long rescuesBefore = jdkRescues();
        for (Stream s : streams) {
            assertTrue(sameOutcome(s).startsWith("decoded"), s.name);
        }
        assertEquals(rescuesBefore, jdkRescues(), "valid streams the native twin refused and the JDK twin decoded");
        Random r = new Random(11);
        for (Stream s : streams) {
            for (Stream m : damaged(s, r)) {
                sameOutcome(m);
            }
        }
    }

    /**
     * Streams zlib refuses that libdeflate accepts: symbols the fixed Huffman code defines but DEFLATE
     * forbids (length symbol 286, which libdeflate reads as length 258; distance symbol 30, which it
     * reads as distance 32,769 when that much output precedes it), each in an otherwise well-formed
     * stream whose checksum is that of libdeflate's reading. No encoder writes these symbols, and
     * libdeflate still never writes past the declared size nor copies from before the output, but the
     * twins part here: the one known difference (see {@code LibdeflateDecoder}). The JDK twin must
     * refuse them with zlib's reason; the native twin must either refuse them the same way or decode
     * exactly libdeflate's reading. Anything else (other bytes, another error) fails.
     */
    @Test
    void lengthSymbol286IsRefusedByTheJdkTwinAndReadAsLength258ByLibdeflate() {
        // 'a', then length symbol 286 at distance 1, end of block
        Bits a = new Bits().bits(1, 1).bits(1, 2); // final, fixed Huffman
        a.code(0x30 + 'a', 8).code(0xC0 + (286 - 280), 8).code(0, 5).code(0, 7);
        byte[] lenient = new byte[259];
        Arrays.fill(lenient, (byte) 'a');
        assertForbiddenSymbol(new Stream("length symbol 286", zlib(a.bytes(), lenient), lenient.length), lenient,
                "invalid literal/length code");
    }

    @Test
    void distanceSymbol30IsRefusedByTheJdkTwinAndReadAsDistance32769ByLibdeflate() {
        // 33,000 stored bytes, then length 3 (symbol 257) at distance symbol 30, end of block
        byte[] data = TestData.random(5, 33_000);
        Bits b = new Bits().bits(0, 1).bits(0, 2).align().bits(data.length, 16).bits(~data.length & 0xFFFF, 16);
        for (byte x : data) {
            b.bits(x & 0xFF, 8);
        }
        b.bits(1, 1).bits(1, 2).code(1, 7).code(30, 5).bits(0, 14).code(0, 7);
        byte[] lenient = Arrays.copyOf(data, data.length + 3);
        System.arraycopy(data, data.length - 32_769, lenient, data.length, 3);
        assertForbiddenSymbol(new Stream("distance symbol 30", zlib(b.bytes(), lenient), lenient.length), lenient,
                "invalid distance code");
    }

    private static void assertForbiddenSymbol(Stream s, byte[] lenient, String reason) {
        List<String> jdk = outcomes(InflateProvider.jdk(), s);
        for (String o : jdk) {
            assertTrue(o.contains("refused") && o.contains(reason), s.name + ": " + o);
        }
        String lenientOutcome = "decoded " + lenient.length + " bytes, sha256 " + Sha256.hex(Sha256.digest(lenient, 0, lenient.length));
        List<String> zlib = outcomes(InflateProvider.zlib(), s);
        for (int k = 0; k < zlib.size(); k++) {
            String kind = zlib.get(k).substring(0, zlib.get(k).indexOf(' ') + 1);
            assertTrue(zlib.get(k).equals(jdk.get(k)) || zlib.get(k).equals(kind + lenientOutcome), s.name + ": " + zlib.get(k));
        }
    }

    /** {@code deflate} as a zlib stream: header, data, the Adler-32 of {@code content}. */
    private static byte[] zlib(byte[] deflate, byte[] content) {
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
    static List<Stream> damaged(Stream s, Random r) {
        byte[] b = s.bytes;
        List<Stream> out = new ArrayList<>();
        out.add(new Stream(s.name + ", size - 1", b, Math.max(0, s.size - 1)));
        out.add(new Stream(s.name + ", size + 1", b, s.size + 1));
        out.add(new Stream(s.name + ", zero-length", new byte[0], s.size));
        for (int cut : new int[] {b.length - 1, b.length - 4, b.length / 2, 2, 1}) {
            if (cut >= 0 && cut < b.length) {
                out.add(new Stream(s.name + ", cut to " + cut, Arrays.copyOf(b, cut), s.size));
            }
        }
        byte[] appended = Arrays.copyOf(b, b.length + 9);
        appended[b.length] = (byte) r.nextInt();
        out.add(new Stream(s.name + ", 9 bytes appended", appended, s.size));
        byte[] twice = Arrays.copyOf(b, 2 * b.length);
        System.arraycopy(b, 0, twice, b.length, b.length);
        out.add(new Stream(s.name + ", twice", twice, s.size));
        out.add(new Stream(s.name + ", twice as 2x the size", twice, 2 * s.size));
        if (b.length > 6) {
            byte[] checksum = b.clone();
            checksum[b.length - 1 - r.nextInt(4)] ^= (byte) (1 << r.nextInt(8));
            out.add(new Stream(s.name + ", damaged checksum", checksum, s.size));
            byte[] header = b.clone();
            header[1] ^= 1;
            out.add(new Stream(s.name + ", damaged header check", header, s.size));
            byte[] dictionary = b.clone();
            dictionary[1] = (byte) withCheck(dictionary[0], (dictionary[1] & 0xC0) | 0x20); // FDICT
            out.add(new Stream(s.name + ", preset dictionary flag", dictionary, s.size));
            byte[] window = b.clone();
            window[0] = (byte) 0x88; // a 64 KiB window: CINFO 8
            window[1] = (byte) withCheck(window[0], window[1] & 0xC0);
            out.add(new Stream(s.name + ", window size 8", window, s.size));
            for (int k = 0; k < 3; k++) {
                byte[] flipped = b.clone();
                int at = 2 + r.nextInt(b.length - 6);
                flipped[at] ^= (byte) (1 << r.nextInt(8));
                out.add(new Stream(s.name + ", bit flip at " + at, flipped, s.size));
            }
        }
        for (int k = 0; k < 4; k++) {
            out.add(new Stream(s.name + ", mutation " + k, Mutations.mutate(b, r), s.size));
        }
        return out;
    }

    /** The second header byte with {@code flags}' upper bits and the check bits that make the pair a multiple of 31. */
    private static int withCheck(byte cmf, int flags) {
        int base = ((cmf & 0xFF) << 8) | (flags & 0xE0);
        return (flags & 0xE0) | ((31 - base % 31) % 31);
    }

    // ---- the decision ----------------------------------------------------------------------------------

    @Test
    void jdkIsForcedByTheProperty() {
        for (String value : new String[] {"jdk", "JDK", " java "}) {
            InflateProvider.Choice c = InflateProvider.decide(value, null);
            assertSame(ZlibDecoder.INSTANCE, c.decoder(), value);
            assertTrue(c.description().startsWith("java.util.zip.Inflater"), c.description());
            assertTrue(c.description().contains("-D" + InflateProvider.PROPERTY + "=" + value), c.description());
        }
    }

    @Test
    void anUnknownValueFallsBackToTheJdkTwinAndSaysWhy() {
        InflateProvider.Choice c = InflateProvider.decide("fastest", null);
        assertSame(ZlibDecoder.INSTANCE, c.decoder());
        assertEquals("java.util.zip.Inflater (unknown -Dts4kit.inflate=fastest; use auto, native or jdk)", c.description());
    }

    @Test
    void aLibraryThatIsNotThereFallsBackToTheJdkTwinNamingIt() {
        String missing = corpusDir.resolve("no-such-dir").resolve("libdeflate.so.0").toString();
        for (String value : new String[] {null, "auto", "native"}) {
            InflateProvider.Choice c = InflateProvider.decide(value, missing);
            assertSame(ZlibDecoder.INSTANCE, c.decoder(), c.description());
            assertTrue(c.description().startsWith("java.util.zip.Inflater (no native inflate: "), c.description());
            if (nativeTwinCanLoad()) { // a JVM without the Java 22 classes says so instead: it never looks for a library
                assertTrue(c.description().contains(missing), c.description());
            } else {
                assertTrue(c.description().contains("Java 22"), c.description());
            }
        }
    }

    @Test
    void theDefaultDecisionPicksTheNativeTwinWhenItCanLoad() {
        InflateProvider.Choice auto = InflateProvider.decide(null, null);
        assertEquals(nativeTwinCanLoad(), auto.decoder() != ZlibDecoder.INSTANCE, auto.description());
        if (nativeTwinCanLoad()) {
            assertTrue(auto.description().startsWith("libdeflate ("), auto.description());
            assertNull(InflateProvider.mismatch(auto.decoder()));
        } else {
            assertTrue(auto.description().startsWith("java.util.zip.Inflater (no native inflate: "), auto.description());
        }
    }

    @Test
    void theSampleCheckCatchesADecoderThatDisagrees() {
        assertNull(InflateProvider.mismatch(ZlibDecoder.INSTANCE));
        assertEquals("a stream with a wrong checksum was accepted", InflateProvider.mismatch(new Decoder() {
            @Override
            public void decode(ByteBuffer src, byte[] dst, int off, int size) {
                try {
                    ZlibDecoder.INSTANCE.decode(src, dst, off, size);
                } catch (CodecException e) {
                    // lenient: what it could not decode is left as it is
                }
            }

            @Override
            public long maxRatio() {
                return ZlibDecoder.MAX_RATIO;
            }
        }));
        assertEquals("a stream of 22000 bytes decoded to other bytes", InflateProvider.mismatch(new Decoder() {
            @Override
            public void decode(ByteBuffer src, byte[] dst, int off, int size) {
                Arrays.fill(dst, off, off + size, (byte) 'x');
            }

            @Override
            public long maxRatio() {
                return ZlibDecoder.MAX_RATIO;
            }
        }));
    }

    /** Whether this JVM can load libdeflate through the Java 22 classes (the usual names, no property). */
    private static boolean nativeTwinCanLoad() {
        try {
            NativeInflate.load(null);
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
