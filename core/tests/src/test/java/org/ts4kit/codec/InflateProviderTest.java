package org.ts4kit.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link InflateProvider} picks the zlib twin: the property, a library that is not there, the
 * default on this JVM, and the sample check that refuses a native twin that disagrees.
 */
class InflateProviderTest {
    @TempDir
    Path corpusDir;

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
