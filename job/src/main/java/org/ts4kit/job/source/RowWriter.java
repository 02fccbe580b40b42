package org.ts4kit.job.source;

import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.io.Sha256;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.resource.StringTable;
import org.ts4kit.scan.Problem;

/**
 * Writes the rows of the package a {@link PackageRows} holds, one table's required columns, into
 * Spark's {@code UnsafeRow}s: numbers straight from core's index arrays, hex formatted in place, the
 * package's name encoded once.
 */
final class RowWriter {
    private static final UTF8String[] KINDS = new UTF8String[CombinedRows.KINDS.length];

    static {
        for (int k = 0; k < KINDS.length; k++) {
            KINDS[k] = UTF8String.fromString(CombinedRows.KINDS[k]);
        }
    }

    private final SourceTable table;
    private final PackageRows p;
    /** For each required column (in the required schema's order), its position in the table's full schema. */
    private final int[] columns;
    /** For the {@code all} table: per kind of row, what each required column shows ({@link CombinedRows#map}). */
    private final int[][] combined;
    /** Where hex digits are formatted before they are copied into a row. */
    private final byte[] scratch = new byte[64];

    RowWriter(SourceTable table, StructType required, PackageRows rows) {
        this.table = table;
        this.p = rows;
        this.columns = new int[required.fields().length];
        StructType full = table.schema();
        for (int c = 0; c < columns.length; c++) {
            columns[c] = full.fieldIndex(required.fields()[c].name());
        }
        this.combined = table == SourceTable.ALL ? CombinedRows.map(required) : null;
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
                    stringColumn(c, columns[c], r, w);
                    break;
                default:
                    errorColumn(c, columns[c], p.problems.get(r), w);
            }
        }
    }

    /** A row of the {@code all} table: which kind row {@code r} is, then each column as that kind's table has it. */
    private void writeCombined(int r, UnsafeRowWriter w) {
        int kind;
        int k;
        if (p.expectedPackages >= 0) {
            kind = 0;
            k = 0;
        } else if (r == 0) {
            kind = 1;
            k = 0;
        } else if (r <= p.entries.size()) {
            kind = 2;
            k = r - 1;
        } else if (r <= p.entries.size() + p.stringRowTable.size()) {
            kind = 3;
            k = r - 1 - p.entries.size();
        } else {
            kind = 4;
            k = r - 1 - p.entries.size() - p.stringRowTable.size();
        }
        int[] map = combined[kind];
        for (int c = 0; c < map.length; c++) {
            int column = map[c];
            if (column == CombinedRows.KIND) {
                Cells.text(w, c, KINDS[kind]);
            } else if (column == CombinedRows.SOURCE) {
                Cells.text(w, c, p.sourceText);
            } else if (column == CombinedRows.NONE || (column < CombinedRows.NONE && !specialApplies(column, kind))) {
                w.setNullAt(c);
            } else if (column < CombinedRows.NONE) {
                special(c, column, k, w);
            } else {
                switch (kind) {
                    case 0: fileColumn(c, column, w); break;
                    case 1: packageColumn(c, column, w); break;
                    case 2: resourceColumn(c, column, k, w); break;
                    case 3: stringColumn(c, column, k, w); break;
                    default: errorColumn(c, column, p.problems.get(k), w);
                }
            }
        }
    }

    private static boolean specialApplies(int column, int kind) {
        switch (column) {
            case CombinedRows.EXPECTED: return kind == 0;
            case CombinedRows.PACKAGE_ID: return kind == 1 || kind == 2;
            case CombinedRows.RESOURCE_ROWS:
            case CombinedRows.KEYS:
            case CombinedRows.PARTITION:
            case CombinedRows.EXECUTOR:
            case CombinedRows.OPEN_MS:
            case CombinedRows.READ_MS:
            case CombinedRows.FIRST_PROBLEM_OFFSET:
            case CombinedRows.FIRST_PROBLEM:
                return kind == 1;
            default: return kind == 2;
        }
    }

    private void special(int c, int column, int k, UnsafeRowWriter w) {
        DbpfIndex idx = p.pkg == null ? null : p.pkg.index();
        switch (column) {
            case CombinedRows.EXPECTED: w.write(c, p.expectedPackages); break;
            case CombinedRows.PACKAGE_ID: w.write(c, p.packageId); break;
            case CombinedRows.RESOURCE_ROWS: w.write(c, p.entries.size()); break;
            case CombinedRows.KEYS: w.write(c, p.keys); break;
            case CombinedRows.PARTITION: w.write(c, p.partition); break;
            case CombinedRows.EXECUTOR: Cells.text(w, c, p.executor); break;
            case CombinedRows.OPEN_MS: w.write(c, p.openMillis); break;
            case CombinedRows.READ_MS: w.write(c, p.readMillis); break;
            case CombinedRows.FIRST_PROBLEM_OFFSET:
                if (p.pkg.problems().isEmpty()) {
                    w.setNullAt(c);
                } else {
                    w.write(c, p.pkg.problems().get(0).offset());
                }
                break;
            case CombinedRows.FIRST_PROBLEM:
                Cells.text(w, c, p.pkg.problems().isEmpty() ? null : p.pkg.problems().get(0).reason());
                break;
            case CombinedRows.TYPE_ID: w.write(c, idx.type(p.entries.get(k))); break;
            case CombinedRows.GROUP_ID: w.write(c, idx.group(p.entries.get(k))); break;
            case CombinedRows.INSTANCE_ID: w.write(c, idx.instance(p.entries.get(k))); break;
            default: w.write(c, !p.pkg.isBroken()); // PACKAGE_OK
        }
    }

    private void fileColumn(int c, int column, UnsafeRowWriter w) {
        if (column == 0) {
            Cells.text(w, c, p.sourceText);
        } else {
            w.write(c, p.fileBytes);
        }
    }

    private void resourceColumn(int c, int column, int r, UnsafeRowWriter w) {
        DbpfIndex idx = p.pkg.index();
        int i = p.entries.get(r);
        switch (column) {
            case 0: Cells.text(w, c, p.nameText); break;
            case 1: Cells.hex(w, c, idx.type(i) & 0xFFFF_FFFFL, 8, scratch); break;
            case 2: Cells.text(w, c, ResourceTypes.name(idx.type(i))); break;
            case 3: Cells.hex(w, c, idx.group(i) & 0xFFFF_FFFFL, 8, scratch); break;
            case 4: Cells.hex(w, c, idx.instance(i), 16, scratch); break;
            case 5: w.write(c, idx.offset(i)); break;
            case 6: w.write(c, idx.fileSize(i)); break;
            case 7: w.write(c, idx.memSize(i)); break;
            case 8: Cells.text(w, c, Compression.name(idx.compression(i))); break;
            case 9:
                if (p.pkg.decoded(i)) {
                    Cells.hexBytes(w, c, p.pkg.hashes(), i * 32, 32, scratch);
                } else {
                    w.setNullAt(c);
                }
                break;
            case 10: Cells.text(w, c, p.names.get(r)); break;
            case 11: Cells.size(w, c, p.widths.get(r)); break;
            default: Cells.size(w, c, p.heights.get(r));
        }
    }

    private void packageColumn(int c, int column, UnsafeRowWriter w) {
        switch (column) {
            case 0: Cells.text(w, c, p.nameText); break;
            case 1: w.write(c, p.pkg.length() >= 0 ? p.pkg.length() : p.pkg.input().size()); break;
            case 2:
                if (p.modifiedMicros < 0) {
                    w.setNullAt(c);
                } else {
                    w.write(c, p.modifiedMicros);
                }
                break;
            case 3: w.write(c, p.pkg.entryCount()); break;
            case 4: w.write(c, p.pkg.liveCount()); break;
            case 5: Cells.text(w, c, p.pkg.isBroken() ? "broken" : "ok"); break;
            case 6: Cells.text(w, c, p.pkg.fileHash() == null ? null : Sha256.hex(p.pkg.fileHash())); break;
            case 7: Cells.text(w, c, p.pkg.problems().isEmpty() ? null : p.pkg.problems().get(0).toString()); break;
            default: Cells.text(w, c, p.pkg.version()); // the DBPF header version, null when it did not open
        }
    }

    private void stringColumn(int c, int column, int k, UnsafeRowWriter w) {
        if (column == 0) {
            Cells.text(w, c, p.nameText);
        } else {
            int table = p.stringRowTable.get(k);
            StringTable t = p.stringTables.get(table);
            switch (column) {
                case 1: Cells.hex(w, c, p.pkg.index().instance(p.stringTableEntries.get(table)), 16, scratch); break;
                case 2: Cells.hex(w, c, t.keyHash(p.stringRowKey.get(k)) & 0xFFFF_FFFFL, 8, scratch); break;
                default: Cells.text(w, c, t.text(p.stringRowKey.get(k)));
            }
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
