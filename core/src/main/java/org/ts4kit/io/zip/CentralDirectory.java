package org.ts4kit.io.zip;

import java.util.ArrayList;
import java.util.List;
import org.ts4kit.codec.Limits;
import org.ts4kit.io.ByteSource;

/**
 * Walks the central directory's records (signature 0x02014b50, 46 bytes plus name, extra field
 * and comment) from its start to its declared end, so a lying entry count can neither make the
 * walk run past the directory nor allocate for entries that are not there. The count is then
 * checked: exactly for ZIP64, modulo 65,536 for a plain end record (some writers let the 16-bit
 * count wrap instead of writing ZIP64 records).
 *
 * <p>Only the directory's own structure is checked here; whether an entry's data lies inside the
 * archive is checked when it is read, so one broken entry does not hide the others.
 */
final class CentralDirectory {
    static final int HEADER_SIZE = 46;
    private static final int ZIP64_EXTRA_ID = 0x0001;

    private CentralDirectory() {
    }

    static List<ZipEntryInfo> read(ByteSource src, EndRecord end) throws ZipFormatException {
        int maxMembers = Limits.maxZipMembers(); // read once per directory, not per record
        int maxName = Limits.maxPathLength();
        long pos = end.cdStart;
        long limit = end.cdStart + end.cdSize;
        int expected = (int) Math.min(Math.min(end.entryCount, end.cdSize / HEADER_SIZE), 1 << 16);
        List<ZipEntryInfo> entries = new ArrayList<>(expected);
        while (pos < limit) {
            int i = entries.size();
            if (i == maxMembers) { // the records decide, not the count (it may lie, or wrap at 16 bits without ZIP64)
                throw new ZipFormatException(src.name(), pos, "the central directory holds more than " + maxMembers
                        + " entries, the limit (-Dts4kit.maxZipMembers)");
            }
            if (limit - pos < HEADER_SIZE) {
                throw new ZipFormatException(src.name(), pos, "central directory ends inside record " + i
                        + ": " + (limit - pos) + " bytes left, a record needs " + HEADER_SIZE);
            }
            if (src.getIntLE(pos) != EndRecord.CENTRAL_SIG) {
                throw new ZipFormatException(src.name(), pos, "central directory record " + i + " at " + pos
                        + " is not a central file header");
            }
            long length = HEADER_SIZE + (long) src.getUnsignedShortLE(pos + 28) + src.getUnsignedShortLE(pos + 30)
                    + src.getUnsignedShortLE(pos + 32);
            if (length > limit - pos) {
                throw new ZipFormatException(src.name(), pos, "central directory record " + i + " at " + pos + " ("
                        + length + " bytes with its name, extra field and comment) runs past the end of the directory at " + limit);
            }
            entries.add(entry(src, pos, i, end.base, maxName));
            pos += length;
        }
        long found = entries.size();
        if (end.isZip64() ? found != end.entryCount : (found & 0xFFFF) != end.entryCount) {
            throw new ZipFormatException(src.name(), end.countField, "the end record declares " + end.entryCount
                    + " entries but the central directory holds " + found);
        }
        return entries;
    }

    /** Decodes the record at {@code pos}, already known to lie inside the directory. */
    private static ZipEntryInfo entry(ByteSource src, long pos, int index, long base, int maxName) throws ZipFormatException {
        int flags = src.getUnsignedShortLE(pos + 8);
        int method = src.getUnsignedShortLE(pos + 10);
        long crc = src.getUnsignedIntLE(pos + 16);
        int nameLen = src.getUnsignedShortLE(pos + 28);
        if (nameLen > maxName) { // error lines and job rows carry the name: no 64 KiB names
            throw new ZipFormatException(src.name(), pos + 28, "central directory record " + index + " has a name of "
                    + nameLen + " bytes, longer than the limit of " + maxName + " (-Dts4kit.maxPathLength)");
        }
        byte[] raw = new byte[nameLen];
        src.get(pos + HEADER_SIZE, raw, 0, nameLen);
        String name = ZipNames.decode(raw);
        // compressed size, size, local header offset; ZIP64 values replace 0xFFFFFFFF
        long[] v = {src.getUnsignedIntLE(pos + 20), src.getUnsignedIntLE(pos + 24), src.getUnsignedIntLE(pos + 42)};
        boolean[] wide = {v[0] == EndRecord.MAGIC32, v[1] == EndRecord.MAGIC32, v[2] == EndRecord.MAGIC32};
        if (wide[0] || wide[1] || wide[2]) {
            readZip64Extra(src, pos, nameLen, name, v, wide);
        }
        // saturate: an offset this large lies outside any archive, and data() says so
        long local = v[2] > Long.MAX_VALUE - base ? Long.MAX_VALUE : v[2] + base;
        return new ZipEntryInfo(index, name, method, flags, crc, v[0], v[1], local, pos);
    }

    /**
     * Fills the wide values from the ZIP64 extended information field (0x0001), which holds, in
     * this order, the size, the compressed size and the local header offset, each present only
     * when its 32-bit field is 0xFFFFFFFF. Malformed trailing extra data ends the search, as in
     * other readers; only a missing or short ZIP64 field is an error.
     */
    private static void readZip64Extra(ByteSource src, long pos, int nameLen, String name, long[] v, boolean[] wide)
            throws ZipFormatException {
        long p = pos + HEADER_SIZE + nameLen;
        long end = p + src.getUnsignedShortLE(pos + 30);
        String what = "entry '" + ZipNames.printable(name) + "'";
        while (end - p >= 4) {
            int id = src.getUnsignedShortLE(p);
            int len = src.getUnsignedShortLE(p + 2);
            if (len > end - p - 4) {
                break;
            }
            if (id == ZIP64_EXTRA_ID) {
                long q = p + 4;
                long fieldEnd = q + len;
                for (int k : new int[] {1, 0, 2}) { // size comes first, then compressed size, then offset
                    if (!wide[k]) {
                        continue;
                    }
                    if (fieldEnd - q < 8) {
                        throw new ZipFormatException(src.name(), p, what + ": ZIP64 extra field of " + len
                                + " bytes lacks the " + FIELD_NAMES[k]);
                    }
                    v[k] = src.getLongLE(q);
                    if (v[k] < 0) {
                        throw new ZipFormatException(src.name(), q, what + ": ZIP64 " + FIELD_NAMES[k] + " "
                                + Long.toUnsignedString(v[k]) + " is negative");
                    }
                    q += 8;
                }
                return;
            }
            p += 4 + len;
        }
        throw new ZipFormatException(src.name(), pos, what + ": a size or offset is 0xFFFFFFFF but the record has no ZIP64 extra field");
    }

    private static final String[] FIELD_NAMES = {"compressed size", "size", "local header offset"};
}
