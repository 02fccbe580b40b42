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
    /** Where the resources are while not yet parsed: a saved index is read whole, its records' bodies when used. */
    private final RecordCodec.Body stored;
    private final int resourceCount;
    private volatile PackageDocs docs;
    private volatile DecodedKeys decoded;

    public PackageRecord(String name, String location, FileStamp stamp, List<Problem> problems, PackageDocs docs,
            DecodedKeys decoded) {
        this(name, location, stamp, problems, docs.size(), null);
        this.docs = docs;
        this.decoded = decoded;
    }

    /** A record read from a saved index, its resources parsed from {@code stored} on first use. */
    PackageRecord(String name, String location, FileStamp stamp, List<Problem> problems, int resourceCount,
            RecordCodec.Body stored) {
        this.resourceCount = resourceCount;
        this.name = name;
        this.location = location;
        this.stamp = stamp;
        this.problems = List.copyOf(problems);
        this.stored = stored;
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

    /** How many resources {@link #docs()} holds, known without parsing them. */
    public int resourceCount() {
        return resourceCount;
    }

    /**
     * Every live resource, for the search index.
     *
     * @throws IndexFormatException when the saved index this record was read from lies here (it must be rebuilt)
     */
    public PackageDocs docs() throws IndexFormatException {
        if (docs == null) {
            parse();
        }
        return docs;
    }

    /**
     * The keys and hashes of the entries that decoded, in index order, for conflicts.
     *
     * @throws IndexFormatException as {@link #docs()}
     */
    public DecodedKeys decoded() throws IndexFormatException {
        if (decoded == null) {
            parse();
        }
        return decoded;
    }

    private synchronized void parse() throws IndexFormatException {
        if (docs == null) {
            RecordCodec.Parsed p = stored.parse(name);
            decoded = p.decoded();
            docs = p.docs();
        }
    }

    @Override
    public String toString() {
        return name + (isBroken() ? " (broken)" : "");
    }
}
