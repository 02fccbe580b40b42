package org.ts4kit.catalog;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The reading half: every length is checked against the bytes left before anything is allocated, so a
 * saved index that lies (damaged on disk, or crafted) is an {@link IndexFormatException} at an offset,
 * never an exception of another kind or an allocation the file's size does not pay for.
 */
final class RecordInput {
    private final String file;
    private final ByteBuffer in;
    private final long base;

    /** {@code in} from its position to its limit; offsets in errors count from {@code base}. */
    RecordInput(String file, ByteBuffer in, long base) {
        this.file = file;
        this.in = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.base = base;
    }

    long offset() {
        return base + in.position();
    }

    int remaining() {
        return in.remaining();
    }

    IndexFormatException corrupt(String reason) {
        return new IndexFormatException(file, offset(), reason);
    }

    IndexFormatException corruptAt(long at, String reason) {
        return new IndexFormatException(file, at, reason);
    }

    private void need(long n, String what) throws IndexFormatException {
        if (n > in.remaining()) {
            throw corrupt(what + " needs " + n + " bytes, " + in.remaining() + " left");
        }
    }

    int u8() throws IndexFormatException {
        need(1, "a byte");
        return in.get() & 0xFF;
    }

    int i32() throws IndexFormatException {
        need(4, "an int");
        return in.getInt();
    }

    long i64() throws IndexFormatException {
        need(8, "a long");
        return in.getLong();
    }

    long varint() throws IndexFormatException {
        long v = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return v;
            }
        }
        throw corrupt("a length longer than 9 bytes");
    }

    /**
     * A count of items each at least {@code minBytes} long: refused when the bytes left cannot hold them,
     * so an array of that many items is paid for by the file.
     */
    int count(int minBytes, String what) throws IndexFormatException {
        int at = in.position();
        long n = varint();
        if (n > in.remaining() / Math.max(1, minBytes)) {
            in.position(at);
            throw corrupt(what + ": " + n + " of at least " + minBytes + " bytes each, " + in.remaining() + " bytes left");
        }
        return (int) n;
    }

    String string() throws IndexFormatException {
        return text(varint());
    }

    String nullableString() throws IndexFormatException {
        long n = varint();
        return n == 0 ? null : text(n - 1);
    }

    private String text(long n) throws IndexFormatException {
        need(n, "a string");
        int len = (int) n;
        int at = in.position();
        if (in.hasArray() && ascii(in.array(), in.arrayOffset() + at, len)) {
            // names, tokens and paths are ASCII nearly always: one copy into a compact String, no decoder
            String s = new String(in.array(), in.arrayOffset() + at, len, StandardCharsets.ISO_8859_1);
            in.position(at + len);
            return s;
        }
        ByteBuffer b = in.slice();
        b.limit(len);
        try {
            String s = UTF8.get().reset().decode(b).toString();
            in.position(at + len);
            return s;
        } catch (CharacterCodingException e) {
            throw corrupt("a string that is not UTF-8");
        }
    }

    private static boolean ascii(byte[] b, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** A strict decoder per thread: malformed bytes are an error, never a replacement character. */
    private static final ThreadLocal<java.nio.charset.CharsetDecoder> UTF8 = ThreadLocal.withInitial(() ->
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    byte[] bytes(int n) throws IndexFormatException {
        need(n, "bytes");
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    /** What is left, as an input of its own (offsets still count from the file's start); this one is at its end. */
    RecordInput rest() {
        RecordInput r = new RecordInput(file, in, base + in.position());
        in.position(in.limit());
        return r;
    }

    /** An input over the same bytes from the same place, with a position of its own. */
    RecordInput copy() {
        return new RecordInput(file, in.duplicate().position(0), base);
    }

    void skip(int n) throws IndexFormatException {
        need(n, "bytes to skip");
        in.position(in.position() + n);
    }

    /** The next {@code n} bytes as a view (no copy), skipped. */
    ByteBuffer slice(int n) throws IndexFormatException {
        need(n, "a record");
        ByteBuffer b = in.slice();
        b.limit(n);
        in.position(in.position() + n);
        return b;
    }
}
