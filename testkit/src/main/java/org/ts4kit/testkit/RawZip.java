package org.ts4kit.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.ts4kit.io.zip.ZipEntryInfo;

/**
 * Writes zip archives field by field, so a test controls what {@link java.util.zip.ZipOutputStream}
 * never writes: ZIP64 extra fields on small entries, names without the UTF-8 flag, other
 * methods, encryption flags, and fields that lie. Offsets of what it wrote are kept for patching.
 */
public final class RawZip {
    /** One entry; every field is written as given, so it may disagree with the payload. */
    public static final class Entry {
        public byte[] name;
        public int flags;
        public int method;
        public long crc;
        public byte[] payload;
        public long compressedSize;
        public long size;
        public boolean zip64;

        public Entry crc(long value) {
            crc = value;
            return this;
        }

        public Entry sizes(long compressed, long uncompressed) {
            compressedSize = compressed;
            size = uncompressed;
            return this;
        }

        public Entry method(int value) {
            method = value;
            return this;
        }

        public Entry flags(int value) {
            flags = value;
            return this;
        }

        /** Write 0xFFFFFFFF for the sizes and offset, with the real values in ZIP64 extra fields. */
        public Entry zip64() {
            zip64 = true;
            return this;
        }
    }

    public final List<Entry> entries = new ArrayList<>();
    public final List<Long> localOffsets = new ArrayList<>();
    public final List<Long> centralOffsets = new ArrayList<>();
    public long cdOffset;
    public long eocdOffset;
    public long eocd64Offset = -1;
    private boolean zip64End;
    private byte[] comment = new byte[0];

    public static Entry stored(String name, byte[] data) {
        Entry e = new Entry();
        e.name = name.getBytes(StandardCharsets.UTF_8);
        e.flags = 1 << 11 /* UTF-8 names */;
        e.method = ZipEntryInfo.STORED;
        e.payload = data;
        e.crc = ZipFixtures.crc(data);
        e.compressedSize = data.length;
        e.size = data.length;
        return e;
    }

    public static Entry deflated(String name, byte[] data) {
        Entry e = stored(name, data);
        e.method = ZipEntryInfo.DEFLATED;
        e.payload = deflate(data);
        e.compressedSize = e.payload.length;
        return e;
    }

    public static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[data.length + 64];
        int n = 0;
        while (!d.finished()) {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            n += d.deflate(buf, n, buf.length - n);
        }
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }

    public RawZip add(Entry e) {
        entries.add(e);
        return this;
    }

    /** Always write ZIP64 end records, with 0xFFFF/0xFFFFFFFF in the plain end record. */
    public RawZip zip64End() {
        zip64End = true;
        return this;
    }

    public RawZip comment(String text) {
        comment = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Entry e : entries) {
            localOffsets.add((long) out.size());
            writeLocal(out, e);
        }
        cdOffset = out.size();
        for (int i = 0; i < entries.size(); i++) {
            centralOffsets.add((long) out.size());
            writeCentral(out, entries.get(i), localOffsets.get(i));
        }
        long cdSize = out.size() - cdOffset;
        int n = entries.size();
        if (zip64End) {
            eocd64Offset = out.size();
            out.writeBytes(le(56).putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45)
                    .putInt(0).putInt(0).putLong(n).putLong(n).putLong(cdSize).putLong(cdOffset).array());
            out.writeBytes(le(20).putInt(0x07064b50).putInt(0).putLong(eocd64Offset).putInt(1).array());
        }
        eocdOffset = out.size();
        out.writeBytes(le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) (zip64End ? 0xFFFF : n)).putShort((short) (zip64End ? 0xFFFF : n))
                .putInt((int) (zip64End ? 0xFFFFFFFFL : cdSize)).putInt((int) (zip64End ? 0xFFFFFFFFL : cdOffset))
                .putShort((short) comment.length).array());
        out.writeBytes(comment);
        return out.toByteArray();
    }

    private static void writeLocal(ByteArrayOutputStream out, Entry e) {
        byte[] extra = e.zip64 ? le(20).putShort((short) 1).putShort((short) 16).putLong(e.size).putLong(e.compressedSize).array()
                : new byte[0];
        out.writeBytes(le(30).putInt(0x04034b50).putShort((short) (e.zip64 ? 45 : 20)).putShort((short) e.flags)
                .putShort((short) e.method).putShort((short) 0).putShort((short) 0x21).putInt((int) e.crc)
                .putInt((int) (e.zip64 ? 0xFFFFFFFFL : e.compressedSize)).putInt((int) (e.zip64 ? 0xFFFFFFFFL : e.size))
                .putShort((short) e.name.length).putShort((short) extra.length).array());
        out.writeBytes(e.name);
        out.writeBytes(extra);
        out.writeBytes(e.payload);
    }

    private static void writeCentral(ByteArrayOutputStream out, Entry e, long localOffset) {
        byte[] extra = e.zip64 ? le(28).putShort((short) 1).putShort((short) 24).putLong(e.size).putLong(e.compressedSize)
                .putLong(localOffset).array() : new byte[0];
        long magic = 0xFFFFFFFFL;
        out.writeBytes(le(46).putInt(0x02014b50).putShort((short) 45).putShort((short) (e.zip64 ? 45 : 20))
                .putShort((short) e.flags).putShort((short) e.method).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) e.crc).putInt((int) (e.zip64 ? magic : e.compressedSize)).putInt((int) (e.zip64 ? magic : e.size))
                .putShort((short) e.name.length).putShort((short) extra.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) (e.zip64 ? magic : localOffset)).array());
        out.writeBytes(e.name);
        out.writeBytes(extra);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Little-endian patches for tests that make fields lie. */
    public static void putShort(byte[] b, long pos, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort((int) pos, (short) v);
    }

    public static void putInt(byte[] b, long pos, long v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt((int) pos, (int) v);
    }

    public static void putLong(byte[] b, long pos, long v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) pos, v);
    }
}
