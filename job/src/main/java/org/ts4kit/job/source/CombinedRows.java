package org.ts4kit.job.source;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The layout of the {@code all} table: one schema holding every table's columns, so that one walk of
 * a collection fills the job's four per-file tables (and its accounting) and Spark caches it once.
 * For each kind of row, each column maps to a column of that kind's own table, or to nothing (null).
 */
final class CombinedRows {
    static final String FILE = "file";
    static final String PACKAGE = "package";
    static final String RESOURCE = "resource";
    static final String STRING = "string";
    static final String ERROR = "error";
    /** Kinds in {@link #MAP}'s order. */
    static final String[] KINDS = {FILE, PACKAGE, RESOURCE, STRING, ERROR};

    /** Columns the per-table schemas do not have, coded below the per-table column numbers. */
    static final int KIND = -2;
    static final int SOURCE = -3;
    static final int EXPECTED = -4;
    static final int TYPE_ID = -5;
    static final int GROUP_ID = -6;
    static final int INSTANCE_ID = -7;
    static final int PACKAGE_OK = -8;
    static final int PACKAGE_ID = -9;
    static final int RESOURCE_ROWS = -10;
    static final int PARTITION = -11;
    static final int EXECUTOR = -12;
    static final int OPEN_MS = -13;
    static final int READ_MS = -14;
    static final int FIRST_PROBLEM_OFFSET = -15;
    static final int FIRST_PROBLEM = -16;
    static final int KEYS = -17;
    static final int NONE = -1;

    static final StructType SCHEMA = schema();

    private CombinedRows() {
    }

    private static StructType schema() {
        StructType s = new StructType()
                .add("kind", DataTypes.StringType, false)
                .add("source", DataTypes.StringType, true)
                .add("expected_packages", DataTypes.IntegerType, true)
                .add("type_id", DataTypes.IntegerType, true)
                .add("group_id", DataTypes.IntegerType, true)
                .add("instance_id", DataTypes.LongType, true)
                .add("package_ok", DataTypes.BooleanType, true)
                // package and resource rows: the package's number in this read (a long: numeric grouping
                // is what Spark aggregates fastest), and on package rows how many resource rows follow
                .add("package_id", DataTypes.LongType, true)
                .add("resource_rows", DataTypes.IntegerType, true)
                // package rows: of those, the entries that decoded (core's key count of an unbroken package)
                .add("keys", DataTypes.IntegerType, true)
                // package rows: where and how long the package took (the job's timings table)
                .add("partition", DataTypes.IntegerType, true)
                .add("executor", DataTypes.StringType, true)
                .add("open_ms", DataTypes.DoubleType, true)
                .add("read_ms", DataTypes.DoubleType, true);
        for (StructField f : SourceTable.PACKAGES.schema().fields()) {
            s = s.add(f.name(), f.dataType(), true);
        }
        for (StructField f : SourceTable.RESOURCES.schema().fields()) {
            if (!f.name().equals("path")) {
                s = s.add(f.name(), f.dataType(), true);
            }
        }
        for (StructField f : SourceTable.STRINGS.schema().fields()) {
            if (!f.name().equals("path")) {
                s = s.add(f.name(), f.dataType(), true);
            }
        }
        // error rows: the problem; package rows: their first problem (what the doctor says of a broken package)
        return s.add("error_offset", DataTypes.LongType, true).add("reason", DataTypes.StringType, true);
    }

    /**
     * For the required columns of the {@code all} table: {@code map[kind][c]} is the column of that kind's
     * own table that output column {@code c} shows, one of the special codes above, or {@link #NONE}.
     */
    static int[][] map(StructType required) {
        int[][] map = new int[KINDS.length][required.fields().length];
        for (int c = 0; c < required.fields().length; c++) {
            String n = required.fields()[c].name();
            map[0][c] = special(n, n.equals("path") || n.equals("bytes") ? 0 : NONE); // file rows: path and bytes
            map[0][c] = n.equals("bytes") ? 1 : map[0][c];
            map[1][c] = special(n, n.equals("error_offset") ? FIRST_PROBLEM_OFFSET : n.equals("reason") ? FIRST_PROBLEM
                    : index(SourceTable.PACKAGES, n));
            map[2][c] = special(n, index(SourceTable.RESOURCES, n));
            map[3][c] = special(n, index(SourceTable.STRINGS, n));
            map[4][c] = special(n, n.equals("path") ? 0 : n.equals("error_offset") ? 1 : n.equals("reason") ? 2 : NONE);
        }
        return map;
    }

    private static int special(String name, int otherwise) {
        switch (name) {
            case "kind": return KIND;
            case "source": return SOURCE;
            case "expected_packages": return EXPECTED;
            case "type_id": return TYPE_ID;
            case "group_id": return GROUP_ID;
            case "instance_id": return INSTANCE_ID;
            case "package_ok": return PACKAGE_OK;
            case "package_id": return PACKAGE_ID;
            case "resource_rows": return RESOURCE_ROWS;
            case "keys": return KEYS;
            case "partition": return PARTITION;
            case "executor": return EXECUTOR;
            case "open_ms": return OPEN_MS;
            case "read_ms": return READ_MS;
            default: return otherwise;
        }
    }

    private static int index(SourceTable table, String name) {
        StructType s = table.schema();
        return s.getFieldIndex(name).isDefined() ? s.fieldIndex(name) : NONE;
    }
}
