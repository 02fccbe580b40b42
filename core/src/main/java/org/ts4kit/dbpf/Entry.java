package org.ts4kit.dbpf;

/**
 * A view of one index entry for code that prefers objects to indices: iteration with
 * {@link DbpfPackage#entries()}. It holds only the index and a position; hot loops should use
 * {@link DbpfIndex}'s arrays by position instead.
 */
public final class Entry {
    private final DbpfIndex index;
    private final int position;

    Entry(DbpfIndex index, int position) {
        this.index = index;
        this.position = position;
    }

    /** The entry's position in the index: what {@link DbpfPackage#read(int)} takes. */
    public int position() {
        return position;
    }

    public ResourceKey key() {
        return index.key(position);
    }

    public int type() {
        return index.type(position);
    }

    public long offset() {
        return index.offset(position);
    }

    public long fileSize() {
        return index.fileSize(position);
    }

    public long memSize() {
        return index.memSize(position);
    }

    public int compression() {
        return index.compression(position);
    }

    public boolean isDeleted() {
        return index.isDeleted(position);
    }

    @Override
    public String toString() {
        return key() + " @" + offset() + " " + fileSize() + "/" + memSize() + " " + Compression.name(compression());
    }
}
