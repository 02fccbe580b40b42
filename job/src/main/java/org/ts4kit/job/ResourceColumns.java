package org.ts4kit.job;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HexFormat;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.resource.ResourceTypes;

/**
 * The resources table of one listed file, held as columns of primitives until a row is asked
 * for. The job caches every file's result between its passes (tables, conflicts, duplicates), and
 * each pass deserialises all of it: primitive arrays cost a fraction of per-row {@code Object[]}s
 * of hex strings, in bytes and in time. Rows are built per pass, only for the table being written.
 */
public final class ResourceColumns implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final HexFormat HEX = HexFormat.of();

    /** The package paths of the file (one, or one per package in a zip); {@link #pkg} points here. */
    public String[] paths = new String[0];
    /** Whether each path's package is not broken (conflicts and duplicates use only those). */
    public boolean[] ok = new boolean[0];
    public int size;
    public int[] pkg = new int[0];
    public int[] type = new int[0];
    public int[] group = new int[0];
    public long[] instance = new long[0];
    public long[] offset = new long[0];
    public long[] fileSize = new long[0];
    public long[] memSize = new long[0];
    /** The index's 16-bit compression code. */
    public short[] compression = new short[0];
    /** SHA-256 of the decompressed bytes, 32 bytes per row; meaningful where {@link #hashed}. */
    public byte[] hashes = new byte[0];
    public boolean[] hashed = new boolean[0];

    public ResourceColumns() {
        // for Kryo
    }

    /** Starts a package; returns its number for {@link #add}. */
    int addPackage(String path, boolean packageOk) {
        paths = Arrays.copyOf(paths, paths.length + 1);
        ok = Arrays.copyOf(ok, ok.length + 1);
        paths[paths.length - 1] = path;
        ok[ok.length - 1] = packageOk;
        return paths.length - 1;
    }

    /** Adds every entry of {@code idx} for package {@code p}; {@code digests} holds 32 bytes per decoded entry. */
    void addAll(int p, DbpfIndex idx, byte[] digests, java.util.function.IntPredicate decoded) {
        int n = idx.size();
        reserve(size + n);
        for (int i = 0; i < n; i++) {
            int r = size++;
            pkg[r] = p;
            type[r] = idx.type(i);
            group[r] = idx.group(i);
            instance[r] = idx.instance(i);
            offset[r] = idx.offset(i);
            fileSize[r] = idx.fileSize(i);
            memSize[r] = idx.memSize(i);
            compression[r] = (short) idx.compression(i);
            hashed[r] = decoded.test(i);
            if (hashed[r]) {
                System.arraycopy(digests, i * 32, hashes, r * 32, 32);
            }
        }
    }

    private void reserve(int capacity) {
        if (capacity <= pkg.length) {
            return;
        }
        // exact growth: a file's entries come in one or a few packages, and the cache keeps these arrays
        pkg = Arrays.copyOf(pkg, capacity);
        type = Arrays.copyOf(type, capacity);
        group = Arrays.copyOf(group, capacity);
        instance = Arrays.copyOf(instance, capacity);
        offset = Arrays.copyOf(offset, capacity);
        fileSize = Arrays.copyOf(fileSize, capacity);
        memSize = Arrays.copyOf(memSize, capacity);
        compression = Arrays.copyOf(compression, capacity);
        hashes = Arrays.copyOf(hashes, capacity * 32);
        hashed = Arrays.copyOf(hashed, capacity);
    }

    /** Row {@code r} in the resources table's column order. */
    Object[] row(int r) {
        int t = type[r];
        return new Object[] {paths[pkg[r]], ResourceKey.hex8(t), ResourceTypes.name(t), ResourceKey.hex8(group[r]),
            ResourceKey.hex16(instance[r]), offset[r], fileSize[r], memSize[r], Compression.name(compression[r] & 0xFFFF), hash(r)};
    }

    /** {@code TTTTTTTT:GGGGGGGG:IIIIIIIIIIIIIIII} of row {@code r}. */
    String key(int r) {
        return ResourceKey.format(type[r], group[r], instance[r]);
    }

    /** Lower-case hex SHA-256 of row {@code r}, or null when it was not decoded. */
    String hash(int r) {
        return hashed[r] ? HEX.formatHex(hashes, r * 32, r * 32 + 32) : null;
    }

    boolean isDeleted(int r) {
        return (compression[r] & 0xFFFF) == Compression.DELETED;
    }

    boolean packageOk(int r) {
        return ok[pkg[r]];
    }
}
