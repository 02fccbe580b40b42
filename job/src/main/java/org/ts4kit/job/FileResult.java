package org.ts4kit.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows one listed file produces, one list per table (each row an {@code Object[]} in the
 * table's column order), plus what accounting needs: which listed file it came from and how many
 * package rows it should have produced.
 */
public final class FileResult implements Serializable {
    private static final long serialVersionUID = 1L;

    public String source;
    public long sourceBytes;
    public int expectedPackages;
    public ArrayList<Object[]> packages = new ArrayList<>();
    public ArrayList<Object[]> resources = new ArrayList<>();
    public ArrayList<Object[]> strings = new ArrayList<>();
    public ArrayList<Object[]> errors = new ArrayList<>();

    public FileResult() {
        // for Kryo
    }

    FileResult(String source, long sourceBytes) {
        this.source = source;
        this.sourceBytes = sourceBytes;
    }

    public List<Object[]> table(String name) {
        switch (name) {
            case Tables.PACKAGES:
                return packages;
            case Tables.RESOURCES:
                return resources;
            case Tables.STRINGS:
                return strings;
            case Tables.ERRORS:
                return errors;
            default:
                throw new IllegalArgumentException("no per-file table " + name);
        }
    }
}
