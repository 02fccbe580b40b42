package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.ts4kit.codec.CodecException;
import org.ts4kit.codec.Decoder;
import org.ts4kit.codec.InflateProvider;

/**
 * The two zlib twins on the same stream and declared size: {@link InflateProvider#zlib()} (libdeflate
 * through FFM on Java 22+) must end exactly as {@link InflateProvider#jdk()} ({@code java.util.zip.Inflater})
 * does, with the same bytes or a {@link org.ts4kit.codec.CodecException} with the same message and
 * position. Input as {@link ZlibDecoderFuzzTest}'s (whose seeds it shares): a 3-byte little-endian
 * declared size (modulo 1 MiB + 1), then the stream. The native twin is also held to
 * {@link DecoderHarness}'s rules (heap and direct buffers agree, nothing written outside the window).
 *
 * <p>On Java 17, or on a JVM where libdeflate does not load, both twins are the JDK's: the harness
 * still runs, the JDK twin against itself (a smoke test of the harness, nothing more). It means
 * something on Java 22+ with the multi-release core jar: {@code JAVA_HOME=<JDK 25> mvn -pl fuzz -am verify
 * -Dtest=InflateTwinsFuzzTest -Dfuzz.seconds=N}.
 *
 * <p>One difference is known and let through (see {@code LibdeflateDecoder}): libdeflate decodes
 * streams using the symbols DEFLATE forbids, which zlib refuses as an invalid code.
 */
class InflateTwinsFuzzTest {
    /** zlib's reasons for the one known difference: a forbidden symbol or a header declaring too many codes. */
    private static final String[] FORBIDDEN_SYMBOL = {"invalid literal/length code", "invalid distance code",
        "too many length or distance symbols"};

    @FuzzTest(maxDuration = "2m")
    void inflate(byte[] data) {
        int from = DecoderHarness.streamStart(data);
        int size = DecoderHarness.declaredSize(data);
        Decoder zlib = InflateProvider.zlib();
        DecoderHarness.check(zlib, data, from, size);
        ByteBuffer src = ByteBuffer.wrap(data, from, data.length - from);
        String jdk = outcome(InflateProvider.jdk(), src, size);
        String twin = outcome(zlib, src, size);
        if (!jdk.equals(twin) && !(twin.startsWith("decoded") && forbiddenSymbol(jdk))) {
            throw new AssertionError(zlib + " and java.util.zip.Inflater disagree on " + (data.length - from)
                    + " bytes as " + size + ": " + twin + " / " + jdk);
        }
    }

    private static String outcome(Decoder decoder, ByteBuffer src, int size) {
        byte[] dst = new byte[size];
        try {
            decoder.decode(src, dst, 0, size);
            return "decoded " + size + " bytes, hash " + Arrays.hashCode(dst);
        } catch (CodecException e) {
            return "refused at " + e.position() + ": " + e.getMessage();
        }
    }

    private static boolean forbiddenSymbol(String outcome) {
        return Arrays.stream(FORBIDDEN_SYMBOL).anyMatch(outcome::endsWith);
    }
}
