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
    /**
     * The tuning's {@code n=} or the package's name-map name, or null. Not final: a name map may come
     * after the resources it names, so the walk fills it in when the package is done.
     */
    public String name;
    /** Image width and height in pixels, or null when not an image or not readable. */
    public final Integer width;
    public final Integer height;

    ResourceRow(String path, String type, String typeName, String group, String instance, long offset, long fileSize,
            long memSize, String compression, String hash, String name, Integer width, Integer height) {
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
        this.name = name;
        this.width = width;
        this.height = height;
    }

    /** {@code TTTTTTTT:GGGGGGGG:IIIIIIIIIIIIIIII}, the conflicts table's key. */
    public String key() {
        return type + ":" + group + ":" + instance;
    }

    public boolean isDeleted() {
        return "deleted".equals(compression);
    }

    Object[] values() {
        return new Object[] {path, type, typeName, group, instance, offset, fileSize, memSize, compression, hash, name, width,
            height};
    }
}
