package org.ts4kit.job;

import java.io.Serializable;

/** One listed file: where it is, what the tables call it, how big and how old, and whether it is a zip. */
public final class InputFile implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Full Hadoop path (a URI string). */
    public String path;
    /** The name used in the tables: relative to the one INPUT, or the full path when there are several. */
    public String name;
    public long size;
    public long modified;
    public boolean zip;

    public InputFile() {
        // for Kryo
    }

    public InputFile(String path, String name, long size, long modified, boolean zip) {
        this.path = path;
        this.name = name;
        this.size = size;
        this.modified = modified;
        this.zip = zip;
    }

    @Override
    public String toString() {
        return name + " (" + size + " bytes" + (zip ? ", zip" : "") + ")";
    }
}
