package org.ts4kit.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows one listed file produces, one list per table, plus what accounting needs: which listed
 * file it came from and how many package rows it should have produced.
 */
public final class FileResult implements Serializable {
    private static final long serialVersionUID = 1L;

    public String source;
    public long sourceBytes;
    public int expectedPackages;
    public ArrayList<PackageRow> packages = new ArrayList<>();
    public ArrayList<ResourceRow> resources = new ArrayList<>();
    public ArrayList<StringRow> strings = new ArrayList<>();
    public ArrayList<ErrorRow> errors = new ArrayList<>();

    public FileResult() {
        // for Kryo
    }

    FileResult(String source, long sourceBytes) {
        this.source = source;
        this.sourceBytes = sourceBytes;
    }

    /** The rows of a per-file table as values in its column order ({@link Tables#schema}), for Spark's {@code Row}s. */
    public List<Object[]> values(String table) {
        List<Object[]> out = new ArrayList<>();
        switch (table) {
            case Tables.PACKAGES:
                packages.forEach(r -> out.add(r.values()));
                break;
            case Tables.RESOURCES:
                resources.forEach(r -> out.add(r.values()));
                break;
            case Tables.STRINGS:
                strings.forEach(r -> out.add(r.values()));
                break;
            case Tables.ERRORS:
                errors.forEach(r -> out.add(r.values()));
                break;
            default:
                throw new IllegalArgumentException("no per-file table " + table);
        }
        return out;
    }
}
