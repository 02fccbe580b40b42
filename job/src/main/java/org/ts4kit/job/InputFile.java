package org.ts4kit.job;

import java.io.Serializable;

/** One listed file: where it is, what the tables call it, how big and how old, and whether it is a zip. */
public final class InputFile implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Full Hadoop path (a URI string). */
    public String path;
    /** The name used in the tables: relative to the one INPUT, or the full path when there are several. */
    public String name;
    /**
     * The path below the INPUT that holds it, {@code /}-separated: what the doctor counts folders on (with
     * one INPUT the same as {@link #name}, before a {@code #2} is added).
     */
    public String relative;
    public long size;
    public long modified;
    public boolean zip;
    /**
     * Why it cannot be read, found while listing: a folder that could not be listed, an INPUT that is
     * a FIFO. Null for a file to read. The reader makes it one broken package row with this reason.
     */
    public String problem;

    public InputFile() {
        // for Kryo
    }

    public InputFile(String path, String name, long size, long modified, boolean zip) {
        this.path = path;
        this.name = name;
        this.size = size;
        this.modified = modified;
        this.zip = zip;
        this.relative = name;
    }

    /** Something listed that cannot be read, and why. */
    public static InputFile unreadable(String path, String name, String problem) {
        InputFile f = new InputFile(path, name, 0, 0, false);
        f.problem = problem;
        return f;
    }

    @Override
    public String toString() {
        return name + (problem != null ? " (" + problem + ")" : " (" + size + " bytes" + (zip ? ", zip" : "") + ")");
    }
}
