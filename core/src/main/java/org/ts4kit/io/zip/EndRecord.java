package org.ts4kit.io.zip;

import org.ts4kit.io.ByteSource;

/**
 * Finds the central directory: the end of central directory record (EOCD) in the last
 * 65,557 bytes, then, when its fields overflow ({@code 0xFFFF}/{@code 0xFFFFFFFF}) and a ZIP64
 * locator precedes it, the ZIP64 end record. Every value is checked against the archive before
 * it is used.
 *
 * <p>Two tolerances, as in the JDK's and Info-ZIP's readers: an EOCD whose comment length does
 * not reach the end of the file is accepted when a central directory really sits where it
 * says (bytes appended to a zip), and an archive with bytes prepended to it (a self-extractor
 * stub) is read by shifting every declared offset by the stub's length ({@link #base}).
 */
final class EndRecord {
    static final int EOCD_SIG = 0x06054b50;
    static final int EOCD64_SIG = 0x06064b50;
    static final int LOCATOR_SIG = 0x07064b50;
    static final int CENTRAL_SIG = 0x02014b50;
    static final int EOCD_SIZE = 22;
    static final int LOCATOR_SIZE = 20;
    static final int EOCD64_SIZE = 56;
    static final int MAX_COMMENT = 0xFFFF;
    static final long MAGIC32 = 0xFFFF_FFFFL;
    static final int MAGIC16 = 0xFFFF;

    /** Position of the EOCD record. */
    final long eocdPos;
    /** Position of the ZIP64 end record, or -1. */
    final long eocd64Pos;
    /** Where the central directory starts in the source, and its length. */
    final long cdStart;
    final long cdSize;
    /** The declared entry count: 16 bits in a plain EOCD, 64 in a ZIP64 one. */
    final long entryCount;
    /** Where the entry count field lies, for errors. */
    final long countField;
    /** Length of bytes prepended to the archive; added to every declared offset. */
    final long base;
    final byte[] comment;

    private EndRecord(long eocdPos, long eocd64Pos, long cdStart, long cdSize, long entryCount, long countField,
            long base, byte[] comment) {
        this.eocdPos = eocdPos;
        this.eocd64Pos = eocd64Pos;
        this.cdStart = cdStart;
        this.cdSize = cdSize;
        this.entryCount = entryCount;
        this.countField = countField;
        this.base = base;
        this.comment = comment;
    }

    boolean isZip64() {
        return eocd64Pos >= 0;
    }

    static EndRecord read(ByteSource src) throws ZipFormatException {
        long eocd = findEocd(src);
        int commentLen = (int) Math.min(src.getUnsignedShortLE(eocd + 20), src.length() - eocd - EOCD_SIZE);
        byte[] comment = new byte[commentLen];
        src.get(eocd + EOCD_SIZE, comment, 0, commentLen);
        long count = src.getUnsignedShortLE(eocd + 10);
        long cdSize = src.getUnsignedIntLE(eocd + 12);
        long cdOffset = src.getUnsignedIntLE(eocd + 16);
        boolean overflow = count == MAGIC16 || cdSize == MAGIC32 || cdOffset == MAGIC32;
        if (overflow && eocd >= LOCATOR_SIZE && src.getIntLE(eocd - LOCATOR_SIZE) == LOCATOR_SIG) {
            long pos64 = findEocd64(src, eocd - LOCATOR_SIZE);
            return locate(src, eocd, pos64, src.getLongLE(pos64 + 32), pos64 + 32, src.getLongLE(pos64 + 40),
                    pos64 + 40, src.getLongLE(pos64 + 48), pos64 + 48, comment);
        }
        // without a locator, 0xFFFF entries or a 0xFFFFFFFF offset are taken literally
        return locate(src, eocd, -1, count, eocd + 10, cdSize, eocd + 12, cdOffset, eocd + 16, comment);
    }

