package org.ts4kit.job.source;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.sql.types.StructType;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.resource.NameMap;
import org.ts4kit.resource.PackageNames;
import org.ts4kit.resource.ResourceDetails;
import org.ts4kit.resource.StringTable;
import org.ts4kit.scan.Problem;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.scan.ScannedPackage;

/**
 * One package's rows of one table, from one walk: the sink collects what the walk hands it (the
 * entries that pass the pushed filter, their details while the bytes are in hand, string tables,
 * name maps, problems); once the package is done, {@link RowWriter} turns row {@code r} into Spark's
 * internal row format straight from core's columnar index: no object per row. Reused package after
 * package; the fields are what the writer reads.
 */
final class PackageRows implements ScanSink {
    private final SourceTable table;
    private final KeyFilter filter;
    private final boolean details;
    private final boolean resources;
    private final boolean stringRows;

    /** The listed file the current package came from, and a pending file row (the {@code all} table's accounting). */
    private String source;
    UTF8String sourceText;
    long fileBytes;
    int expectedPackages = -1;
    /** The {@code all} table's numeric package identity (unique in one read), for Spark's numeric aggregations. */
    long packageId = -1;

    long modifiedMicros = -1;
    /** Where the package was read (task partition, executor id) and its open and full walk times, in ms. */
    int partition;
    UTF8String executor;
    double openMillis;
    double readMillis;
    /** Entries of the rows that decoded: what core's {@code ConflictFinder} counts as the keys a package holds. */
    int keys;
    ScannedPackage pkg;
    UTF8String nameText;
    final IntList entries = new IntList();
    final List<String> names = new ArrayList<>();
    final IntList widths = new IntList();
    final IntList heights = new IntList();
    private final List<NameMap> nameMaps = new ArrayList<>();
    /** The package's string tables (each with its entry), and per string row: its table and position in it. */
    final List<StringTable> stringTables = new ArrayList<>();
    final IntList stringTableEntries = new IntList();
    final IntList stringRowTable = new IntList();
    final IntList stringRowKey = new IntList();
    final List<Problem> problems = new ArrayList<>();
    private int rows;
    /** Counted for the metrics: bytes of resources decoded, and how many. */
    long decodedBytes;
    long decodedResources;

    PackageRows(SourceTable table, StructType required, KeyFilter filter) {
        this.table = table;
        this.filter = filter;
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
        start(name, 0, -1);
        fileBytes = bytes;
        expectedPackages = expected;
        rows = 1;
    }

    /**
     * Starts a package of listed file {@code sourceName}, with its modification time (ms since the epoch,
     * 0 when unknown) and its number in this read ({@code package_id} of the {@code all} table).
     */
    void start(String sourceName, long modifiedMillis, long id) {
        if (!sourceName.equals(source)) {
            sourceText = UTF8String.fromString(sourceName);
        }
        source = sourceName;
        packageId = id;
        nameText = null;
        expectedPackages = -1;
        modifiedMicros = modifiedMillis > 0 ? modifiedMillis * 1000 : -1;
        openMillis = 0;
        readMillis = 0;
        pkg = null;
        entries.clear();
        names.clear();
        widths.clear();
        heights.clear();
        nameMaps.clear();
        stringTables.clear();
        stringTableEntries.clear();
        stringRowTable.clear();
        stringRowKey.clear();
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
        stringTables.add(t);
        stringTableEntries.add(entry);
        for (int k = 0; k < t.count(); k++) {
            stringRowTable.add(stringTables.size() - 1);
            stringRowKey.add(k);
        }
    }

    @Override
    public void onPackage(ScannedPackage p) {
        pkg = p;
        nameText = UTF8String.fromString(p.name()); // encoded once, written in every row of the package
        if (details && !nameMaps.isEmpty()) { // maps may come after what they name: fill in now
            PackageNames byMaps = PackageNames.of(nameMaps.toArray(new NameMap[0]));
            for (int r = 0; r < entries.size(); r++) {
                if (names.get(r) == null && !p.index().isDeleted(entries.get(r))) {
                    names.set(r, byMaps.nameOf(p.index().instance(entries.get(r))));
                }
            }
        }
        keys = 0;
        for (int r = 0; r < entries.size(); r++) {
            keys += p.decoded(entries.get(r)) ? 1 : 0;
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
                rows = stringRowTable.size();
                break;
            case ERRORS:
                rows = problems.size();
                break;
            default: // ALL: the package, then its resources, strings and problems
                rows = 1 + entries.size() + stringRowTable.size() + problems.size();
        }
    }

    /** Rows ready once the package is done. */
    int rows() {
        return rows;
    }
}
