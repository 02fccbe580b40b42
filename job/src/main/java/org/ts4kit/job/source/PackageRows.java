package org.ts4kit.job.source;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.types.StructType;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.io.Sha256;
import org.ts4kit.resource.NameMap;
import org.ts4kit.resource.PackageNames;
import org.ts4kit.resource.ResourceDetails;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.resource.StringTable;
import org.ts4kit.scan.Problem;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.scan.ScannedPackage;

/**
 * One package's rows of one table, from one walk: the sink collects what the walk hands it (the
 * entries that pass the pushed filter, their details while the bytes are in hand, string tables,
 * name maps), and once the package is done {@link #write} turns row {@code r} into Spark's internal
 * row format, only the required columns, straight from core's columnar index: no object per row.
 * Reused package after package.
 */
final class PackageRows implements ScanSink {
    private final SourceTable table;
    private final KeyFilter filter;
    /** For each required column (in the required schema's order), its position in the table's full schema. */
    private final int[] columns;
    /** For the {@code all} table: per kind of row, what each required column shows ({@link CombinedRows#map}). */
    private final int[][] combined;
    private final boolean details;
    private final boolean resources;
    private final boolean stringRows;

    /** The listed file the current package came from, and a pending file row (the {@code all} table's accounting). */
    private String source;
    private long fileBytes;
    private int expectedPackages = -1;

    private long modifiedMicros = -1;
    private ScannedPackage pkg;
    private final IntList entries = new IntList();
    private final List<String> names = new ArrayList<>();
    private final IntList widths = new IntList();
    private final IntList heights = new IntList();
    private final List<NameMap> nameMaps = new ArrayList<>();
    private final List<Object[]> strings = new ArrayList<>(); // {instance hex, key hash hex, text}
    private final List<Problem> problems = new ArrayList<>();
    private int rows;
    /** Counted for the metrics: bytes of resources decoded, and how many. */
    long decodedBytes;
    long decodedResources;

    PackageRows(SourceTable table, StructType required, KeyFilter filter) {
        this.table = table;
        this.filter = filter;
        this.columns = new int[required.fields().length];
        StructType full = table.schema();
        for (int c = 0; c < columns.length; c++) {
            columns[c] = full.fieldIndex(required.fields()[c].name());
        }
        this.combined = table == SourceTable.ALL ? CombinedRows.map(required) : null;
        this.resources = table == SourceTable.RESOURCES || table == SourceTable.ALL;
        this.stringRows = table == SourceTable.STRINGS || table == SourceTable.ALL;
        this.details = resources
                && (required.getFieldIndex("name").isDefined() || required.getFieldIndex("width").isDefined()
                        || required.getFieldIndex("height").isDefined());
    }

    /** Whether name maps must be walked even when the types pushed down do not include them. */
    boolean needsNameMaps() {
        return details;
    }

    /**
     * The {@code all} table's row for a listed file: its name, size and the number of package rows it
     * must produce. Until the next {@link #start}, {@link #rows()} is 1 and row 0 is this row.
     */
    void fileRow(String name, long bytes, int expected) {
        start(name, 0);
        fileBytes = bytes;
        expectedPackages = expected;
        rows = 1;
    }

    /** Starts a package of listed file {@code sourceName}, with its modification time (ms since the epoch, 0 when unknown). */
    void start(String sourceName, long modifiedMillis) {
        source = sourceName;
        expectedPackages = -1;
        modifiedMicros = modifiedMillis > 0 ? modifiedMillis * 1000 : -1;
        pkg = null;
        entries.clear();
        names.clear();
        widths.clear();
        heights.clear();
        nameMaps.clear();
        strings.clear();
        problems.clear();
        rows = 0;
    }

