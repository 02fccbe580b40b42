package org.ts4kit.job.source;

import java.util.Locale;
import org.apache.spark.sql.types.StructType;
import org.ts4kit.job.Tables;
import org.ts4kit.scan.ScanOptions;

/**
 * The tables {@code spark.read.format("dbpf")} gives ({@code option("table", ...)}), with the columns
 * the README documents for the job's tables, and what each needs core to compute for the columns a
 * query selects: column pruning decides how much of a package is read.
 */
public enum SourceTable {
    RESOURCES(Tables.RESOURCES),
    PACKAGES(Tables.PACKAGES),
    STRINGS(Tables.STRINGS),
    ERRORS(Tables.ERRORS),
    /**
     * Every table's rows from one walk, told apart by {@code kind} ({@code file}, {@code package},
     * {@code resource}, {@code string}, {@code error}): what the job reads, once, and caches. Resource rows
     * also carry numeric keys and their package's status; file rows the number of packages the listed
     * file must produce (exactly-once accounting); package rows where and how long they were read
     * ({@code partition}, {@code executor}, {@code open_ms}, {@code read_ms}), their decoded {@code keys}
     * and their first problem ({@code error_offset}, {@code reason}).
     */
    ALL("all");

    private final String tableName;

    SourceTable(String tableName) {
        this.tableName = tableName;
    }

    public String tableName() {
        return tableName;
    }

    public StructType schema() {
        return this == ALL ? CombinedRows.SCHEMA : Tables.schema(tableName);
    }

    /** {@code resources} when absent; an unknown name is an error naming the choices. */
    public static SourceTable named(String name) {
        if (name == null) {
            return RESOURCES;
        }
        for (SourceTable t : values()) {
            if (t.tableName.equals(name.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("dbpf: no table '" + name + "' (resources, packages, strings, errors; all)");
    }

    /**
     * What a walk must compute to fill {@code columns} of this table: a {@code resources} query without
     * {@code hash}, {@code name}, {@code width} or {@code height} reads the index only; {@code packages}
     * decodes every entry only for {@code status} or {@code error} (a package is broken when one does not
     * decode) and hashes the file only for {@code file_hash}; {@code strings} decodes string tables only.
     */
    ScanOptions scanOptions(StructType columns) {
        switch (this) {
            case RESOURCES:
                return ScanOptions.INDEX_ONLY.withDecode(has(columns, "hash", "name", "width", "height"));
            case PACKAGES:
                return ScanOptions.INDEX_ONLY.withDecode(has(columns, "status", "error")).withFileHash(has(columns, "file_hash"));
            case STRINGS:
                return ScanOptions.INDEX_ONLY.withStrings(true).withTypes(org.ts4kit.resource.StringTable.TYPE);
            case ERRORS:
                return ScanOptions.KEYS.withStrings(true); // every problem: all entries, and string tables' contents
            case ALL:
                return ScanOptions.ALL;
            default:
                throw new AssertionError(this);
        }
    }

    private static boolean has(StructType columns, String... names) {
        for (String n : names) {
            if (columns.getFieldIndex(n).isDefined()) {
                return true;
            }
        }
        return false;
    }
}
