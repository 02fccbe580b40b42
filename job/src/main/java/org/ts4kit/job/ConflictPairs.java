package org.ts4kit.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ts4kit.triage.PackagePairs;
import org.ts4kit.triage.Severity;

/**
 * The {@code conflict_pairs} table: core's {@link PackagePairs} in Spark SQL. Each conflicting key's holders,
 * sorted by path, are spread into their pairs {@code i < j} (so {@code package_a < package_b}), only when at
 * most {@link PackagePairs#MAX_HOLDERS} packages hold the key (a key in thousands of packages would make
 * millions of pairs); the pairs are counted by severity, and what the names say comes from core's rules
 * ({@link TriageColumns}). Rows come in {@code PackagePair.RANK} order.
 */
final class ConflictPairs {
    /** A key's pairs: for each holder i, the struct (a, b, same) for every holder b after it; same = equal bytes. */
    private static final String SPREAD = "flatten(transform(sequence(0, size(holders) - 2), "
            + "i -> transform(slice(holders, i + 2, size(holders) - i - 1), "
            + "b -> named_struct('a', holders[i].path, 'b', b.path, 'same', holders[i].hash = b.hash))))";

    private ConflictPairs() {
    }

    /**
     * Every pair of packages sharing keys, ranked, from {@code holders} ({@link ConflictsAndDuplicates#holders}: each
     * conflicting key's packages and their bytes) and {@code keyCounts} ({@code path}, {@code keys}: keys each
     * unbroken package holds). A pair differs on a key when its two packages hold different bytes under it.
     */
    static Dataset<Row> of(Dataset<Row> holders, Dataset<Row> keyCounts) {
        Dataset<Row> counted = holders.where(expr("size(holders) <= " + PackagePairs.MAX_HOLDERS))
                .select(expr("explode(" + SPREAD + ")").as("p"), col("type_id"))
                .select(col("p.a"), col("p.b"), TriageColumns.severity(col("type_id"), col("p.same")).as("severity"))
                .groupBy(col("a").as("package_a"), col("b").as("package_b"))
                .agg(expr("count(*)").as("shared_keys"), tally(Severity.HIGH).as("high_keys"),
                        tally(Severity.MEDIUM).as("medium_keys"), tally(Severity.LOW).as("low_keys"))
                .withColumn("differing_keys", expr("high_keys + medium_keys + low_keys"))
                .withColumn("severity", expr("CASE WHEN high_keys > 0 THEN '" + Severity.HIGH.label() + "'"
                        + " WHEN medium_keys > 0 THEN '" + Severity.MEDIUM.label() + "'"
                        + " WHEN low_keys > 0 THEN '" + Severity.LOW.label() + "' ELSE '" + Severity.NONE.label() + "' END"));
        Dataset<Row> a = keyCounts.select(col("path").as("a_path"), col("keys").as("keys_a"));
        Dataset<Row> b = keyCounts.select(col("path").as("b_path"), col("keys").as("keys_b"));
        Dataset<Row> named = counted
                .join(a, counted.col("package_a").equalTo(a.col("a_path")), "left")
                .join(b, counted.col("package_b").equalTo(b.col("b_path")), "left");
        Column versions = TriageColumns.versionsOfOneMod(col("package_a"), col("package_b"), col("shared_keys"),
                coalesce(col("keys_a"), lit(0L)), coalesce(col("keys_b"), lit(0L)));
        return named.select(col("package_a"), col("package_b"), col("shared_keys"), col("differing_keys"), col("severity"),
                        col("high_keys"), col("medium_keys"), col("low_keys"), versions.as("versions_of_one_mod"),
                        TriageColumns.sameCreator(col("package_a"), col("package_b")).as("same_creator"))
                // one partition sorted, then one file read back in order: a global sort would first sample the
                // pairs (a Spark job of its own); pairs are few next to resources (at most MAX_HOLDERS - 1 per
                // conflicting entry), and the sort spills to disk if they are not
                .coalesce(1)
                .sortWithinPartitions(TriageColumns.rank(col("severity")).desc(), col("differing_keys").desc(),
                        col("shared_keys").desc(), col("package_a"), col("package_b"));
    }

    private static Column tally(Severity s) {
        return expr("count_if(severity = '" + s.label() + "')");
    }

    /**
     * Keys each unbroken package holds, {@code (path, keys)}: the entries that decoded, which the source
     * counts on each package row as it walks (no pass over the resource rows).
     */
    static Dataset<Row> keyCounts(Dataset<Row> all) {
        return all.where("kind = 'package' AND status = 'ok'").groupBy("path").agg(expr("sum(keys)").as("keys"));
    }
}