    @Override
    public void onResource(ScannedPackage p, int i, ByteBuffer bytes) {
        DbpfIndex idx = p.index();
        if (bytes != null) {
            decodedResources++;
            decodedBytes += bytes.remaining();
            if (details && idx.type(i) == NameMap.TYPE) {
                nameMap(p, i, bytes);
            }
        }
        if (!resources || !filter.admitsEntry(idx, i)) {
            return;
        }
        entries.add(i);
        if (details) {
            ResourceDetails d = bytes == null ? ResourceDetails.NONE
                    : ResourceDetails.of(idx.type(i), idx.instance(i), bytes, PackageNames.NONE);
            names.add(d.hasName() ? d.name() : null);
            widths.add(d.hasSize() ? d.width() : -1);
            heights.add(d.hasSize() ? d.height() : -1);
        }
    }

    private void nameMap(ScannedPackage p, int i, ByteBuffer bytes) {
        try {
            nameMaps.add(NameMap.decode(p.name() + " " + p.index().key(i), bytes));
        } catch (DbpfFormatException e) {
            // a map that does not decode names nothing
        }
    }

    @Override
    public void onStringTable(ScannedPackage p, int entry, StringTable t) {
        if (!stringRows) {
            return;
        }
        String instance = ResourceKey.hex16(p.index().instance(entry));
        for (int k = 0; k < t.count(); k++) {
            strings.add(new Object[] {instance, ResourceKey.hex8(t.keyHash(k)), t.text(k)});
        }
    }

    @Override
    public void onPackage(ScannedPackage p) {
        pkg = p;
        if (details && !nameMaps.isEmpty()) { // maps may come after what they name: fill in now
            PackageNames byMaps = PackageNames.of(nameMaps.toArray(new NameMap[0]));
            for (int r = 0; r < entries.size(); r++) {
                if (names.get(r) == null && !p.index().isDeleted(entries.get(r))) {
                    names.set(r, byMaps.nameOf(p.index().instance(entries.get(r))));
                }
            }
        }
        problems.addAll(p.problems());
        problems.addAll(p.warnings());
        switch (table) {
            case RESOURCES:
                rows = entries.size();
                break;
            case PACKAGES:
                rows = 1;
                break;
            case STRINGS:
                rows = strings.size();
                break;
            case ERRORS:
                rows = problems.size();
                break;
            default: // ALL: the package, then its resources, strings and problems
                rows = 1 + entries.size() + strings.size() + problems.size();
        }
    }

    /** Rows ready once the package is done. */
    int rows() {
        return rows;
    }

    /** Writes row {@code r} of the package into {@code w} (reset by the caller). */
    void write(int r, UnsafeRowWriter w) {
        if (combined != null) {
            writeCombined(r, w);
            return;
        }
        for (int c = 0; c < columns.length; c++) {
            switch (table) {
                case RESOURCES:
                    resourceColumn(c, columns[c], r, w);
                    break;
                case PACKAGES:
                    packageColumn(c, columns[c], w);
                    break;
                case STRINGS:
                    Cells.text(w, c, columns[c] == 0 ? pkg.name() : (String) strings.get(r)[columns[c] - 1]);
                    break;
                default:
                    errorColumn(c, columns[c], problems.get(r), w);
            }
        }
    }

    /** A row of the {@code all} table: which kind row {@code r} is, then each column as that kind's table has it. */
    private void writeCombined(int r, UnsafeRowWriter w) {
        int kind;
        int k;
        if (expectedPackages >= 0) {
            kind = 0;
            k = 0;
        } else if (r == 0) {
            kind = 1;
            k = 0;
        } else if (r <= entries.size()) {
            kind = 2;
            k = r - 1;
        } else if (r <= entries.size() + strings.size()) {
            kind = 3;
            k = r - 1 - entries.size();
        } else {
            kind = 4;
            k = r - 1 - entries.size() - strings.size();
        }
        int[] map = combined[kind];
        for (int c = 0; c < map.length; c++) {
            int column = map[c];
            if (column == CombinedRows.KIND) {
                Cells.text(w, c, CombinedRows.KINDS[kind]);
            } else if (column == CombinedRows.SOURCE) {
                Cells.text(w, c, source);
            } else if (column == CombinedRows.NONE || (column < CombinedRows.NONE && !specialApplies(column, kind))) {
                w.setNullAt(c);
            } else if (column < CombinedRows.NONE) {
                special(c, column, k, w);
            } else {
                switch (kind) {
                    case 0: fileColumn(c, column, w); break;
                    case 1: packageColumn(c, column, w); break;
                    case 2: resourceColumn(c, column, k, w); break;
                    case 3: Cells.text(w, c, column == 0 ? pkg.name() : (String) strings.get(k)[column - 1]); break;
                    default: errorColumn(c, column, problems.get(k), w);
                }
            }
        }
    }

