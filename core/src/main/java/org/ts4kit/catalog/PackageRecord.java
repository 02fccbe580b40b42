package org.ts4kit.catalog;

import java.util.List;
import org.ts4kit.cache.BloomFilter;
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
    private final boolean indexRead;
    private final BloomFilter keys;
    private volatile PackageDocs docs;
    private volatile DecodedKeys decoded;

    public PackageRecord(String name, String location, FileStamp stamp, List<Problem> problems, boolean indexRead,
            PackageDocs docs, DecodedKeys decoded) {
        this(name, location, stamp, problems, docs.size(), indexRead, keyFilter(docs), null);
        this.docs = docs;
        this.decoded = decoded;
    }

    /** A record read from a saved index, its resources parsed from {@code stored} on first use. */
    PackageRecord(String name, String location, FileStamp stamp, List<Problem> problems, int resourceCount,
            boolean indexRead, BloomFilter keys, RecordCodec.Body stored) {
        this.resourceCount = resourceCount;
        this.indexRead = indexRead;
        this.keys = keys;
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

    /**
     * The false-positive rate of the per-package key filters: a {@code find} over 10,000 packages that do
     * not hold a key opens one of them in 100 runs. At a package's few dozen keys the filter is a few
     * hundred bytes.
     */
    public static final double KEY_FILTER_FPP = 1e-6;

    /** A Bloom filter over every resource key of {@code docs}. */
    static BloomFilter keyFilter(PackageDocs docs) {
        BloomFilter f = BloomFilter.create(Math.max(1, docs.size()), KEY_FILTER_FPP);
        for (int i = 0; i < docs.size(); i++) {
            f.add(BloomFilter.keyHash(docs.type(i), docs.group(i), docs.instance(i)));
        }
        return f;
    }

    /** Whether the package's header and index were read: if not, it holds no key anyone can find. */
    public boolean indexRead() {
        return indexRead;
    }

    /** False when the package certainly holds no resource of this key (its Bloom filter); true when it may. */
    public boolean mayHold(int type, int group, long instance) {
        return keys.mightContain(BloomFilter.keyHash(type, group, instance));
    }

    /** The key filter, for the saved index. */
    BloomFilter keyFilter() {
        return keys;
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
        PackageDocs d = docs;
        if (d == null) {
            d = docs = stored.docs(name); // two threads may both parse: the same value, no lock needed
        }
        return d;
    }

    /**
     * The keys and hashes of the entries that decoded, in index order, for conflicts.
     *
     * @throws IndexFormatException as {@link #docs()}
     */
    public DecodedKeys decoded() throws IndexFormatException {
        DecodedKeys k = decoded;
        if (k == null) {
            k = decoded = stored.decoded(name);
        }
        return k;
    }

    @Override
    public String toString() {
        return name + (isBroken() ? " (broken)" : "");
    }
}
