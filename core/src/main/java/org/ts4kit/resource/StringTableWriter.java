package org.ts4kit.resource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the bytes of a string table (STBL version 5) the way the game writes them: entries in
 * the order added, "total string bytes" filled in, reserved bytes zero. The demo corpus
 * generator and the tests use it; {@link StringTable#decode} reads the result back.
 *
 * <pre>{@code
 * byte[] stbl = new StringTableWriter()
 *         .add("MyMod:Trait_Name", "Loves Llamas")
 *         .add(0x12345678, "Text under a raw key hash")
 *         .toByteArray();
 * }</pre>
 *
 * Not thread-safe; reusable after {@link #toByteArray()} (further adds extend the same table).
 */
public final class StringTableWriter {
    /** A text's UTF-8 length is a u16 in the format. */
    public static final int MAX_TEXT_BYTES = 0xFFFF;

    private final ByteArrayOutputStream entries = new ByteArrayOutputStream();
    private final ByteBuffer entryHeader = ByteBuffer.allocate(StringTable.ENTRY_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private int count;
    private long stringBytes;

    /** Adds {@code text} under the FNV-1 32 hash of {@code key} (lower-cased), flags 0. */
    public StringTableWriter add(String key, String text) {
        return add(Fnv.hash32(key), 0, text);
    }

    /** Adds {@code text} under a key hash, flags 0. */
    public StringTableWriter add(int keyHash, String text) {
        return add(keyHash, 0, text);
    }

    /**
     * Adds one entry. Duplicate key hashes are written as given (real tables sometimes have
     * them), so tests can build such tables too.
     *
     * @throws IllegalArgumentException when the text is over 65,535 UTF-8 bytes or flags is not 0–255
     */
    public StringTableWriter add(int keyHash, int flags, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("text of " + utf8.length + " UTF-8 bytes exceeds the format's "
                    + MAX_TEXT_BYTES + " (key hash " + String.format(java.util.Locale.ROOT, "0x%08X", keyHash) + ")");
        }
        if (flags < 0 || flags > 0xFF) {
            throw new IllegalArgumentException("flags " + flags + " is not a byte");
        }
        entryHeader.clear();
        entryHeader.putInt(keyHash).put((byte) flags).putShort((short) utf8.length);
        entries.write(entryHeader.array(), 0, StringTable.ENTRY_HEADER_BYTES);
        entries.write(utf8, 0, utf8.length);
        count++;
        stringBytes += utf8.length + 1;
        return this;
    }

    public int count() {
        return count;
    }

    /** The complete resource: header then entries. */
    public byte[] toByteArray() {
        ByteBuffer out = ByteBuffer.allocate(StringTable.HEADER_BYTES + entries.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(StringTable.MAGIC)
                .putShort((short) StringTable.VERSION)
                .put((byte) 0)          // not compressed
                .putLong(count)
                .putShort((short) 0)    // reserved
                .putInt((int) stringBytes);
        out.put(entries.toByteArray());
        return out.array();
    }
}
