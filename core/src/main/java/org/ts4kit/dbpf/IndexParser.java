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

    static DbpfIndex parseIndex(ByteSource src, DbpfHeader header, int maxEntries) throws DbpfFormatException {
        String file = src.name();
        long length = src.length();
        long n = header.entryCount();
        if (n > maxEntries) { // before anything is allocated for them
            throw new DbpfFormatException(file, 36, "the header declares " + n + " index entries, more than the limit of "
                    + maxEntries + " (-Dts4kit.maxEntries)");
        }
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
        int constants = Integer.bitCount(flags & 7);
        if (!src.contains(p, 4L * constants)) {
            throw truncated(file, p, length, "the index flags word announces " + constants + " constant fields");
        }
        int[] constant = new int[3]; // type, group, instance high: read once when the flags say so
        for (int field = 0; field < 3; field++) {
            if ((flags & (1 << field)) != 0) {
                constant[field] = src.getIntLE(p);
                p += 4;
            }
        }
        int perEntry = MIN_RECORD + 4 * (3 - constants);
        // before allocating: n records of at least perEntry bytes must fit in what is left
        if (n > MAX_ENTRIES || n > (length - p) / perEntry) {
            throw truncated(file, p, length, Long.toUnsignedString(n) + " entries need at least "
                    + Long.toUnsignedString(n * perEntry) + " bytes of index, " + (length - p) + " remain");
        }
        DbpfIndex index = new DbpfIndex((int) n, flags);
        for (int i = 0; i < index.size(); i++) {
            if (!src.contains(p, perEntry)) {
                throw truncated(file, p, length, "entry " + i + " of " + index.size() + " is cut off");
            }
            p = readRecord(src, index, i, p, flags, constant);
        }
        return index;
    }

    /** Reads record {@code i} at {@code p} (its fixed part is known to be inside the source); returns where the next starts. */
    private static long readRecord(ByteSource src, DbpfIndex index, int i, long p, int flags, int[] constant)
            throws DbpfFormatException {
        index.recordOffsets[i] = p;
        index.types[i] = (flags & 1) != 0 ? constant[0] : src.getIntLE(p);
        p += (flags & 1) != 0 ? 0 : 4;
        index.groups[i] = (flags & 2) != 0 ? constant[1] : src.getIntLE(p);
        p += (flags & 2) != 0 ? 0 : 4;
        int high = (flags & 4) != 0 ? constant[2] : src.getIntLE(p);
        p += (flags & 4) != 0 ? 0 : 4;
        int low = src.getIntLE(p);
        index.instances[i] = (long) high << 32 | (low & 0xFFFF_FFFFL);
        index.positions[i] = src.getIntLE(p + 4);
        int fileSize = src.getIntLE(p + 8);
        index.fileSizes[i] = fileSize & 0x7FFF_FFFF;
        index.memSizes[i] = src.getIntLE(p + 12);
        p += 16;
        if (fileSize < 0) { // bit 31: the extended fields follow
            if (!src.contains(p, 4)) {
                throw truncated(src.name(), p, src.length(), "entry " + i + " of " + index.size() + " is cut off");
            }
            index.compressions[i] = (short) src.getUnsignedShortLE(p);
            index.committed[i] = (short) src.getUnsignedShortLE(p + 2);
            p += 4;
        } else {
            index.compressions[i] = (short) Compression.NONE;
            index.committed[i] = 1;
        }
        return p;
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
