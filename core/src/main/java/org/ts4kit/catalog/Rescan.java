package org.ts4kit.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.scan.CollectionScan;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.search.DocCollector;
import org.ts4kit.search.PackageDocs;
import org.ts4kit.telemetry.ProgressListener;

/**
 * Brings a saved index up to date with a listing: a package whose file has the stamp its record was made
 * from (same path, size, modification time and file key) keeps its record; every other package (added, or
 * changed) is walked once, decoding and hashing every entry, and gets a new record; records of packages no
 * longer listed are dropped. With no previous index everything is walked, which is also how a one-off
 * {@code search} without a saved index works, so the two give the same answers.
 */
public final class Rescan {
    private Rescan() {
    }

    /** What a rescan did. */
    public record Result(Catalog catalog, int kept, int read, int removed) {
        /** Whether the index differs from the one it started from (and is worth saving). */
        public boolean changed() {
            return read > 0 || removed > 0;
        }
    }

    /** As {@link #run(Catalog, String, List, int, ReadOptions, ProgressListener)} with the default read options. */
    public static Result run(Catalog previous, String identity, List<PackageInput> inputs, int threads,
            ProgressListener progress) throws InterruptedException {
        return run(previous, identity, inputs, threads, ReadOptions.defaults(), progress);
    }

    /**
     * Records for {@code inputs} (a listing's packages, in its order), reusing {@code previous}'s (may be
     * null) where the file is unchanged; the packages read go through {@code threads} threads, each
     * reported to {@code progress}.
     */
    public static Result run(Catalog previous, String identity, List<PackageInput> inputs, int threads,
            ReadOptions read, ProgressListener progress) throws InterruptedException {
        Map<String, Integer> old = new HashMap<>();
        if (previous != null) {
            for (int i = 0; i < previous.records().size(); i++) {
                old.put(previous.records().get(i).name(), i);
            }
        }
        PackageRecord[] records = new PackageRecord[inputs.size()];
        StoredRecord[] encoded = new StoredRecord[inputs.size()];
        List<PackageInput> toRead = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < inputs.size(); i++) {
            PackageInput in = inputs.get(i);
            Integer j = old.remove(in.name());
            PackageRecord r = j == null ? null : previous.records().get(j);
            if (r != null && r.stamp().equals(in.stamp()) && r.location().equals(in.location())) {
                records[i] = r;
                encoded[i] = previous.stored(j);
                kept++;
            } else {
                toRead.add(in);
                where.add(i);
            }
        }
        PackageScanner scanner = new PackageScanner(ScanOptions.KEYS.withStrings(true), read);
        DocCollector collector = new DocCollector((pkg, docs) -> {
            // on the walking thread: each position is written by one thread, read after the walk has joined
            int i = where.get(pkg.position());
            PackageInput in = pkg.input();
            DecodedKeys keys = DecodedKeys.of(pkg);
            PackageRecord r = new PackageRecord(in.name(), in.location(), in.stamp(), pkg.problems(), pkg.index() != null, docs, keys);
            records[i] = r;
            encoded[i] = RecordCodec.encode(in, pkg.problems(), r.indexRead(), r.keyFilter(), docs, keys);
        });
        CollectionScan.walk(toRead, threads, scanner, collector, progress, done -> { });
        return new Result(new Catalog(identity, List.of(records), List.of(encoded)), kept, toRead.size(), old.size());
    }
}
