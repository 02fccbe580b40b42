package org.ts4kit.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.io.Sha256;
import org.ts4kit.scan.ConflictFinder;
import org.ts4kit.scan.Conflict;
import org.ts4kit.search.PackageDocs;

/**
 * The saved index of a collection: one {@link PackageRecord} per package, in listing order, made by a
 * walk of each package and kept on disk ({@link CatalogFile}) so that the next {@code search},
 * {@code conflicts} or {@code find} reads only the packages whose file changed ({@link Rescan}).
 *
 * <pre>{@code
 * List<Path> roots = List.of(Path.of("Mods"));
 * String identity = Catalog.identity(roots, ReadOptions.defaults());
 * Path file = IndexLocation.forRoots(roots);
 * Catalog previous = Catalog.load(file, identity);                 // IndexFormatException: rebuild
 * Rescan.Result r = Rescan.run(previous, identity, InputWalker.list(roots).packages(), 2, ProgressListener.NONE);
 * r.catalog().save(file);
 * SearchIndex index = SearchIndex.build(r.catalog().docs());
 * }</pre>
 */
public final class Catalog implements java.io.Closeable {
    private final String identity;
    private final List<PackageRecord> records;
    /** Each record's header and body as saved: the bytes a walk made, or where they are in the file read. */
    private final List<StoredRecord> stored;

    Catalog(String identity, List<PackageRecord> records, List<StoredRecord> stored) {
        this.identity = identity;
        this.records = Collections.unmodifiableList(records);
        this.stored = stored;
    }

    /**
     * What an index is made for and must match to be used: each input as given and as an absolute path
     * (names depend on both), and the read limits (what is broken depends on them).
     */
    public static String identity(List<Path> roots, ReadOptions options) {
        StringBuilder sb = new StringBuilder("inputs");
        for (Path root : roots) {
            sb.append('\n').append(root).append('\u0000').append(root.toAbsolutePath().normalize());
        }
        sb.append(String.format(Locale.ROOT, "%nlimits %d %d %d %d", options.maxResourceBytes(), options.maxEntries(),
                options.maxDecodeRatio(), options.maxDecodedBytes()));
        return sb.toString();
    }

    /** A short stable name for {@code identity}'s inputs: the hex start of its SHA-256. */
    static String digest(String text) {
        byte[] d = Sha256.digest(java.nio.ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return Sha256.hex(d, 0).substring(0, 16);
    }

    /**
     * The saved index in {@code file}, made for {@code identity}, or null when there is no file.
     *
     * @throws IndexFormatException when the file is not a whole, current, matching index: rebuild it
     */
    public static Catalog load(Path file, String identity) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        return of(file.toString(), CatalogFile.read(file, identity), identity);
    }

    /**
     * The saved index whose file content is {@code bytes} ({@code name} in errors), made for {@code identity}.
     *
     * @throws IndexFormatException when it is not a whole, current, matching index
     */
    public static Catalog parse(String name, byte[] bytes, String identity) throws IndexFormatException {
        return of(name, CatalogFile.parse(name, bytes, identity), identity);
    }

    private static Catalog of(String name, List<StoredRecord> stored, String identity) throws IndexFormatException {
        List<PackageRecord> records = new ArrayList<>(stored.size());
        java.util.Set<String> names = new java.util.HashSet<>();
        for (StoredRecord s : stored) {
            PackageRecord r = RecordCodec.decode(name, s, s.headerOffset); // the resources are read when first used
            if (!names.add(r.name())) {
                throw new IndexFormatException(name, s.headerOffset, "a second record for " + r.name());
            }
            records.add(r);
        }
        return new Catalog(identity, records, stored);
    }

    /** Writes this index to {@code file}, atomically (a reader sees the old file or this one). */
    public void save(Path file) throws IOException {
        CatalogFile.write(file, identity, stored);
    }

    public String identity() {
        return identity;
    }

    /** One record per package, in listing order. */
    public List<PackageRecord> records() {
        return records;
    }

    /**
     * Every package's search documents, for {@link org.ts4kit.search.SearchIndex#build}.
     *
     * @throws IndexFormatException when a record of the saved index lies (rebuild it)
     */
    public List<PackageDocs> docs() throws IndexFormatException {
        List<PackageDocs> docs = new ArrayList<>(records.size());
        for (PackageRecord r : records) {
            docs.add(r.docs());
        }
        return docs;
    }

    /**
     * Keys held by two or more unbroken packages, as a scan of the same files finds them.
     *
     * @throws IndexFormatException as {@link #docs()}
     */
    public List<Conflict> conflicts() throws IndexFormatException {
        ConflictFinder finder = new ConflictFinder();
        for (PackageRecord r : records) {
            if (!r.isBroken()) {
                r.decoded().addTo(finder, r.name());
            }
        }
        return finder.conflicts();
    }

    /** Keys each unbroken package holds (its decoded entries), by name: from the headers, no body is read. */
    public Map<String, Integer> keyCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (PackageRecord r : records) {
            if (!r.isBroken()) {
                counts.merge(r.name(), r.resourceCount(), Integer::sum);
            }
        }
        return counts;
    }

    /** How many packages are broken. */
    public int brokenCount() {
        int n = 0;
        for (PackageRecord r : records) {
            n += r.isBroken() ? 1 : 0;
        }
        return n;
    }

    /** Closes the saved index file its records read their resources from (they cannot be read after). */
    @Override
    public void close() throws IOException {
        java.util.Set<Bodies> open = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (StoredRecord s : stored) {
            if (s.bodies() != null && open.add(s.bodies())) {
                s.bodies().close();
            }
        }
    }

    StoredRecord stored(int i) {
        return stored.get(i);
    }
}
