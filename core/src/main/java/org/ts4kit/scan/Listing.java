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

    public List<PackageInput> packages() {
        return Collections.unmodifiableList(packages);
    }

    /** Unreadable inputs: a missing path, a broken zip. */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public int archives() {
        return archives;
    }

    /**
     * Files in the input folders that are neither packages nor zip archives (readmes, images,
     * scripts), by {@link InputKind}'s rule; files inside archives are not counted.
     */
    public int ignored() {
        return ignored;
    }
}
