package org.ts4kit.codec;

/**
 * The native inflate twin's loader on Java 22+: binds libdeflate through the Foreign Function &amp;
 * Memory API. The Java 17 version of this class (same name, {@code src/main/java}) only says why there
 * is none; a multi-release jar hands Java 22+ this one.
 */
final class NativeInflate {
    private NativeInflate() {
    }

    /** libdeflate's zlib decoder; {@code library} is a file name or path to load instead of the usual names. */
    static Decoder load(String library) {
        return LibdeflateDecoder.load(library);
    }
}
