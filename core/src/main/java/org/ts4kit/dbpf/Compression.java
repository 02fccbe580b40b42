package org.ts4kit.dbpf;

import java.util.Arrays;
import java.util.Locale;
import org.ts4kit.codec.Decoder;
import org.ts4kit.codec.InflateProvider;
import org.ts4kit.codec.RefPackDecoder;
import org.ts4kit.codec.RefPackEncoder;
import org.ts4kit.codec.StoredDecoder;
import org.ts4kit.codec.ZlibEncoder;

/**
 * The compression codes of the DBPF 2.1 index, their CLI names, and the codecs behind them: the
 * one place where a code becomes a {@link Decoder} or an encoding (the codec layer knows no codes).
 */
public final class Compression {
    public static final int NONE = 0x0000;
    public static final int ZLIB = 0x5A42;
    public static final int REFPACK = 0xFFFF;
    /** The "streamable" RefPack variant; same decoder. */
    public static final int REFPACK_STREAMABLE = 0xFFFE;
    public static final int DELETED = 0xFFE0;

    private Compression() {
    }

    /** {@code none}, {@code zlib}, {@code refpack}, {@code deleted}, or the 4 upper-case hex digits of an unknown code. */
    public static String name(int code) {
        switch (code) {
            case NONE:
                return "none";
            case ZLIB:
                return "zlib";
            case REFPACK:
            case REFPACK_STREAMABLE:
                return "refpack";
            case DELETED:
                return "deleted";
            default:
                return String.format(Locale.ROOT, "%04X", code & 0xFFFF);
        }
    }

    /** The code for a CLI or API name: {@code none}, {@code zlib}, {@code refpack}, {@code deleted}. */
    public static int parse(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "none":
                return NONE;
            case "zlib":
                return ZLIB;
            case "refpack":
                return REFPACK;
            case "deleted":
                return DELETED;
            default:
                throw new IllegalArgumentException("unknown compression '" + name + "' (none, zlib, refpack, deleted)");
        }
    }

    public static boolean isKnown(int code) {
        return code == NONE || code == ZLIB || code == REFPACK || code == REFPACK_STREAMABLE || code == DELETED;
    }

    /** The decoder for a live entry's code, or null for {@link #DELETED} and unknown codes. */
    public static Decoder decoder(int code) {
        switch (code) {
            case NONE:
                return StoredDecoder.INSTANCE;
            case ZLIB:
                return InflateProvider.zlib(); // the native twin when it loaded, else java.util.zip.Inflater
            case REFPACK:
            case REFPACK_STREAMABLE:
                return RefPackDecoder.INSTANCE;
            default:
                return null;
        }
    }

    /** The stored bytes for {@code data[off..off+len)} under {@code code} (none, zlib or RefPack). */
    public static byte[] encode(int code, byte[] data, int off, int len) {
        switch (code) {
            case NONE:
                return Arrays.copyOfRange(data, off, off + len);
            case ZLIB:
                return ZlibEncoder.encode(data, off, len, ZlibEncoder.DEFAULT_LEVEL);
            case REFPACK:
            case REFPACK_STREAMABLE:
                return RefPackEncoder.encode(data, off, len);
            default:
                throw new IllegalArgumentException("cannot encode with compression " + name(code));
        }
    }
}
