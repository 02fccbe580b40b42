package org.ts4kit.job;

import java.io.Serializable;
import java.sql.Timestamp;

/** A row of the {@code packages} table: one per package, broken ones included (see {@link Tables#schema}). */
public final class PackageRow implements Serializable {
    private static final long serialVersionUID = 1L;
    public final String path;
    public final long bytes;
    public final Timestamp modified;
    public final int entries;
    public final int liveEntries;
    public final boolean broken;
    /** SHA-256 of the file in hex, or null. */
    public final String fileHash;
    /** The first error line, or null. */
    public final String error;
    /** The DBPF header version ({@code 2.1}), or null when the header did not read. */
    public final String version;

    PackageRow(String path, long bytes, Timestamp modified, int entries, int liveEntries, boolean broken, String fileHash,
            String error, String version) {
        this.path = path;
        this.bytes = bytes;
        this.modified = modified;
        this.entries = entries;
        this.liveEntries = liveEntries;
        this.broken = broken;
        this.fileHash = fileHash;
        this.error = error;
        this.version = version;
    }

    /** {@code ok} or {@code broken}, as the table spells it. */
    public String status() {
        return broken ? "broken" : "ok";
    }

    /** The values in the table's column order. */
    Object[] values() {
        return new Object[] {path, bytes, modified, entries, liveEntries, status(), fileHash, error, version};
    }
}
