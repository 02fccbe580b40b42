package org.ts4kit.job;

/**
 * Conflicts and duplicates, derived from the written {@code packages} and {@code resources}
 * tables with Spark SQL. The same rules as {@code ts4kit conflicts}: only packages that are not
 * broken, only live entries; {@code identical} when every copy has the same decompressed bytes.
 */
final class DerivedTables {
    // collect_set, not count(DISTINCT): one aggregation instead of an expand and a second shuffle
    static final String KEY = "concat_ws(':', r.type, r.`group`, r.instance)";

    static final String CONFLICTS_SQL = "SELECT " + KEY + " AS key,"
            + " array_sort(collect_set(r.path)) AS packages,"
            + " size(collect_set(r.hash)) = 1 AS identical,"
            + " CAST(size(collect_set(r.path)) AS BIGINT) AS count"
            + " FROM resources r JOIN packages p ON r.path = p.path"
            + " WHERE p.status = 'ok' AND r.compression <> 'deleted'"
            + " GROUP BY r.type, r.`group`, r.instance"
            + " HAVING size(collect_set(r.path)) >= 2";

    static final String DUPLICATES_SQL = "SELECT r.hash AS hash, max(r.mem_size) AS bytes, count(*) AS occurrences,"
            + " array_sort(collect_set(" + KEY + ")) AS keys"
            + " FROM resources r JOIN packages p ON r.path = p.path"
            + " WHERE p.status = 'ok' AND r.hash IS NOT NULL"
            + " GROUP BY r.hash"
            + " HAVING count(*) >= 2";

    private DerivedTables() {
    }
}
