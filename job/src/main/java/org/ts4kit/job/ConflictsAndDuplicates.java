package org.ts4kit.job;

import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Conflicts and duplicates as Spark SQL aggregations over the resource rows of the source's
 * {@code all} table, grouped by numeric keys (hex only where the tables show a key). The same rules
 * as {@code ts4kit conflicts}: only packages that are not broken, only live entries; {@code identical}
 * when every copy has the same decompressed bytes.
 */
final class ConflictsAndDuplicates {
    private ConflictsAndDuplicates() {
    }

    /** Resource rows of unbroken packages: what both tables are computed from. */
    private static Dataset<Row> liveResources(Dataset<Row> all) {
        return all.where("kind = 'resource' AND package_ok");
    }

    /** Rows {@code (key, packages, identical, count)} for keys held by two or more packages. */
    static Dataset<Row> conflicts(Dataset<Row> all) {
        // no DISTINCT aggregate (Spark plans those with an Expand and a second shuffle): identical is
        // min(hash) = max(hash) (every live entry of an unbroken package has a hash), and two packages
        // or more is the size of the path set
        return liveResources(all).where("compression <> 'deleted'")
                .groupBy("type_id", "group_id", "instance_id")
                .agg(expr("concat(first(type), ':', first(`group`), ':', first(instance))").as("key"),
                        expr("collect_set(path)").as("paths"), expr("min(hash) = max(hash)").as("identical"),
                        expr("count(*)").as("count"))
                .where("size(paths) > 1")
                .selectExpr("key", "array_sort(paths) AS packages", "identical", "count");
    }

    /** Rows {@code (hash, bytes, occurrences, keys)} for decompressed contents found two or more times. */
    static Dataset<Row> duplicates(Dataset<Row> all) {
        return liveResources(all).where("hash IS NOT NULL")
                .groupBy("hash")
                .agg(expr("max(mem_size)").as("bytes"), expr("count(*)").as("occurrences"),
                        expr("array_sort(collect_set(concat(type, ':', `group`, ':', instance)))").as("keys"))
                .where("occurrences > 1");
    }
}
