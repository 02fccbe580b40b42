package org.ts4kit.codec;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decides once per JVM whether Brotli can be used: {@code -Dts4kit.brotli=off} says no; otherwise
 * brotli4j must load its native library for this platform and round-trip a sample. The answer is
 * logged once at DEBUG and kept; the library itself prints nothing, callers print
 * {@link BrotliCodec#description()} where they report (the CLI's {@code --stats} and {@code compress-report}).
 */
final class BrotliSupport {
    static final String PROPERTY = "ts4kit.brotli";
    private static final System.Logger LOG = System.getLogger(BrotliSupport.class.getName());

    private BrotliSupport() {
    }

    /** Null when Brotli works, else why not. */
    static String unavailableReason() {
        return Holder.REASON;
    }

    /** Lazy holder: the native library is loaded on first use only, and only once. */
    private static final class Holder {
        static final String REASON = logged(decide(System.getProperty(PROPERTY)));
    }

    private static String logged(String reason) {
        LOG.log(Level.DEBUG, "ts4kit: brotli: {0}", reason == null ? "brotli4j native" : "unavailable: " + reason);
        return reason;
    }

    /** The decision without caching or logging, from the property's value (null when unset). */
    static String decide(String property) {
        String p = property == null ? "on" : property.trim().toLowerCase(Locale.ROOT);
        if (p.equals("off") || p.equals("false") || p.equals("no")) {
            return "-D" + PROPERTY + "=" + property;
        }
        try {
            Brotli4jLoader.ensureAvailability();
            return roundTrip();
        } catch (LinkageError | RuntimeException e) {
            // no native library for this platform, a missing jar, or one that fails on its first call
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "brotli4j's native library did not load: " + cause;
        }
    }

    /** Null when a sample compresses and decodes back to itself, else what went wrong. */
    private static String roundTrip() {
        byte[] text = "<I n=\"sample\" s=\"1\"><T n=\"value\">42</T></I>\n".repeat(40).getBytes(StandardCharsets.UTF_8);
        byte[] stream = new byte[BrotliCodec.maxCompressedLength(text.length)];
        int n = BrotliCodec.encodeUnchecked(text, stream, 5);
        try {
            byte[] back = new byte[text.length];
            BrotliCodec.decodeUnchecked(stream, n, back);
            return Arrays.equals(back, text) ? null : "brotli4j decoded a sample to other bytes";
        } catch (CodecException e) {
            return "brotli4j failed on a sample: " + e.getMessage();
        }
    }
}
