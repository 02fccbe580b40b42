package org.ts4kit.resource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the bytes of a name map (version 1), entries in the order added. {@link NameMap#decode}
 * reads the result back.
 *
 * <pre>{@code
 * String name = "MyMod:Trait_LovesLlamas";
 * byte[] nmap = new NameMapWriter().add(Fnv.hash64WithHighBit(name), name).toByteArray();
 * }</pre>
 *
 * Not thread-safe.
 */
public final class NameMapWriter {
    private final ByteArrayOutputStream entries = new ByteArrayOutputStream();
    private final ByteBuffer entryHeader = ByteBuffer.allocate(NameMap.ENTRY_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private int count;

    /** Adds one entry; duplicates are written as given. */
    public NameMapWriter add(long instance, String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        entryHeader.clear();
        entryHeader.putLong(instance).putInt(utf8.length);
        entries.write(entryHeader.array(), 0, NameMap.ENTRY_HEADER_BYTES);
        entries.write(utf8, 0, utf8.length);
        count++;
        return this;
    }

    public int count() {
        return count;
    }

    /** The complete resource: version, count, entries. */
    public byte[] toByteArray() {
        ByteBuffer out = ByteBuffer.allocate(NameMap.HEADER_BYTES + entries.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(NameMap.VERSION).putInt(count);
        out.put(entries.toByteArray());
        return out.array();
    }
}
