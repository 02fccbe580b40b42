package org.ts4kit.job;

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

    /** Rows {@code (key, packages, identical, count)} for keys held by two or more packages. */
    static Dataset<Row> conflicts(Dataset<Row> all) {
        all.createOrReplaceTempView("ts4kit_all");
        // no DISTINCT aggregate (Spark plans those with an Expand and a second shuffle): identical is
        // min(hash) = max(hash) (every live entry of an unbroken package has a hash), and two packages
        // or more is the size of the path set
        return all.sparkSession().sql("SELECT key, array_sort(paths) AS packages, identical, count FROM ("
                + "SELECT concat(first(type), ':', first(`group`), ':', first(instance)) AS key, collect_set(path) AS paths, "
                + "min(hash) = max(hash) AS identical, count(*) AS count "
                + "FROM ts4kit_all WHERE kind = 'resource' AND package_ok AND compression <> 'deleted' "
                + "GROUP BY type_id, group_id, instance_id) WHERE size(paths) > 1");
    }

    /** Rows {@code (hash, bytes, occurrences, keys)} for decompressed contents found two or more times. */
    static Dataset<Row> duplicates(Dataset<Row> all) {
        all.createOrReplaceTempView("ts4kit_all");
        return all.sparkSession().sql("SELECT hash, max(mem_size) AS bytes, count(*) AS occurrences, "
                + "array_sort(collect_set(concat(type, ':', `group`, ':', instance))) AS keys "
                + "FROM ts4kit_all WHERE kind = 'resource' AND package_ok AND hash IS NOT NULL "
                + "GROUP BY hash HAVING count(*) > 1");
    }
}
