package org.ts4kit.resource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.ts4kit.dbpf.DbpfFormatException;

/**
 * A decoded name map (type {@code 0x0166038C}): the names tools give resources, by 64-bit
 * instance. Stored by column, like {@link StringTable}: instances in a {@code long[]}, names as
 * packed UTF-8 with start offsets.
 *
 * <pre>{@code
 * NameMap names = NameMap.decode("mod.package 0166038C:00000000:0000000000000000", pkg.read(e));
 * String name = names.nameOf(pkg.index().instance(j)); // null when the map has none
 * }</pre>
 *
 * <h2>Layout</h2>
 * u32 version (1), u32 count, then per entry: u64 instance, u32 length, that many UTF-8 bytes.
 *
 * <h2>Strict or tolerant</h2>
 * Refused: a version other than 1, a count or a length that runs past the end (checked before
 * allocating). Accepted: bytes after the last entry, malformed UTF-8 (U+FFFD), duplicate
 * instances ({@link #find} returns the first).
 *
 * <p>Immutable; safe to share between threads.
 */
public final class NameMap {
    public static final int TYPE = ResourceTypes.NAME_MAP;
    public static final int VERSION = 1;
    static final int HEADER_BYTES = 4 + 4;
    /** Instance and length: what every entry costs before its name. */
    static final int ENTRY_HEADER_BYTES = 8 + 4;

    private final int count;
    private final long[] instances;
    private final int[] starts;
    private final byte[] utf8;
    private volatile KeyLookup lookup;

    private NameMap(int count, long[] instances, int[] starts, byte[] utf8) {
        this.count = count;
        this.instances = instances;
        this.starts = starts;
        this.utf8 = utf8;
    }

    /** Decodes a whole array; {@code name} is used in error messages. */
    public static NameMap decode(String name, byte[] data) throws DbpfFormatException {
        return decode(ResourceCursor.of(name, data, 0, data.length));
    }

    /** Decodes {@code data[off, off + len)}; error offsets count from {@code off}. */
    public static NameMap decode(String name, byte[] data, int off, int len) throws DbpfFormatException {
        return decode(ResourceCursor.of(name, data, off, len));
    }

    /** Decodes the bytes between the buffer's position and limit; the buffer is not moved. */
    public static NameMap decode(String name, ByteBuffer data) throws DbpfFormatException {
        return decode(new ResourceCursor(name, data));
    }

    private static NameMap decode(ResourceCursor in) throws DbpfFormatException {
        long version = in.u32("name map version");
        if (version != VERSION) {
            throw in.error(0, "name map version " + version + " is not supported (only " + VERSION + ")");
        }
        long countField = in.u32("entry count");
        long maxEntries = in.remaining() / ENTRY_HEADER_BYTES;
        if (countField > maxEntries) {
            throw in.error(4, "entry count " + countField + " cannot fit in the " + in.remaining()
                    + " bytes after the header (at most " + maxEntries + " entries)");
        }
        int count = (int) countField;
        long[] instances = new long[count];
        int[] starts = new int[count + 1];
        byte[] utf8 = new byte[in.remaining() - count * ENTRY_HEADER_BYTES];
        int used = 0;
        for (int i = 0; i < count; i++) {
            int at = in.position();
            instances[i] = in.u64("entry " + i + " instance");
            long len = in.u32("entry " + i + " name length");
            if (len > in.remaining()) {
                throw in.error(at + 8, "entry " + i + " of " + count + ": name length " + len
                        + " runs past the end of the resource (" + in.remaining() + " bytes left)");
            }
            // the pool assumed every later entry still has its 12-byte header (see StringTable)
            if (len > utf8.length - used) {
                throw in.error(at + 8, "entry " + i + " of " + count + ": name length " + len
                        + " leaves too few bytes for the headers of the " + (count - i - 1) + " entries after it");
            }
            in.copy(utf8, used, (int) len);
            starts[i] = used;
            used += (int) len;
        }
        starts[count] = used;
        if (used < utf8.length) {
            utf8 = Arrays.copyOf(utf8, used);
        }
        return new NameMap(count, instances, starts, utf8);
    }

    public int count() {
        return count;
    }

    public long instance(int i) {
        checkIndex(i);
        return instances[i];
    }

    /** Entry {@code i}'s name, decoded from UTF-8 (a new String each call). */
    public String name(int i) {
        checkIndex(i);
        return new String(utf8, starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8);
    }

    /** Entry {@code i}'s name length in UTF-8 bytes (no String made). */
    int nameLength(int i) {
        checkIndex(i);
        return starts[i + 1] - starts[i];
    }

    /** The first entry for {@code instance}, or -1. */
    public int find(long instance) {
        KeyLookup t = lookup;
        if (t == null) {
            t = KeyLookup.ofLongs(instances, count); // first use; a racing second build is harmless
            lookup = t;
        }
        return t.find(instance);
    }

    /** The name of {@code instance}, or null when the map has none. */
    public String nameOf(long instance) {
        int i = find(instance);
        return i < 0 ? null : name(i);
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("entry " + i + " of " + count);
        }
    }
}
