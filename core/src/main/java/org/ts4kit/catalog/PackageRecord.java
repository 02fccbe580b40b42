package org.ts4kit.catalog;

import java.util.List;
import org.ts4kit.scan.FileStamp;
import org.ts4kit.scan.Problem;
import org.ts4kit.search.PackageDocs;

/**
 * What a saved index keeps of one package, enough to answer {@code search}, {@code conflicts} and
 * {@code find} without reading it again while its file is unchanged: its name, where it is, the stamp of
 * its file, the problems that make it broken, its search documents, and the keys and SHA-256 of every
 * entry that decoded (what conflicts compare). Immutable.
 */
public final class PackageRecord {
    private final String name;
    private final String location;
    private final FileStamp stamp;
    private final List<Problem> problems;
    private final PackageDocs docs;
    private final DecodedKeys decoded;

    public PackageRecord(String name, String location, FileStamp stamp, List<Problem> problems, PackageDocs docs,
            DecodedKeys decoded) {
        this.name = name;
        this.location = location;
        this.stamp = stamp;
        this.problems = List.copyOf(problems);
        this.docs = docs;
        this.decoded = decoded;
    }

    /** The package's name in its collection, as {@code conflicts} prints it. */
    public String name() {
        return name;
    }

    /** Where it is from here (error lines use it). */
    public String location() {
        return location;
    }

    public FileStamp stamp() {
        return stamp;
    }

    public boolean isBroken() {
        return !problems.isEmpty();
    }

    /** What makes the package broken, in the order a walk found them; empty when it is not. */
    public List<Problem> problems() {
        return problems;
    }

    /** Every live resource, for the search index. */
    public PackageDocs docs() {
        return docs;
    }

    /** The keys and hashes of the entries that decoded, in index order, for conflicts. */
    public DecodedKeys decoded() {
        return decoded;
    }

    /** The same record under another name (a listing with the same files names it otherwise). */
    PackageRecord renamed(String other, String otherLocation) {
        return new PackageRecord(other, otherLocation, stamp, problems, docs.renamed(other), decoded);
    }

    @Override
    public String toString() {
        return name + (isBroken() ? " (broken)" : "") + ", " + docs.size() + " resources";
    }
}
