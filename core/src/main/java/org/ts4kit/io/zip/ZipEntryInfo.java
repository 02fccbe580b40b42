package org.ts4kit.io.zip;

/**
 * One entry of a {@link ZipArchive}'s central directory, as declared there. Sizes and the
 * local header offset already come from the ZIP64 extra field when the 32-bit fields hold
 * {@code 0xFFFFFFFF}. Nothing here has been checked against the archive's length yet: that
 * happens in {@link ZipArchive#data}, which names the entry when a value lies.
 *
 * <p>Only {@link ZipArchive} makes these, so an entry always belongs to one archive.
 */
public final class ZipEntryInfo {
    /** Compression method 0: the bytes are stored as they are. */
    public static final int STORED = 0;
    /** Compression method 8: raw deflate (RFC 1951). */
    public static final int DEFLATED = 8;

    private static final int FLAG_ENCRYPTED = 1;
    private static final int FLAG_STRONG_ENCRYPTION = 1 << 6;
    /** General-purpose flag bit 11: the name is UTF-8. */
    static final int FLAG_UTF8 = 1 << 11;

    private final int index;
    private final String name;
    private final int method;
    private final int flags;
    private final long crc;
    private final long compressedSize;
    private final long size;
    private final long localHeaderOffset;
    private final long centralHeaderOffset;

    ZipEntryInfo(int index, String name, int method, int flags, long crc, long compressedSize, long size,
            long localHeaderOffset, long centralHeaderOffset) {
        this.index = index;
        this.name = name;
        this.method = method;
        this.flags = flags;
        this.crc = crc;
        this.compressedSize = compressedSize;
        this.size = size;
        this.localHeaderOffset = localHeaderOffset;
        this.centralHeaderOffset = centralHeaderOffset;
    }

    /** Position in {@link ZipArchive#entries()}. */
    public int index() {
        return index;
    }

    /** The name exactly as stored (decoded, never normalised); see {@link ZipArchive#isSafeName}. */
    public String name() {
        return name;
    }

    /** {@link #STORED}, {@link #DEFLATED}, or another method that {@link ZipArchive#data} refuses. */
    public int method() {
        return method;
    }

    /** The general-purpose bit flags of the central record. */
    public int flags() {
        return flags;
    }

    /** The CRC-32 of the uncompressed bytes, as declared (0..0xFFFFFFFF). */
    public long crc() {
        return crc;
    }

    public long compressedSize() {
        return compressedSize;
    }

    /** The uncompressed size. */
    public long size() {
        return size;
    }

    /**
     * Where the entry's local header sits in the source: the declared offset plus the length of
     * any stub prepended to the archive (see {@link ZipArchive#prefixLength()}).
     */
    public long localHeaderOffset() {
        return localHeaderOffset;
    }

    /** Where the entry's central directory record sits in the source. */
    public long centralHeaderOffset() {
        return centralHeaderOffset;
    }

    /** A directory entry: its name ends with {@code /}. */
    public boolean isDirectory() {
        return name.endsWith("/");
    }

    /** Flag bit 0 (traditional or AES encryption) or bit 6 (strong encryption) is set. */
    public boolean isEncrypted() {
        return (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) != 0;
    }

    @Override
    public String toString() {
        return "ZipEntryInfo[" + ZipNames.printable(name) + ", method " + method + ", " + compressedSize + " -> " + size
                + " bytes, crc " + String.format("%08X", crc) + ", local header at " + localHeaderOffset + "]";
    }
}
