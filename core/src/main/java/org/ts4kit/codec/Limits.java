package org.ts4kit.codec;

import java.util.Locale;

/**
 * The global cap on one resource's declared decompressed size: no decompression bombs. Defaults
 * to 256 MiB; set with {@code -Dts4kit.maxResourceBytes=512m} (suffixes k, m, g) or
 * {@link #setMaxResourceBytes}.
 */
public final class Limits {
    public static final long DEFAULT_MAX_RESOURCE_BYTES = 256L << 20;
    /** The largest {@code byte[]} the JVM reliably allocates. */
    public static final long HARD_MAX_RESOURCE_BYTES = Integer.MAX_VALUE - 16;

    /** Bytes decompressed per package or zip archive, in all, per byte of its size on disk ({@code -Dts4kit.maxDecodeRatio}). */
    public static final long DEFAULT_MAX_DECODE_RATIO = 100;
    /** Bytes decompressed per package or zip archive, in all, whatever its size ({@code -Dts4kit.maxDecodedBytes}). */
    public static final long DEFAULT_MAX_DECODED_BYTES = 16L << 30;

    /** Members per zip archive ({@code -Dts4kit.maxZipMembers}): real mod archives hold a few thousand at most. */
    public static final int DEFAULT_MAX_ZIP_MEMBERS = 1_000_000;
    /** Bytes in a zip member's name ({@code -Dts4kit.maxPathLength}): Linux's PATH_MAX; the format allows 65,535. */
    public static final int DEFAULT_MAX_PATH_LENGTH = 4096;

    private static volatile long maxResourceBytes = initial();

    private Limits() {
    }

    public static long maxResourceBytes() {
        return maxResourceBytes;
    }

    public static void setMaxResourceBytes(long bytes) {
        maxResourceBytes = checkCap(bytes, "max resource bytes");
    }

    /** {@code bytes} when it is a usable cap (0 to {@link #HARD_MAX_RESOURCE_BYTES}); else an error naming {@code what}. */
    public static long checkCap(long bytes, String what) {
        if (bytes < 0 || bytes > HARD_MAX_RESOURCE_BYTES) {
            throw new IllegalArgumentException(what + " must be in 0.." + HARD_MAX_RESOURCE_BYTES + ": " + bytes);
        }
        return bytes;
    }

    /**
     * What a package or archive of {@code size} bytes may decompress in all: {@code ratio} times its
     * size, but at least one resource of {@code maxResource} bytes, and at most {@code absolute}.
     */
    public static long decodeBudget(long size, long maxResource, long ratio, long absolute) {
        long relative = size > Long.MAX_VALUE / ratio ? Long.MAX_VALUE : size * ratio;
        return Math.min(absolute, Math.max(maxResource, relative));
    }

    /** The most members a zip archive may list ({@code -Dts4kit.maxZipMembers}, default {@link #DEFAULT_MAX_ZIP_MEMBERS}). */
    public static int maxZipMembers() {
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(0, sizeProperty("ts4kit.maxZipMembers", DEFAULT_MAX_ZIP_MEMBERS)));
    }

    /** The longest zip member name, in bytes ({@code -Dts4kit.maxPathLength}, default {@link #DEFAULT_MAX_PATH_LENGTH}). */
    public static int maxPathLength() {
        return (int) Math.min(65_535, Math.max(0, sizeProperty("ts4kit.maxPathLength", DEFAULT_MAX_PATH_LENGTH)));
    }

    /** System property {@code name} parsed as {@link #parseSize} does, or {@code otherwise} when it is not set. */
    public static long sizeProperty(String name, long otherwise) {
        String v = System.getProperty(name);
        return v == null ? otherwise : parseSize(v);
    }

    /** Parses {@code 1048576}, {@code 512k}, {@code 256m}, {@code 1g}. */
    public static long parseSize(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("k") || s.endsWith("m") || s.endsWith("g")) {
            unit = s.endsWith("k") ? 1L << 10 : s.endsWith("m") ? 1L << 20 : 1L << 30;
            s = s.substring(0, s.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(s), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a size: '" + text + "' (examples: 1048576, 512k, 256m, 1g)");
        }
    }

    private static long initial() {
        String v = System.getProperty("ts4kit.maxResourceBytes");
        if (v == null) {
            return DEFAULT_MAX_RESOURCE_BYTES;
        }
        long parsed = parseSize(v);
        if (parsed < 0 || parsed > HARD_MAX_RESOURCE_BYTES) {
            throw new IllegalArgumentException("ts4kit.maxResourceBytes must be in 0.." + HARD_MAX_RESOURCE_BYTES + ": " + v);
        }
        return parsed;
    }
}
