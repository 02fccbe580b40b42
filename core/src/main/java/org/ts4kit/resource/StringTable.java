package org.ts4kit.resource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.ts4kit.dbpf.DbpfFormatException;

/**
 * A decoded string table (STBL, type {@code 0x220557DA}): the text players see, keyed by the
 * FNV-1 32 hash of a string key. Held column by column: key hashes, flags, and every text's
 * UTF-8 bytes packed into one array with start offsets, so a table of 50,000 strings is four
 * arrays, not 50,000 objects. Texts become {@code String}s only when asked for.
 *
 * <pre>{@code
 * StringTable stbl = StringTable.decode("mod.package 220557DA:80000000:0021…", pkg.read(e));
 * int i = stbl.find(Fnv.hash32("MyMod:Trait_Name"));
 * if (i >= 0) System.out.println(stbl.text(i));
 * }</pre>
 *
 * <h2>Layout</h2>
 * {@code "STBL"}, u16 version, u8 compressed, u64 count, 2 reserved bytes, u32 total string
 * bytes (the sum of each string's length + 1), then per entry: u32 key hash, u8 flags, u16
 * length, that many UTF-8 bytes (no terminator). All little-endian.
 *
 * <h2>Strict or tolerant</h2>
 * Strict where guessing would produce wrong text, tolerant where nothing is lost:
 * <ul>
 *   <li>refused: a bad magic, a version other than 5 (the only one the game writes; another
 *       version may lay entries out differently), a non-zero "compressed" byte (no tool
 *       documents what it would mean), a count or a length that runs past the end;</li>
 *   <li>accepted: a wrong "total string bytes" field (it is a size hint; {@link
 *       #declaredStringBytes()} keeps it), non-zero reserved bytes, bytes after the last entry,
 *       and malformed UTF-8 (decoded with U+FFFD, as every Java decoder does), duplicate keys
 *       ({@link #find} returns the first).</li>
 * </ul>
 * Every count and length is checked against the bytes left before anything is allocated, so a
 * count of 2^63 fails with a message instead of an {@code OutOfMemoryError}.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class StringTable {
    public static final int TYPE = ResourceTypes.STRING_TABLE;
    public static final int VERSION = 5;
    static final byte[] MAGIC = {'S', 'T', 'B', 'L'};
    /** Magic, version, compressed flag, count, reserved, total string bytes. */
    static final int HEADER_BYTES = 4 + 2 + 1 + 8 + 2 + 4;
    /** Key hash, flags, length: what every entry costs before its text. */
    static final int ENTRY_HEADER_BYTES = 4 + 1 + 2;

    private final int count;
    private final int[] keyHashes;
    private final byte[] flags;
    private final int[] starts; // count + 1 offsets into utf8; text i is [starts[i], starts[i+1])
    private final byte[] utf8;
    private final long declaredStringBytes;
    private volatile KeyLookup lookup;

    private StringTable(int count, int[] keyHashes, byte[] flags, int[] starts, byte[] utf8, long declaredStringBytes) {
        this.count = count;
        this.keyHashes = keyHashes;
        this.flags = flags;
        this.starts = starts;
        this.utf8 = utf8;
        this.declaredStringBytes = declaredStringBytes;
    }

    /** Decodes a whole array. {@code name} is used in error messages: the package and the key. */
    public static StringTable decode(String name, byte[] data) throws DbpfFormatException {
        return decode(ResourceCursor.of(name, data, 0, data.length));
    }

    /** Decodes {@code data[off, off + len)}; error offsets count from {@code off}. */
    public static StringTable decode(String name, byte[] data, int off, int len) throws DbpfFormatException {
        return decode(ResourceCursor.of(name, data, off, len));
    }

    /** Decodes the bytes between the buffer's position and limit; the buffer is not moved. */
    public static StringTable decode(String name, ByteBuffer data) throws DbpfFormatException {
        return decode(new ResourceCursor(name, data));
    }

    private static StringTable decode(ResourceCursor in) throws DbpfFormatException {
        if (!in.startsWith(MAGIC)) {
            throw in.error(0, in.length() < 4 ? "too short for a string table: " + in.length() + " bytes"
                    : "not a string table: magic is not 'STBL'");
        }
        in.skip(4, "magic");
        int version = in.u16("version");
        if (version != VERSION) {
            throw in.error(4, "string table version " + version + " is not supported (only " + VERSION + ")");
        }
        int compressed = in.u8("compressed flag");
        if (compressed != 0) {
            throw in.error(6, "compressed string tables are not supported (flag " + compressed + ")");
        }
        long countField = in.u64("entry count");
        in.skip(2, "reserved bytes");
        long declared = in.u32("total string bytes");

        // Each entry needs at least its 7-byte header, so the bytes left bound the count; this
        // comparison (unsigned, before any allocation) is what defuses a count of 2^63.
        long maxEntries = in.remaining() / ENTRY_HEADER_BYTES;
        if (Long.compareUnsigned(countField, maxEntries) > 0) {
            throw in.error(7, "entry count " + Long.toUnsignedString(countField) + " cannot fit in the "
                    + in.remaining() + " bytes after the header (at most " + maxEntries + " entries)");
        }
        int count = (int) countField;
        int[] keys = new int[count];
        byte[] flags = new byte[count];
        int[] starts = new int[count + 1];
        // texts cannot exceed what is left once every entry header is paid for
        byte[] utf8 = new byte[in.remaining() - count * ENTRY_HEADER_BYTES];
        int used = 0;
        for (int i = 0; i < count; i++) {
            int at = in.position();
            keys[i] = in.i32("entry " + i + " key hash");
            flags[i] = (byte) in.u8("entry " + i + " flags");
            int len = in.u16("entry " + i + " length");
            if (len > in.remaining()) {
                throw in.error(at + 5, "entry " + i + " of " + count + ": text length " + len
                        + " runs past the end of the resource (" + in.remaining() + " bytes left)");
            }
            // the pool was sized assuming every later entry still has its 7-byte header; a text
            // that eats into those bytes means the count lies (too high) or this length does
            if (len > utf8.length - used) {
                throw in.error(at + 5, "entry " + i + " of " + count + ": text length " + len
                        + " leaves too few bytes for the headers of the " + (count - i - 1) + " entries after it");
            }
            in.copy(utf8, used, len);
            starts[i] = used;
            used += len;
        }
        starts[count] = used;
        if (used < utf8.length) {
            utf8 = Arrays.copyOf(utf8, used); // trailing bytes after the last entry: not ours to keep
        }
        return new StringTable(count, keys, flags, starts, utf8, declared);
    }

    public int count() {
        return count;
    }

    public int keyHash(int i) {
        checkIndex(i);
        return keyHashes[i];
    }

    /** The entry's flags byte, 0–255 (0 in every file seen so far). */
    public int flags(int i) {
        checkIndex(i);
        return flags[i] & 0xFF;
    }

    /** Entry {@code i}'s text, decoded from UTF-8 (a new String each call). */
    public String text(int i) {
        checkIndex(i);
        return new String(utf8, starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8);
    }

    /** The length in bytes of entry {@code i}'s UTF-8 text. */
    public int textBytes(int i) {
        checkIndex(i);
        return starts[i + 1] - starts[i];
    }

    /** The first entry whose key hash is {@code keyHash}, or -1. */
    public int find(int keyHash) {
        KeyLookup t = lookup;
        if (t == null) {
            // built on first use; two threads may both build one, which is harmless
            t = KeyLookup.ofInts(keyHashes, count);
            lookup = t;
        }
        return t.find(keyHash & 0xFFFF_FFFFL);
    }

    /** The text of the first entry with {@code keyHash}, or null. */
    public String textOf(int keyHash) {
        int i = find(keyHash);
        return i < 0 ? null : text(i);
    }

    /** The header's "total string bytes" field as written; not checked against the entries. */
    public long declaredStringBytes() {
        return declaredStringBytes;
    }

    /** What that field should say: the sum of each text's byte length + 1. */
    public long actualStringBytes() {
        return (long) utf8.length + count;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("entry " + i + " of " + count);
        }
    }
}
