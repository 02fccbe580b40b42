package org.ts4kit.scan;

import java.util.List;

/** A key present in two or more packages: which ones (sorted), and whether every copy has the same bytes. */
public final class Conflict {
    private final String key;
    private final int type;
    private final List<String> packages;
    private final boolean identical;
    private final int copies;

    Conflict(String key, int type, List<String> packages, boolean identical, int copies) {
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

    public boolean identical() {
        return identical;
    }

    /** Entries with this key across all packages (a package may hold a key twice). */
    public int copies() {
        return copies;
    }
}
