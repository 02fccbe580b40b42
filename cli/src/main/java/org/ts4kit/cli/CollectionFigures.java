package org.ts4kit.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.report.CompressionRow;
import org.ts4kit.report.PackageSizeRow;
import org.ts4kit.report.TypeRow;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.scan.ScannedPackage;

/**
 * What a collection holds, gathered from each package's index as the scan passes it (nothing is read
 * twice): resources and decompressed bytes by type, the compression mix, package sizes. Packages arrive
 * on the reading threads, so {@link #onPackage} is synchronized: it touches only the index columns.
 */
final class CollectionFigures implements ScanSink {
    /** Per type and per compression: resources, stored bytes, decompressed bytes. */
    private final Map<Integer, long[]> types = new HashMap<>();
    private final Map<String, long[]> compression = new TreeMap<>();
    private final List<PackageSizeRow> packages = new ArrayList<>();
    private long bytesRead;
    private long resources;

    @Override
    public synchronized void onPackage(ScannedPackage pkg) {
        if (pkg.length() >= 0) {
            bytesRead += pkg.length();
        }
        if (pkg.isBroken() || pkg.index() == null) {
            return;
        }
        DbpfIndex idx = pkg.index();
        int live = 0;
        for (int i = 0; i < idx.size(); i++) {
            String method = Compression.name(idx.compression(i));
            add(compression.computeIfAbsent(method, k -> new long[3]), idx.fileSize(i), idx.memSize(i));
            if (!idx.isDeleted(i)) {
                live++;
                add(types.computeIfAbsent(idx.type(i), k -> new long[3]), idx.fileSize(i), idx.memSize(i));
            }
        }
        resources += live;
        packages.add(new PackageSizeRow(pkg.name(), pkg.length(), live));
    }

    private static void add(long[] t, long stored, long memory) {
        t[0]++;
        t[1] += stored;
        t[2] += memory;
    }

    synchronized List<TypeRow> types() {
        List<TypeRow> rows = new ArrayList<>();
        types.forEach((type, t) -> rows.add(new TypeRow(ResourceTypes.nameOrHex(type), t[0], t[2])));
        rows.sort((a, b) -> a.resources() != b.resources() ? Long.compare(b.resources(), a.resources()) : a.type().compareTo(b.type()));
        return rows;
    }

    synchronized List<CompressionRow> compression() {
        List<CompressionRow> rows = new ArrayList<>();
        compression.forEach((method, t) -> rows.add(new CompressionRow(method, t[0], t[1], t[2])));
        return rows;
    }

    /** The {@code n} largest packages, largest first. */
    synchronized List<PackageSizeRow> largest(int n) {
        List<PackageSizeRow> rows = new ArrayList<>(packages);
        rows.sort((a, b) -> a.bytes() != b.bytes() ? Long.compare(b.bytes(), a.bytes()) : a.path().compareTo(b.path()));
        return rows.subList(0, Math.min(n, rows.size()));
    }

    synchronized long bytesRead() {
        return bytesRead;
    }

    synchronized long resources() {
        return resources;
    }
}
