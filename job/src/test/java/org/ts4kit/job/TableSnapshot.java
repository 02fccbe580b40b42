package org.ts4kit.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Every table of one run as sorted lines of text: two runs are equal when their snapshots are. */
final class TableSnapshot {
    private TableSnapshot() {
    }

    static Map<String, List<String>> of(SparkSession spark, JobOptions o) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String table : new String[] {Tables.PACKAGES, Tables.RESOURCES, Tables.CONFLICTS, Tables.CONFLICT_PAIRS, Tables.DUPLICATES,
            Tables.STRINGS, Tables.ERRORS, Tables.FINDINGS}) {
            List<String> lines = new ArrayList<>();
            for (Row r : Ts4kitJob.read(spark, o, table).collectAsList()) {
                lines.add(r.toString());
            }
            lines.sort(null);
            out.put(table, lines);
        }
        return out;
    }
}
