package org.ts4kit.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What an {@link InputWalker} found: packages in a stable order, inputs it could not read, and how many other files it passed over. */
public final class Listing {
    final List<PackageInput> packages = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    int archives;
    int ignored;

    /** A listing of packages chosen by the caller (the doctor picks them from its own walk), in this order. */
    public static Listing of(List<PackageInput> packages) {
        Listing listing = new Listing();
        listing.packages.addAll(packages);
        return listing;
    }

    public List<PackageInput> packages() {
        return Collections.unmodifiableList(packages);
    }

    /**
     * Unreadable inputs: a missing path, a root that is not a regular file or folder (a FIFO), a
     * broken zip, a subfolder that could not be listed (the rest of its folder is still listed).
     */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public int archives() {
        return archives;
    }

    /**
     * Entries of the input folders that are neither folders, packages nor zip archives: files
     * (readmes, images, scripts) by {@link InputKind}'s rule, and entries that are no regular file
     * (FIFOs, sockets, devices, links to folders, broken links, link loops), never opened. Files
     * inside archives are not counted.
     */
    public int ignored() {
        return ignored;
    }
}
