package org.ts4kit.scan;

import org.ts4kit.dbpf.DbpfIndex;

/**
 * What a scan computes beyond the index, which every scan parses: resource decoding (each live
 * entry decompressed once, SHA-256 of its bytes, handed to the sink), the file's own SHA-256, and
 * string-table text. Immutable; start from {@link #INDEX_ONLY} or {@link #KEYS}.
 *
 * <pre>{@code
 * ScanOptions.KEYS.withFileHash(true).withStrings(true)   // what the job reads
 * }</pre>
 */
public final class ScanOptions {
    /** Header and index only: no resource byte is read (a package is broken only if its index is). */
    public static final ScanOptions INDEX_ONLY = new ScanOptions(false, false, false, null);
    /** Every live entry decoded and hashed: what conflicts need. */
    public static final ScanOptions KEYS = new ScanOptions(true, false, false, null);
    /** Decoded and hashed, plus the file hash and string-table text. */
    public static final ScanOptions ALL = new ScanOptions(true, true, true, null);

    private final boolean decode;
    private final boolean fileHash;
    private final boolean strings;
    private final int[] types;

    private ScanOptions(boolean decode, boolean fileHash, boolean strings, int[] types) {
        this.decode = decode;
        this.fileHash = fileHash;
        this.strings = strings;
        this.types = types;
    }

    /** Whether each live entry is decompressed (and hashed, and given to {@link ScanSink#onResource}). */
    public boolean decode() {
        return decode;
    }

    public boolean fileHash() {
        return fileHash;
    }

    /** Whether string tables are decoded into {@link ScanSink#onStringTable}; implies {@link #decode()}. */
    public boolean strings() {
        return strings;
    }

    /** The types the walk is narrowed to, or null for every entry. */
    public int[] types() {
        return types == null ? null : types.clone();
    }

    public ScanOptions withDecode(boolean on) {
        return new ScanOptions(on, fileHash, strings && on, types);
    }

    public ScanOptions withFileHash(boolean on) {
        return new ScanOptions(decode, on, strings, types);
    }

    public ScanOptions withStrings(boolean on) {
        return new ScanOptions(decode || on, fileHash, on, types);
    }

    /** Walks only entries of these types; none given (or null) walks every entry. */
    public ScanOptions withTypes(int... only) {
        return new ScanOptions(decode, fileHash, strings, only == null || only.length == 0 ? null : only.clone());
    }

    /** The walk's entries of {@code index} in order: all of them, or the SIMD type filter's answer. */
    int[] entriesOf(DbpfIndex index) {
        return types == null ? null : index.entriesOfTypes(types);
    }
}
