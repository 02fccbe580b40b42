package org.ts4kit.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ts4kit.codec.ZlibEncoder;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfHeader;

/**
 * Files crafted the way an attacker would: small on disk, each record or member pointing at the same
 * bytes, so that a reader without budgets or overlap checks does the same large work thousands of times.
 */
public final class HostileFiles {
    private HostileFiles() {
    }

    /**
     * A 96-byte DBPF 2.1 header declaring {@code count} index entries at {@code indexPos} (index of
     * {@code indexBytes}), whose records share their type, group and instance-high fields (flags 7).
     */
    public static ByteBuffer dbpfHeader(long count, long indexPos, int indexBytes) {
        return ByteBuffer.allocate(96).order(ByteOrder.LITTLE_ENDIAN).putInt(0, DbpfHeader.MAGIC).putInt(4, 2).putInt(8, 1)
                .putInt(36, (int) count).putInt(44, indexBytes).putInt(60, 3).putLong(64, indexPos);
    }

    /** A package of {@code records} index records that all point at one zlib stream of {@code data}. */
    public static byte[] sharedStreamPackage(int records, byte[] data) {
        byte[] stream = ZlibEncoder.encode(data);
        int indexBytes = 4 + records * 32;
        ByteBuffer file = ByteBuffer.allocate(96 + stream.length + indexBytes).order(ByteOrder.LITTLE_ENDIAN);
        file.put(dbpfHeader(records, 96 + stream.length, indexBytes).array()).put(stream).putInt(0);
        for (int i = 0; i < records; i++) {
            file.putInt(0x0333406C).putInt(0).putInt(0).putInt(i).putInt(96).putInt(stream.length | 0x8000_0000)
                    .putInt(data.length).putShort((short) Compression.ZLIB).putShort((short) 1);
        }
        return file.array();
    }

    /**
     * {@code zip} (an archive of one member, no comment) with its one central record written
     * {@code copies} times, every copy pointing at the same local header, and the end record counting them.
     */
    public static byte[] sharedLocalHeader(byte[] zip, int copies) {
        ByteBuffer in = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = zip.length - 22;
        int cdOffset = in.getInt(eocd + 16);
        int cdSize = in.getInt(eocd + 12);
        ByteBuffer out = ByteBuffer.allocate(cdOffset + cdSize * copies + 22).order(ByteOrder.LITTLE_ENDIAN);
        out.put(zip, 0, cdOffset);
        for (int i = 0; i < copies; i++) {
            out.put(zip, cdOffset, cdSize);
        }
        int end = out.position();
        out.put(zip, eocd, 22);
        out.putShort(end + 8, (short) copies).putShort(end + 10, (short) copies).putInt(end + 12, cdSize * copies);
        return out.array();
    }
}
