package org.ts4kit.scan;

import java.util.List;

/** A key present in two or more packages: which ones (sorted), and whether every copy has the same bytes. */
public final class Conflict {
    private final String key;
    private final int type;
    private final List<String> packages;
    private final int[] contents;
    private final boolean identical;
    private final int copies;

    Conflict(String key, int type, List<String> packages, int[] contents, boolean identical, int copies) {
        this.contents = contents;
        this.key = key;
        this.type = type;
        this.packages = packages;
        this.identical = identical;
        this.copies = copies;
    }

    /** {@code TTTTTTTT:GGGGGGGG:IIIIIIIIIIIIIIII}. */
    public String key() {
        return key;
    }

    /** The key's resource type: what decides how much an override matters. */
    public int type() {
        return type;
    }

    public List<String> packages() {
        return packages;
    }

    /**
     * Which bytes package {@code i} (of {@link #packages()}) holds under the key, as a number: two packages hold
     * the same bytes when their numbers are equal. A package holding the key twice counts its copy with the
     * smallest SHA-256. What a pair of packages differs on ({@code PackagePairs}) comes from this, not from
     * {@link #identical()}, which is about every copy in the collection.
     */
    public int content(int i) {
        return contents[i];
    }

    public boolean identical() {
        return identical;
    }

    /** Entries with this key across all packages (a package may hold a key twice). */
    public int copies() {
        return copies;
    }
}
