package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without Brotli (no native library for the platform, or {@code -Dts4kit.brotli=off}) what would be
 * Brotli is LZ4, the reason is one line for the caller to print, and a Brotli frame met anyway is a
 * {@link CodecException} that says why, not a crash.
 */
class BrotliFallbackTest {
    static final byte[] XML = TuningXmlGenerator.generate(31, 20_000);

    @Test
    void thePropertyTurnsBrotliOff() {
        for (String value : new String[] {"off", "OFF", " false ", "no"}) {
            assertEquals("-Dts4kit.brotli=" + value, BrotliSupport.decide(value));
        }
        assertNull(BrotliSupport.decide(null), "this platform (linux-x86_64) has brotli4j's native library");
        assertNull(BrotliSupport.decide("on"));
        assertTrue(BrotliCodec.isAvailable());
        assertEquals("brotli4j (native libbrotli)", BrotliCodec.description());
    }

    @Test
    void aCompressorWithoutBrotliWritesLz4AndStillReadsBrotli() throws CodecException {
        AdaptiveCompressor lz4Only = AdaptiveCompressor.defaults().withoutBrotli();
        assertFalse(lz4Only.writesBrotli());
        byte[] frame = lz4Only.compress(0x220557DA, XML);
        assertEquals(CompressionMethod.LZ4, lz4Only.method(frame));
        assertArrayEquals(XML, lz4Only.decompress(frame));
        byte[] brotli = AdaptiveCompressor.defaults().compress(0x220557DA, XML);
        assertArrayEquals(XML, lz4Only.decompress(brotli), "frames already written still decode");
        assertTrue(lz4Only.description().endsWith("brotli: off (withoutBrotli)"), lz4Only.description());
    }

    /** The whole path in a JVM of its own, since the decision is made once per process. */
    @Test
    void aJvmWithBrotliOffFallsBackToLz4AndSaysWhy(@TempDir Path dir) throws Exception {
        Path brotliFrame = Files.write(dir.resolve("frame"), AdaptiveCompressor.defaults().compress(0x220557DA, XML));
        Path out = dir.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dts4kit.brotli=off", "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), brotliFrame.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        assertEquals(List.of(
                "available false",
                "description unavailable (-Dts4kit.brotli=off); LZ4 stands in for Brotli",
                "writes brotli false",
                "string table LZ4, round trip true",
                "brotli frame refused at " + FrameHeader.size(XML.length) + ": a Brotli stream, but Brotli is unavailable: -Dts4kit.brotli=off"), lines,
                "nothing else may be printed: the library itself stays quiet");
    }

    /** What the child JVM runs: prints what it sees, one fact per line. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            AdaptiveCompressor c = AdaptiveCompressor.defaults();
            System.out.println("available " + BrotliCodec.isAvailable());
            System.out.println("description " + BrotliCodec.description());
            System.out.println("writes brotli " + c.writesBrotli());
            byte[] frame = c.compress(0x220557DA, XML);
            System.out.println("string table " + c.method(frame) + ", round trip " + java.util.Arrays.equals(XML, c.decompress(frame)));
            try {
                c.decompress(Files.readAllBytes(Path.of(args[0])));
                System.out.println("brotli frame decoded?");
            } catch (CodecException e) {
                System.out.println("brotli frame refused at " + e.position() + ": " + e.getMessage());
            }
        }
    }
}
