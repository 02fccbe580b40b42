package org.ts4kit.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows one listed file produces, one list per table (each row an {@code Object[]} in the
 * table's column order; the large resources table as {@link ResourceColumns}, made into rows only
 * when written), plus what accounting needs: which listed file it came from and how many package
 * rows it should have produced.
 */
public final class FileResult implements Serializable {
    private static final long serialVersionUID = 1L;

    public String source;
    public long sourceBytes;
    public int expectedPackages;
    public ArrayList<Object[]> packages = new ArrayList<>();
    public ResourceColumns resources = new ResourceColumns();
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
                return resourceRows();
            case Tables.STRINGS:
                return strings;
            case Tables.ERRORS:
                return errors;
            default:
                throw new IllegalArgumentException("no per-file table " + name);
        }
    }

    private List<Object[]> resourceRows() {
        List<Object[]> rows = new ArrayList<>(resources.size);
        for (int r = 0; r < resources.size; r++) {
            rows.add(resources.row(r));
        }
        return rows;
    }
}
