package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                for (Stream m : DeflateStreams.damaged(s, r)) {
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
            for (Stream m : DeflateStreams.damaged(s, r)) {
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
        DeflateStreams.Bits a = new DeflateStreams.Bits().bits(1, 1).bits(1, 2); // final, fixed Huffman
        a.code(0x30 + 'a', 8).code(0xC0 + (286 - 280), 8).code(0, 5).code(0, 7);
        byte[] lenient = new byte[259];
        Arrays.fill(lenient, (byte) 'a');
        assertForbiddenSymbol(new Stream("length symbol 286", DeflateStreams.zlib(a.bytes(), lenient), lenient.length), lenient,
                "invalid literal/length code");
    }

    @Test
    void distanceSymbol30IsRefusedByTheJdkTwinAndReadAsDistance32769ByLibdeflate() {
        // 33,000 stored bytes, then length 3 (symbol 257) at distance symbol 30, end of block
        byte[] data = TestData.random(5, 33_000);
        DeflateStreams.Bits b = new DeflateStreams.Bits().bits(0, 1).bits(0, 2).align().bits(data.length, 16).bits(~data.length & 0xFFFF, 16);
        for (byte x : data) {
            b.bits(x & 0xFF, 8);
        }
        b.bits(1, 1).bits(1, 2).code(1, 7).code(30, 5).bits(0, 14).code(0, 7);
        byte[] lenient = Arrays.copyOf(data, data.length + 3);
        System.arraycopy(data, data.length - 32_769, lenient, data.length, 3);
        assertForbiddenSymbol(new Stream("distance symbol 30", DeflateStreams.zlib(b.bytes(), lenient), lenient.length), lenient,
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
}
