package org.ts4kit.dbpf;

import org.ts4kit.io.ByteSource;

/**
 * Parses the header and the index straight from a {@link ByteSource} into a {@link DbpfIndex}.
 * Every count, offset and size read from the file is checked against the source length
 * (overflow-safe) before it is used; failures name the field's offset.
 */
final class IndexParser {
    /** The smallest index record: instance low, position, file size, mem size. */
    static final int MIN_RECORD = 16;
    /** More entries than any array can hold; a smaller file cannot hold them anyway. */
    static final long MAX_ENTRIES = Integer.MAX_VALUE - 16;

    private IndexParser() {
    }

    static DbpfHeader parseHeader(ByteSource src) throws DbpfFormatException {
        String file = src.name();
        long length = src.length();
        if (length < 4) {
            throw new DbpfFormatException(file, 0, "truncated header: file has " + length + " bytes, a DBPF header needs " + DbpfHeader.SIZE);
        }
        int magic = src.getIntLE(0);
        if (magic != DbpfHeader.MAGIC) {
            throw new DbpfFormatException(file, 0, "bad magic " + describeMagic(src) + ", expected 'DBPF'");
        }
        if (length < DbpfHeader.SIZE) {
            throw new DbpfFormatException(file, 0, "truncated header: file has " + length + " bytes, a DBPF header needs " + DbpfHeader.SIZE);
        }
        int major = src.getIntLE(4);
        int minor = src.getIntLE(8);
        if (major != 2) {
            throw new DbpfFormatException(file, 4, "unsupported version " + Integer.toUnsignedString(major) + "."
                    + Integer.toUnsignedString(minor) + ", only DBPF 2.x (The Sims 4) is read");
        }
        long count = src.getUnsignedIntLE(36);
        long pos32 = src.getUnsignedIntLE(40);
        long indexSize = src.getUnsignedIntLE(44);
        int indexMinor = src.getIntLE(60);
        long pos64 = src.getLongLE(64);
        boolean use64 = pos64 != 0;
        return new DbpfHeader(major, minor, count, use64 ? pos64 : pos32, indexSize, indexMinor, use64 ? 64 : 40);
    }

    static DbpfIndex parseIndex(ByteSource src, DbpfHeader header) throws DbpfFormatException {
        String file = src.name();
        long length = src.length();
        long n = header.entryCount();
        if (n == 0) {
            return new DbpfIndex(0, 0); // a package with no entries needs no index at all
        }
        long pos = header.indexPosition();
        if (pos < DbpfHeader.SIZE || pos > length - 4) {
            throw new DbpfFormatException(file, header.indexPositionField(), "index at " + Long.toUnsignedString(pos)
                    + (pos < DbpfHeader.SIZE ? " overlaps the header" : " lies outside the file (" + length + " bytes)"));
        }
        int flags = src.getIntLE(pos);
        long p = pos + 4;
        int constType = 0;
        int constGroup = 0;
        int constHigh = 0;
        int constants = Integer.bitCount(flags & 7);
        if (!src.contains(p, 4L * constants)) {
            throw truncated(file, p, length, "the index flags word announces " + constants + " constant fields");
        }
        if ((flags & 1) != 0) {
            constType = src.getIntLE(p);
            p += 4;
        }
        if ((flags & 2) != 0) {
            constGroup = src.getIntLE(p);
            p += 4;
        }
        if ((flags & 4) != 0) {
            constHigh = src.getIntLE(p);
            p += 4;
        }
        int perEntry = MIN_RECORD + 4 * (3 - constants);
        // before allocating: n records of at least perEntry bytes must fit in what is left
        if (n > MAX_ENTRIES || n > (length - p) / perEntry) {
            throw truncated(file, p, length, Long.toUnsignedString(n) + " entries need at least "
                    + Long.toUnsignedString(n * perEntry) + " bytes of index, " + (length - p) + " remain");
        }
        int count = (int) n;
        DbpfIndex index = new DbpfIndex(count, flags);
        for (int i = 0; i < count; i++) {
            if (!src.contains(p, perEntry)) {
                throw truncated(file, p, length, "entry " + i + " of " + count + " is cut off");
            }
            index.recordOffsets[i] = p;
            if ((flags & 1) != 0) {
                index.types[i] = constType;
            } else {
                index.types[i] = src.getIntLE(p);
                p += 4;
            }
            if ((flags & 2) != 0) {
                index.groups[i] = constGroup;
            } else {
                index.groups[i] = src.getIntLE(p);
                p += 4;
            }
            int high;
            if ((flags & 4) != 0) {
                high = constHigh;
            } else {
                high = src.getIntLE(p);
                p += 4;
            }
            int low = src.getIntLE(p);
            index.instances[i] = (long) high << 32 | (low & 0xFFFF_FFFFL);
            index.positions[i] = src.getIntLE(p + 4);
            int fileSize = src.getIntLE(p + 8);
            index.fileSizes[i] = fileSize & 0x7FFF_FFFF;
            index.memSizes[i] = src.getIntLE(p + 12);
            p += 16;
            if (fileSize < 0) { // bit 31: the extended fields follow
                if (!src.contains(p, 4)) {
                    throw truncated(file, p, length, "entry " + i + " of " + count + " is cut off");
                }
                index.compressions[i] = (short) src.getUnsignedShortLE(p);
                index.committed[i] = (short) src.getUnsignedShortLE(p + 2);
                p += 4;
            } else {
                index.compressions[i] = (short) Compression.NONE;
                index.committed[i] = 1;
            }
        }
        return index;
    }

    private static DbpfFormatException truncated(String file, long at, long length, String detail) {
        return new DbpfFormatException(file, at, "truncated index: " + detail + " (file has " + length + " bytes)");
    }

    private static String describeMagic(ByteSource src) {
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < 4; i++) {
            sb.append(String.format("%02X", src.getByte(i) & 0xFF));
        }
        return sb.toString();
    }
}
