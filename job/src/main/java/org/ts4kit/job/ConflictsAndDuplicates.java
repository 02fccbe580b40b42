package org.ts4kit.job;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Conflicts and duplicates as Spark SQL aggregations over the resource rows of the source's
 * {@code all} table. The same rules as {@code ts4kit conflicts}: only packages that are not broken,
 * only live entries; {@code identical} when every copy has the same decompressed bytes.
 *
 * <p>Each is two steps. First, over every live entry, an aggregation with fixed-width buffers only (a
 * count, a min and a max of numbers) finds the few keys or contents that occur twice: Spark's fastest
 * aggregation, its hash map. Then the text the tables show (paths, hex keys) is collected for those
 * only, after a join with that small set; gathering text sets over every entry (an object aggregation,
 * which sorts once past 128 keys) took twice as long on the benchmark corpus.
 */
final class ConflictsAndDuplicates {
    private static final Seq<String> KEY = CollectionConverters.asScala(List.of("type_id", "group_id", "instance_id")).toSeq();

    /**
     * Up to this many resource rows the set of keys found twice (at most half of them, 16 bytes each) is
     * sent whole to every task (a broadcast join, no shuffle of the entries); past it Spark decides.
     */
    static final long BROADCAST_ROWS = 8_000_000;

    private ConflictsAndDuplicates() {
    }

    /** Resource rows of unbroken packages: what both tables are computed from. */
    static Dataset<Row> liveResources(Dataset<Row> all) {
        return all.where("kind = 'resource' AND package_ok");
    }

    private static Dataset<Row> joinSmall(Dataset<Row> rows, Dataset<Row> found, Seq<String> on, long resources) {
        return rows.join(resources <= BROADCAST_ROWS ? broadcast(found) : found, on);
    }

    /**
     * Each package's copy of each key held by two or more packages, {@code (type_id, group_id, instance_id, path,
     * type, group, instance, hash, max_hash, copies)}: its smallest and largest hash and how many entries it has
     * under the key. Small (conflicting keys only), and both {@link #conflicts} and {@link #holders} come from it,
     * so the job persists it and joins the entries with the shared keys once; {@code resources} (how many
     * resource rows there are) picks the join. {@code rows} are resource rows of unbroken packages.
     */
    static Dataset<Row> sharedCopies(Dataset<Row> rows, long resources) {
        Dataset<Row> live = rows.where("compression <> 'deleted'");
        Dataset<Row> shared = live.groupBy("type_id", "group_id", "instance_id")
                .agg(expr("min(package_id) <> max(package_id)").as("shared")).where("shared").drop("shared");
        return joinSmall(live, shared, KEY, resources)
                .groupBy("type_id", "group_id", "instance_id", "path")
                .agg(expr("first(type)").as("type"), expr("first(`group`)").as("group"), expr("first(instance)").as("instance"),
                        expr("min(hash)").as("hash"), expr("max(hash)").as("max_hash"), expr("count(*)").as("copies"));
    }

    /**
     * Rows {@code (key, packages, identical, count, kind, severity)} for keys held by two or more packages, from
     * {@link #sharedCopies}. No DISTINCT aggregate (Spark plans those with an Expand and a second shuffle):
     * identical is the smallest hash equal to the largest (every live entry of an unbroken package has one).
     */
    static Dataset<Row> conflicts(Dataset<Row> sharedCopies) {
        return sharedCopies.groupBy("type_id", "group_id", "instance_id")
                .agg(expr("concat(first(type), ':', first(`group`), ':', first(instance))").as("key"),
                        expr("collect_list(path)").as("paths"), expr("min(hash) = max(max_hash)").as("identical"),
                        expr("sum(copies)").as("count"))
                .where("size(paths) > 1") // two packages of one name (a zip's members can share one) are one path
                .select(col("key"), expr("array_sort(paths)").as("packages"), col("identical"), col("count"),
                        TriageColumns.kind(col("identical")).as("kind"),
                        TriageColumns.severity(col("type_id"), col("identical")).as("severity"));
    }

    /**
     * The holders of each conflicting key, {@code (type_id, group_id, instance_id, holders)} with {@code holders}
     * the packages' {@code (path, hash)} sorted by path, from {@link #sharedCopies}: what a pair of packages differs
     * on is what those two hold, not whether every copy in the collection is alike. A package holding a key twice
     * counts its smallest hash, as core's {@code Conflict.content} does.
     */
    static Dataset<Row> holders(Dataset<Row> sharedCopies) {
        return sharedCopies.groupBy("type_id", "group_id", "instance_id")
                .agg(expr("array_sort(collect_list(named_struct('path', path, 'hash', hash)))").as("holders"))
                .where("size(holders) > 1");
    }

    /** Rows {@code (hash, bytes, occurrences, keys)} for decompressed contents found two or more times. */
    static Dataset<Row> duplicates(Dataset<Row> all, long resources) {
        Dataset<Row> live = liveResources(all).where("hash IS NOT NULL");
        Dataset<Row> repeated = live.groupBy("hash")
                .agg(expr("max(mem_size)").as("bytes"), expr("count(*)").as("occurrences"))
                .where("occurrences > 1");
        return joinSmall(live.select("hash", "type", "group", "instance"), repeated,
                CollectionConverters.asScala(List.of("hash")).toSeq(), resources)
                .groupBy("hash")
                .agg(expr("first(bytes)").as("bytes"), expr("first(occurrences)").as("occurrences"),
                        expr("array_sort(collect_set(concat(type, ':', `group`, ':', instance)))").as("keys"));
    }
}
