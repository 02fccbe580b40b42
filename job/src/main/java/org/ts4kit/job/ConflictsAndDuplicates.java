package org.ts4kit.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * Conflicts and duplicates straight from the cached per-file results: one shuffle each of small
 * (key, value) string pairs, grouped and judged per key. The same rules as {@code ts4kit conflicts}:
 * only packages that are not broken, only live entries; {@code identical} when every copy has the
 * same decompressed bytes. (The first version ran Spark SQL over the written Parquet tables; this
 * costs less than half as much, measured with {@code bin/ts4kit-job-bench}.)
 */
final class ConflictsAndDuplicates {
    private static final char SEP = '\u0000';

    private ConflictsAndDuplicates() {
    }

    /** Rows {@code (key, packages, identical, count)} for keys held by two or more packages. */
    static JavaRDD<Row> conflicts(JavaRDD<FileResult> results, int partitions) {
        return results.flatMapToPair(r -> {
            List<Tuple2<String, String>> out = new ArrayList<>();
            Set<String> ok = okPackages(r);
            for (ResourceRow res : r.resources) {
                if (ok.contains(res.path) && !res.isDeleted()) {
                    out.add(new Tuple2<>(res.key(), res.path + SEP + res.hash));
                }
            }
            return out.iterator();
        }).groupByKey(partitions).flatMap(kv -> {
            TreeSet<String> paths = new TreeSet<>();
            Set<String> hashes = new HashSet<>();
            for (String v : kv._2()) {
                int cut = v.indexOf(SEP);
                paths.add(v.substring(0, cut));
                hashes.add(v.substring(cut + 1));
            }
            if (paths.size() < 2) {
                return java.util.Collections.emptyIterator();
            }
            return single(RowFactory.create(kv._1(), paths.toArray(new String[0]), hashes.size() == 1, (long) paths.size()));
        });
    }

    /** Rows {@code (hash, bytes, occurrences, keys)} for decompressed contents found two or more times. */
    static JavaRDD<Row> duplicates(JavaRDD<FileResult> results, int partitions) {
        return results.flatMapToPair(r -> {
            List<Tuple2<String, String>> out = new ArrayList<>();
            Set<String> ok = okPackages(r);
            for (ResourceRow res : r.resources) {
                if (ok.contains(res.path) && res.hash != null) {
                    out.add(new Tuple2<>(res.hash, res.memSize + String.valueOf(SEP) + res.key()));
                }
            }
            return out.iterator();
        }).groupByKey(partitions).flatMap(kv -> {
            TreeSet<String> keys = new TreeSet<>();
            long occurrences = 0;
            long bytes = 0;
            for (String v : kv._2()) {
                int cut = v.indexOf(SEP);
                bytes = Math.max(bytes, Long.parseLong(v.substring(0, cut)));
                keys.add(v.substring(cut + 1));
                occurrences++;
            }
            if (occurrences < 2) {
                return java.util.Collections.emptyIterator();
            }
            return single(RowFactory.create(kv._1(), bytes, occurrences, keys.toArray(new String[0])));
        });
    }

    private static Set<String> okPackages(FileResult r) {
        Set<String> ok = new HashSet<>();
        for (PackageRow p : r.packages) {
            if (!p.broken) {
                ok.add(p.path);
            }
        }
        return ok;
    }

    private static Iterator<Row> single(Row row) {
        return java.util.List.of(row).iterator();
    }
}