    private static boolean specialApplies(int column, int kind) {
        return column == CombinedRows.EXPECTED ? kind == 0 : kind == 2;
    }

    private void special(int c, int column, int k, UnsafeRowWriter w) {
        DbpfIndex idx = pkg == null ? null : pkg.index();
        switch (column) {
            case CombinedRows.EXPECTED: w.write(c, expectedPackages); break;
            case CombinedRows.TYPE_ID: w.write(c, idx.type(entries.get(k))); break;
            case CombinedRows.GROUP_ID: w.write(c, idx.group(entries.get(k))); break;
            case CombinedRows.INSTANCE_ID: w.write(c, idx.instance(entries.get(k))); break;
            default: w.write(c, !pkg.isBroken()); // PACKAGE_OK
        }
    }

    private void fileColumn(int c, int column, UnsafeRowWriter w) {
        if (column == 0) {
            Cells.text(w, c, source);
        } else {
            w.write(c, fileBytes);
        }
    }

    private void resourceColumn(int c, int column, int r, UnsafeRowWriter w) {
        DbpfIndex idx = pkg.index();
        int i = entries.get(r);
        switch (column) {
            case 0: Cells.text(w, c, pkg.name()); break;
            case 1: Cells.text(w, c, ResourceKey.hex8(idx.type(i))); break;
            case 2: Cells.text(w, c, ResourceTypes.name(idx.type(i))); break;
            case 3: Cells.text(w, c, ResourceKey.hex8(idx.group(i))); break;
            case 4: Cells.text(w, c, ResourceKey.hex16(idx.instance(i))); break;
            case 5: w.write(c, idx.offset(i)); break;
            case 6: w.write(c, idx.fileSize(i)); break;
            case 7: w.write(c, idx.memSize(i)); break;
            case 8: Cells.text(w, c, Compression.name(idx.compression(i))); break;
            case 9: Cells.text(w, c, pkg.hashHex(i)); break;
            case 10: Cells.text(w, c, names.get(r)); break;
            case 11: Cells.size(w, c, widths.get(r)); break;
            default: Cells.size(w, c, heights.get(r));
        }
    }

    private void packageColumn(int c, int column, UnsafeRowWriter w) {
        switch (column) {
            case 0: Cells.text(w, c, pkg.name()); break;
            case 1: w.write(c, pkg.length() >= 0 ? pkg.length() : pkg.input().size()); break;
            case 2:
                if (modifiedMicros < 0) {
                    w.setNullAt(c);
                } else {
                    w.write(c, modifiedMicros);
                }
                break;
            case 3: w.write(c, pkg.entryCount()); break;
            case 4: w.write(c, pkg.liveCount()); break;
            case 5: Cells.text(w, c, pkg.isBroken() ? "broken" : "ok"); break;
            case 6: Cells.text(w, c, pkg.fileHash() == null ? null : Sha256.hex(pkg.fileHash())); break;
            default: Cells.text(w, c, pkg.problems().isEmpty() ? null : pkg.problems().get(0).toString());
        }
    }

    private static void errorColumn(int c, int column, Problem p, UnsafeRowWriter w) {
        switch (column) {
            case 0: Cells.text(w, c, p.location()); break;
            case 1: w.write(c, p.offset()); break;
            default: Cells.text(w, c, p.reason());
        }
    }

}
