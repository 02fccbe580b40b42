package org.ts4kit.resource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ts4kit.dbpf.DbpfFormatException;

/**
 * A little-endian read position over one resource's bytes, for the binary decoders. Every read
 * checks the bytes left first and fails with a {@link DbpfFormatException} naming the resource,
 * the offset (from the start of the resource) and what was being read, so a decoder never sees
 * an {@code IndexOutOfBoundsException} or a {@code BufferUnderflowException}.
 *
 * <p>Reads use absolute indexes on a private little-endian view, so the caller's buffer position
 * and byte order are left alone.
 */
final class ResourceCursor {
    private final String name;
    private final ByteBuffer buf;
    private final int length;
    private int pos;

    ResourceCursor(String name, ByteBuffer data) {
        this.name = name;
        this.buf = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.length = buf.remaining();
    }

    static ResourceCursor of(String name, byte[] data, int off, int len) {
        if (off < 0 || len < 0 || len > data.length - off) {
            throw new IndexOutOfBoundsException("range " + off + "+" + len + " outside an array of " + data.length);
        }
        return new ResourceCursor(name, ByteBuffer.wrap(data, off, len));
    }

    String name() {
        return name;
    }

    int position() {
        return pos;
    }

    int length() {
        return length;
    }

    int remaining() {
        return length - pos;
    }

    /** Fails unless {@code n} more bytes are there for {@code what}. */
    void need(long n, String what) throws DbpfFormatException {
        if (n > remaining() || n < 0) {
            throw error(pos, what + " needs " + Long.toUnsignedString(n) + " bytes, only " + remaining() + " left");
        }
    }

    int u8(String what) throws DbpfFormatException {
        need(1, what);
        return buf.get(pos++) & 0xFF;
    }

    int u16(String what) throws DbpfFormatException {
        need(2, what);
        int v = buf.getShort(pos) & 0xFFFF;
        pos += 2;
        return v;
    }

    /** An unsigned 32-bit value, widened so that callers compare it without sign surprises. */
    long u32(String what) throws DbpfFormatException {
        need(4, what);
        long v = buf.getInt(pos) & 0xFFFF_FFFFL;
        pos += 4;
        return v;
    }

    int i32(String what) throws DbpfFormatException {
        need(4, what);
        int v = buf.getInt(pos);
        pos += 4;
        return v;
    }

    /** A 64-bit value; callers treat it as unsigned ({@link Long#compareUnsigned}). */
    long u64(String what) throws DbpfFormatException {
        need(8, what);
        long v = buf.getLong(pos);
        pos += 8;
        return v;
    }

    void skip(int n, String what) throws DbpfFormatException {
        need(n, what);
        pos += n;
    }

    /** Copies {@code n} bytes (already checked with {@link #need}) into {@code dst} at {@code at}. */
    void copy(byte[] dst, int at, int n) {
        buf.get(pos, dst, at, n);
        pos += n;
    }

    boolean startsWith(byte[] magic) {
        if (magic.length > length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (buf.get(i) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    DbpfFormatException error(long offset, String reason) {
        return new DbpfFormatException(name, offset, reason);
    }
}
