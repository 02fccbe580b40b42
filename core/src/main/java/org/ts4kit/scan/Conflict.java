package org.ts4kit.scan;

import java.util.List;

/** A key present in two or more packages: which ones (sorted), and whether every copy has the same bytes. */
public final class Conflict {
    private final String key;
    private final List<String> packages;
    private final boolean identical;
    private final int copies;

    Conflict(String key, List<String> packages, boolean identical, int copies) {
        this.key = key;
        this.packages = packages;
        this.identical = identical;
        this.copies = copies;
    }

    /** {@code TTTTTTTT:GGGGGGGG:IIIIIIIIIIIIIIII}. */
    public String key() {
        return key;
    }

    public List<String> packages() {
        return packages;
    }

    public boolean identical() {
        return identical;
    }

    /** Entries with this key across all packages (a package may hold a key twice). */
    public int copies() {
        return copies;
    }
}