    /** Scans the tail backwards for the EOCD signature whose comment ends exactly at the end of the file. */
    private static long findEocd(ByteSource src) throws ZipFormatException {
        long len = src.length();
        if (len < EOCD_SIZE) {
            throw new ZipFormatException(src.name(), 0, "no end of central directory record: the file has "
                    + len + " bytes, the record alone needs " + EOCD_SIZE);
        }
        int tailLen = (int) Math.min(len, EOCD_SIZE + MAX_COMMENT);
        long tailStart = len - tailLen;
        byte[] tail = new byte[tailLen];
        src.get(tailStart, tail, 0, tailLen);
        long firstMismatch = -1;
        for (int i = tailLen - EOCD_SIZE; i >= 0; i--) {
            if (tail[i] != 'P' || tail[i + 1] != 'K' || tail[i + 2] != 5 || tail[i + 3] != 6) {
                continue;
            }
            int commentLen = (tail[i + 20] & 0xFF) | (tail[i + 21] & 0xFF) << 8;
            if (commentLen == tailLen - i - EOCD_SIZE) {
                return tailStart + i;
            }
            if (firstMismatch < 0) {
                firstMismatch = tailStart + i;
            }
        }
        // nothing ends exactly at the end: accept the last record whose central directory is real
        for (int i = tailLen - EOCD_SIZE; i >= 0; i--) {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6
                    && pointsAtCentralDirectory(src, tailStart + i)) {
                return tailStart + i;
            }
        }
        String detail = firstMismatch < 0 ? "no signature 0x06054b50 in the last " + tailLen + " bytes"
                : "the signature at " + firstMismatch + " declares a " + src.getUnsignedShortLE(firstMismatch + 20)
                        + "-byte comment but " + (len - firstMismatch - EOCD_SIZE) + " bytes follow it";
        throw new ZipFormatException(src.name(), len - EOCD_SIZE, "no end of central directory record (" + detail
                + "); not a zip archive, or a truncated one");
    }

    /** For a record whose comment length is off: is there a central file header right before it? */
    private static boolean pointsAtCentralDirectory(ByteSource src, long eocd) {
        long cdSize = src.getUnsignedIntLE(eocd + 12);
        if (src.getUnsignedShortLE(eocd + 10) == 0 && cdSize == 0) {
            return true;
        }
        long start = eocd - cdSize;
        return cdSize >= 46 && start >= 0 && src.getIntLE(start) == CENTRAL_SIG;
    }

    /** Reads the locator at {@code locator} and returns where the ZIP64 end record really is. */
    private static long findEocd64(ByteSource src, long locator) throws ZipFormatException {
        long declared = src.getLongLE(locator + 8);
        long limit = locator - EOCD64_SIZE;
        if (declared >= 0 && declared <= limit && src.getIntLE(declared) == EOCD64_SIG) {
            return declared;
        }
        // a stub prepended to the archive shifts the record; it normally sits right before the locator
        if (limit >= 0 && src.getIntLE(limit) == EOCD64_SIG) {
            return limit;
        }
        throw new ZipFormatException(src.name(), locator + 8, "no ZIP64 end of central directory record at "
                + Long.toUnsignedString(declared) + " (the ZIP64 locator at " + locator + " points there)");
    }

    private static EndRecord locate(ByteSource src, long eocd, long eocd64, long count, long countField, long cdSize,
            long sizeField, long cdOffset, long offsetField, byte[] comment) throws ZipFormatException {
        long cdEnd = eocd64 >= 0 ? eocd64 : eocd;
        if (count < 0) {
            throw new ZipFormatException(src.name(), countField, "entry count " + Long.toUnsignedString(count) + " is negative");
        }
        if (cdSize < 0 || cdSize > cdEnd) {
            throw new ZipFormatException(src.name(), sizeField, "central directory of " + Long.toUnsignedString(cdSize)
                    + " bytes does not fit before the end record at " + cdEnd);
        }
        if (cdOffset < 0 || cdOffset > cdEnd - cdSize) {
            throw new ZipFormatException(src.name(), offsetField, "central directory at " + Long.toUnsignedString(cdOffset)
                    + " lies outside the archive (" + cdSize + " bytes there would pass the end record at " + cdEnd + ")");
        }
        long start = cdOffset;
        if (cdSize > 0 && src.getIntLE(cdOffset) != CENTRAL_SIG) {
            start = cdEnd - cdSize;
            if (start == cdOffset || src.getIntLE(start) != CENTRAL_SIG) {
                throw new ZipFormatException(src.name(), cdOffset, "central directory at " + cdOffset
                        + " does not start with a central file header");
            }
        }
        return new EndRecord(eocd, eocd64, start, cdSize, count, countField, start - cdOffset, comment);
    }
}
