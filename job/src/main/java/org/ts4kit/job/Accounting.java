package org.ts4kit.job;

import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exactly-once accounting: every listed file was read exactly once and produced the package rows it
 * should have (one for a package file; one per {@code .package} member of a zip, or one broken row
 * for an unreadable zip: the source's file rows say how many). Any difference fails the job loudly.
 */
final class Accounting {
    private final long bytesRead;
    private final long packages;
    private final long broken;
    private final long resources;

    private Accounting(long bytesRead, long packages, long broken, long resources) {
        this.bytesRead = bytesRead;
        this.packages = packages;
        this.broken = broken;
        this.resources = resources;
    }

    long bytesRead() {
        return bytesRead;
    }

    long packagesOk() {
        return packages - broken;
    }

    long packagesBroken() {
        return broken;
    }

    long resources() {
        return resources;
    }

    /**
     * One small aggregation over the file and package rows of the source's {@code all} table (a row per
     * listed file comes back), checked on the driver; package rows say how many resource rows they had.
     */
    static Accounting check(List<InputFile> listed, Dataset<Row> all) {
        List<Row> perFile = all.where("kind IN ('file', 'package')").groupBy("source").agg(
                expr("sum(CASE WHEN kind = 'file' THEN 1 ELSE 0 END)").as("seen"),
                expr("max(CASE WHEN kind = 'file' THEN expected_packages END)").as("expected"),
                expr("max(CASE WHEN kind = 'file' THEN bytes END)").as("bytes"),
                expr("sum(CASE WHEN kind = 'package' THEN 1 ELSE 0 END)").as("packages"),
                expr("sum(CASE WHEN kind = 'package' AND status = 'broken' THEN 1 ELSE 0 END)").as("broken"),
                expr("sum(CASE WHEN kind = 'package' THEN resource_rows ELSE 0 END)").as("resources")).collectAsList();
        Map<String, Row> seen = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        long bytes = 0;
        long packages = 0;
        long broken = 0;
        long resources = 0;
        for (Row r : perFile) {
            String source = r.getAs("source");
            seen.put(source, r);
            long times = r.<Long>getAs("seen");
            long actual = r.<Long>getAs("packages");
            Integer expected = r.getAs("expected");
            if (times != 1) {
                wrong.add(source + " was read " + times + " times");
            } else if (expected == null || actual != expected) {
                wrong.add(source + " produced " + actual + " package rows, expected " + expected);
            }
            bytes += r.getAs("bytes") == null ? 0 : r.<Long>getAs("bytes");
            packages += actual;
            broken += r.<Long>getAs("broken");
            resources += r.<Long>getAs("resources");
        }
        for (InputFile f : listed) {
            if (!seen.containsKey(f.name)) {
                wrong.add(f.name + " was listed but never read");
            }
        }
        if (seen.size() != listed.size()) {
            wrong.add(listed.size() + " files listed, " + seen.size() + " read");
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("accounting failed: " + wrong.size() + " problems, first: "
                    + String.join("; ", wrong.subList(0, Math.min(5, wrong.size()))));
        }
        return new Accounting(bytes, packages, broken, resources);
    }
}
