package org.ts4kit.codec;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Picks the zlib decoder once, on first use, and logs the choice once at DEBUG (the CLI's
 * {@code --stats} prints it too): the native twin (libdeflate through FFM, Java 22+) when it loads
 * and agrees with the JDK twin on a sample, else {@link ZlibDecoder} ({@code java.util.zip.Inflater}).
 * {@code -Dts4kit.inflate=jdk} forces the JDK twin, {@code =native} asks for the native one (the
 * JDK twin still serves, with the reason, when it cannot load), {@code =auto} (default) picks as
 * above. {@code -Dts4kit.libdeflate=PATH} loads libdeflate from PATH instead of the usual names.
 *
 * <p>Both twins decode the same streams to the same bytes and refuse the same streams with the
 * same message: the native twin hands every stream it does not decode cleanly to the JDK twin,
 * which then either throws its precise error (offset and reason) or decodes it.
 */
public final class InflateProvider {
    public static final String PROPERTY = "ts4kit.inflate";
    public static final String LIBRARY_PROPERTY = "ts4kit.libdeflate";
    private static final System.Logger LOG = System.getLogger(InflateProvider.class.getName());

    private InflateProvider() {
    }

    /** The zlib decoder this JVM uses, decided on the first call. */
    public static Decoder zlib() {
        return Holder.CHOICE.decoder();
    }

    /** The JDK twin, whatever {@link #zlib()} picked. */
    public static Decoder jdk() {
        return ZlibDecoder.INSTANCE;
    }

    /** What {@link #zlib()} picked and why, e.g. {@code "libdeflate (libdeflate.so.0) via FFM"}. */
    public static String description() {
        return Holder.CHOICE.description();
    }

    /** Whether {@link #zlib()} is the native twin. */
    public static boolean isNative() {
        return Holder.CHOICE.decoder() != ZlibDecoder.INSTANCE;
    }

    /** A twin and the line that explains it. */
    record Choice(Decoder decoder, String description) {
    }

    /** Lazy holder: the decision runs when {@link #zlib()} is first called, and only once. */
    private static final class Holder {
        static final Choice CHOICE = logged(decide(System.getProperty(PROPERTY), System.getProperty(LIBRARY_PROPERTY)));
    }

    private static Choice logged(Choice choice) {
        LOG.log(Level.DEBUG, "ts4kit: zlib inflate: {0}", choice.description());
        return choice;
    }

    /** The decision without caching or logging, from the two properties' values (null when unset). */
    static Choice decide(String property, String library) {
        String p = property == null ? "auto" : property.trim().toLowerCase(Locale.ROOT);
        if (p.equals("jdk") || p.equals("java")) {
            return jdk("-D" + PROPERTY + "=" + property);
        }
        if (!p.equals("auto") && !p.equals("native") && !p.equals("libdeflate")) {
            return jdk("unknown -D" + PROPERTY + "=" + property + "; use auto, native or jdk");
        }
        Decoder fast;
        try {
            fast = NativeInflate.load(library);
        } catch (UnsupportedOperationException | LinkageError | IllegalArgumentException | IllegalStateException e) {
            return jdk("no native inflate: " + e.getMessage());
        }
        String mismatch = mismatch(fast);
        if (mismatch != null) {
            return jdk("native inflate " + fast + " disagrees with java.util.zip.Inflater: " + mismatch);
        }
        return new Choice(fast, fast.toString());
    }

    /**
     * Null when {@code fast} decodes a few streams (empty, text, random, large) like the JDK twin and
     * refuses a damaged one, else what differed. Runs once per JVM, in well under a millisecond.
     */
    static String mismatch(Decoder fast) {
        SplittableRandom random = new SplittableRandom(22);
        byte[] text = "<I n=\"sample\" s=\"1\"><T n=\"value\">42</T></I>\n".repeat(500).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] noise = new byte[3000];
        random.nextBytes(noise);
        for (byte[] data : new byte[][] {new byte[0], text, noise}) {
            byte[] stream = ZlibEncoder.encode(data, 0, data.length, ZlibEncoder.DEFAULT_LEVEL);
            byte[] out = new byte[data.length];
            try {
                fast.decode(ByteBuffer.wrap(stream), out, 0, data.length);
            } catch (CodecException | RuntimeException e) {
                return "a stream of " + data.length + " bytes: " + e;
            }
            if (!Arrays.equals(out, data)) {
                return "a stream of " + data.length + " bytes decoded to other bytes";
            }
            if (data.length > 0) {
                byte[] damaged = stream.clone();
                damaged[damaged.length - 1] ^= 1; // the checksum
                try {
                    fast.decode(ByteBuffer.wrap(damaged), new byte[data.length], 0, data.length);
                    return "a stream with a wrong checksum was accepted";
                } catch (CodecException expected) {
                    // refused, as it must be
                }
            }
        }
        return null;
    }

    private static Choice jdk(String reason) {
        return new Choice(ZlibDecoder.INSTANCE, "java.util.zip.Inflater (" + reason + ")");
    }
}
