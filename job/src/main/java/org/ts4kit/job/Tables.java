package org.ts4kit.job;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Table names and schemas (documented in the README). Keys print as in the CLI: upper-case hex. */
public final class Tables {
    public static final String PACKAGES = "packages";
    public static final String RESOURCES = "resources";
    public static final String CONFLICTS = "conflicts";
    public static final String DUPLICATES = "duplicates";
    public static final String STRINGS = "strings";
    public static final String ERRORS = "errors";
    public static final String CONFLICT_PAIRS = "conflict_pairs";
    public static final String FINDINGS = "findings";
    public static final String TIMINGS = "timings";

    /** The tables each file contributes rows to directly; the others are derived. */
    public static final String[] PER_FILE = {PACKAGES, RESOURCES, STRINGS, ERRORS};

    private Tables() {
    }

    public static StructType schema(String table) {
        switch (table) {
            case PACKAGES:
                return new StructType()
                        .add("path", DataTypes.StringType, false)
                        .add("bytes", DataTypes.LongType, false)
                        .add("modified", DataTypes.TimestampType, true)
                        .add("entries", DataTypes.IntegerType, false)
                        .add("live_entries", DataTypes.IntegerType, false)
                        .add("status", DataTypes.StringType, false)
                        .add("file_hash", DataTypes.StringType, true)
                        .add("error", DataTypes.StringType, true)
                        .add("version", DataTypes.StringType, true);
            case RESOURCES:
                return new StructType()
                        .add("path", DataTypes.StringType, false)
                        .add("type", DataTypes.StringType, false)
                        .add("type_name", DataTypes.StringType, true)
                        .add("group", DataTypes.StringType, false)
                        .add("instance", DataTypes.StringType, false)
                        .add("offset", DataTypes.LongType, false)
                        .add("file_size", DataTypes.LongType, false)
                        .add("mem_size", DataTypes.LongType, false)
                        .add("compression", DataTypes.StringType, false)
                        .add("hash", DataTypes.StringType, true)
                        .add("name", DataTypes.StringType, true)
                        .add("width", DataTypes.IntegerType, true)
                        .add("height", DataTypes.IntegerType, true);
            case STRINGS:
                return new StructType()
                        .add("path", DataTypes.StringType, false)
                        .add("stbl_instance", DataTypes.StringType, false)
                        .add("key_hash", DataTypes.StringType, false)
                        .add("text", DataTypes.StringType, false);
            case CONFLICTS:
                return new StructType()
                        .add("key", DataTypes.StringType, false)
                        .add("packages", DataTypes.createArrayType(DataTypes.StringType, false), false)
                        .add("identical", DataTypes.BooleanType, false)
                        .add("count", DataTypes.LongType, false)
                        .add("kind", DataTypes.StringType, false)
                        .add("severity", DataTypes.StringType, false);
            case CONFLICT_PAIRS:
                return new StructType()
                        .add("package_a", DataTypes.StringType, false)
                        .add("package_b", DataTypes.StringType, false)
                        .add("shared_keys", DataTypes.LongType, false)
                        .add("differing_keys", DataTypes.LongType, false)
                        .add("severity", DataTypes.StringType, false)
                        .add("high_keys", DataTypes.LongType, false)
                        .add("medium_keys", DataTypes.LongType, false)
                        .add("low_keys", DataTypes.LongType, false)
                        .add("versions_of_one_mod", DataTypes.BooleanType, false)
                        .add("same_creator", DataTypes.BooleanType, false);
            case FINDINGS:
                return new StructType()
                        .add("severity", DataTypes.StringType, false)
                        .add("check", DataTypes.StringType, false)
                        .add("path", DataTypes.StringType, false)
                        .add("paths", DataTypes.createArrayType(DataTypes.StringType, false), false)
                        .add("reason", DataTypes.StringType, false)
                        .add("fix", DataTypes.StringType, false);
            case TIMINGS:
                return new StructType()
                        .add("path", DataTypes.StringType, false)
                        .add("partition", DataTypes.IntegerType, false)
                        .add("executor", DataTypes.StringType, false)
                        .add("open_ms", DataTypes.DoubleType, false)
                        .add("read_ms", DataTypes.DoubleType, false)
                        .add("bytes", DataTypes.LongType, false)
                        .add("resources", DataTypes.IntegerType, false);
            case DUPLICATES:
                return new StructType()
                        .add("hash", DataTypes.StringType, false)
                        .add("bytes", DataTypes.LongType, false)
                        .add("occurrences", DataTypes.LongType, false)
                        .add("keys", DataTypes.createArrayType(DataTypes.StringType, false), false);
            case ERRORS:
                return new StructType()
                        .add("path", DataTypes.StringType, false)
                        .add("offset", DataTypes.LongType, false)
                        .add("reason", DataTypes.StringType, false);
            default:
                throw new IllegalArgumentException("no schema for " + table);
        }
    }
}
