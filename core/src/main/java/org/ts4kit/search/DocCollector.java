package org.ts4kit.search;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.resource.NameMap;
import org.ts4kit.resource.PackageNames;
import org.ts4kit.resource.ResourceDetails;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.resource.StringTable;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.scan.ScannedPackage;
import org.ts4kit.scan.SharedRanges;

/**
 * A {@link ScanSink} that turns each walked package into its {@link PackageDocs}: every live entry's key,
 * the tuning name read from a tuning resource's root ({@code n="..."}), the names the package's name maps
 * give the rest (maps may come after the resources they name: names are resolved when the walk ends),
 * and the tokens of each string table. The walk must decode ({@code ScanOptions.KEYS.withStrings(true)}).
 * A package whose index could not be read has no resources; an entry that did not decode has its key only.
 * Thread-safe: the walks of different packages may run at once.
 *
 * <pre>{@code
 * List<PackageDocs> docs = Collections.synchronizedList(new ArrayList<>());
 * CollectionScan.run(listing, 2, new PackageScanner(ScanOptions.KEYS.withStrings(true), ReadOptions.defaults()),
 *         DocCollector.into(docs::add));
 * }</pre>
 */
public final class DocCollector implements ScanSink {
    private final BiConsumer<ScannedPackage, PackageDocs> done;
    private final Map<ScannedPackage, Walk> walks = new ConcurrentHashMap<>();

    /**
     * {@code done} gets each walked package with its documents on the thread that walked it, also a
     * broken package, at the end of its walk.
     */
    public DocCollector(BiConsumer<ScannedPackage, PackageDocs> done) {
        this.done = done;
    }

    /** A collector that hands on the documents only. */
    public static DocCollector into(Consumer<PackageDocs> done) {
        return new DocCollector((pkg, docs) -> done.accept(docs));
    }

    /** What one package's walk has seen so far. */
    private static final class Walk {
        String[] tuningNames;
        String[][] text;
        final List<NameMap> maps = new ArrayList<>();

        Walk(int entries) {
            tuningNames = new String[entries];
            text = new String[entries][];
        }
    }

    private Walk walk(ScannedPackage pkg) {
        return walks.computeIfAbsent(pkg, p -> new Walk(p.entryCount()));
    }

    @Override
    public void onResource(ScannedPackage pkg, int entry, ByteBuffer bytes) {
        if (bytes == null) {
            return;
        }
        int type = pkg.index().type(entry);
        if (ResourceTypes.isTuning(type)) {
            walk(pkg).tuningNames[entry] = ResourceDetails.of(type, 0, bytes, PackageNames.NONE).name();
        } else if (type == NameMap.TYPE) {
            try {
                walk(pkg).maps.add(NameMap.decode(pkg.name(), bytes.duplicate()));
            } catch (DbpfFormatException e) {
                // a map that does not decode names nothing (ls --details agrees)
            }
        }
    }

    @Override
    public void onStringTable(ScannedPackage pkg, int entry, StringTable table) {
        TokenSets.Collector tokens = new TokenSets.Collector();
        for (int i = 0; i < table.count(); i++) {
            tokens.add(table.text(i));
        }
        walk(pkg).text[entry] = tokens.toArray();
    }

    @Override
    public void onPackage(ScannedPackage pkg) {
        Walk w = walks.remove(pkg);
        done.accept(pkg, docsOf(pkg, w == null ? new Walk(pkg.entryCount()) : w));
    }

    private static PackageDocs docsOf(ScannedPackage pkg, Walk w) {
        PackageDocs.Builder docs = new PackageDocs.Builder(pkg.name());
        DbpfIndex idx = pkg.index();
        if (idx == null) {
            return docs.build();
        }
        PackageNames names = PackageNames.of(w.maps.toArray(new NameMap[0]));
        int[] shared = SharedRanges.of(idx); // repeats of a decoded range got no bytes of their own: they are the same resource
        for (int i = 0; i < idx.size(); i++) {
            if (idx.isDeleted(i)) {
                continue;
            }
            int from = shared != null && shared[i] >= 0 ? shared[i] : i;
            String name = w.tuningNames[from];
            if (name == null || name.isEmpty()) {
                name = names.nameOf(idx.instance(i));
            }
            docs.add(idx.type(i), idx.group(i), idx.instance(i), name, w.text[from]);
        }
        return docs.build();
    }
}
