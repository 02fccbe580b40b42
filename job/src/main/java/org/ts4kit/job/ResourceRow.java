package org.ts4kit.job;

import java.io.Serializable;

/** A row of the {@code resources} table: one per index entry; keys as upper-case hex, as the CLI prints them. */
public final class ResourceRow implements Serializable {
    private static final long serialVersionUID = 1L;
    public final String path;
    public final String type;
    public final String typeName;
    public final String group;
    public final String instance;
    public final long offset;
    public final long fileSize;
    public final long memSize;
    public final String compression;
    /** SHA-256 of the decompressed bytes, or null for deleted and undecodable entries. */
    public final String hash;

    ResourceRow(String path, String type, String typeName, String group, String instance, long offset, long fileSize,
            long memSize, String compression, String hash) {
        this.path = path;
        this.type = type;
        this.typeName = typeName;
        this.group = group;
        this.instance = instance;
        this.offset = offset;
        this.fileSize = fileSize;
        this.memSize = memSize;
        this.compression = compression;
        this.hash = hash;
    }

    /** {@code TTTTTTTT:GGGGGGGG:IIIIIIIIIIIIIIII}, the conflicts table's key. */
    public String key() {
        return type + ":" + group + ":" + instance;
    }

    public boolean isDeleted() {
        return "deleted".equals(compression);
    }

    Object[] values() {
        return new Object[] {path, type, typeName, group, instance, offset, fileSize, memSize, compression, hash};
    }
}
