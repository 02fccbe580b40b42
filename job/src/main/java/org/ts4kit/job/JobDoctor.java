package org.ts4kit.job;

import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ts4kit.doctor.Doctor;
import org.ts4kit.doctor.Finding;
import org.ts4kit.doctor.GameRules;
import org.ts4kit.doctor.ModsFile;
import org.ts4kit.triage.PackagePair;
import org.ts4kit.triage.Severity;

/**
 * The {@code findings} table: core's {@link Doctor} run on the driver over facts built from the job's
 * data ({@link DoctorFacts}: one file each, so this is as large as the listing), with the package pairs
 * it acts on (high severity, or two versions of one mod) collected from Spark.
 *
 * <p>The pairs must be those of the packages the game loads, as core's {@code ModsFolder} finds them:
 * without the members of zips and the {@code ._} resource forks the source also reads, and without every
 * key that another game's package holds too. When no such package holds a conflicting key (the usual Mods
 * folder) they are the {@code conflict_pairs} table's; otherwise they are computed again over the packages
 * the game loads (a second pass of the conflicts aggregation).
 */
final class JobDoctor {
    private JobDoctor() {
    }

    /**
     * @param conflicts the {@code conflicts} table
     * @param pairs     the {@code conflict_pairs} table
     * @param keyCounts keys per unbroken package ({@link ConflictPairs#keyCounts})
     * @param resources resource rows in the run (picks the joins, as for the conflicts table)
     */
    static Dataset<Row> findings(SparkSession spark, DoctorFacts facts, Dataset<Row> all, Dataset<Row> conflicts,
            Dataset<Row> pairs, Dataset<Row> keyCounts, long resources) {
        Set<String> loaded = new HashSet<>(); // unbroken packages the game loads
        Set<String> otherGame = new HashSet<>();
        for (ModsFile f : facts.files) {
            if (f.kind() == ModsFile.Kind.PACKAGE && f.state() == ModsFile.State.OK) {
                loaded.add(f.path());
                if (GameRules.otherGame(f) != null) {
                    otherGame.add(f.path());
                }
            }
        }
        JobSteps.describe(spark.sparkContext(), "doctor: packages holding conflicting keys");
        boolean onlySims4 = true; // every holder of a conflicting key is a Sims 4 package the game loads
        for (Row r : conflicts.select(explode(col("packages"))).distinct().collectAsList()) {
            onlySims4 &= loaded.contains(r.getString(0)) && !otherGame.contains(r.getString(0));
        }
        if (!onlySims4) {
            JobSteps.describe(spark.sparkContext(), "doctor: pairs of the packages the game loads");
            Dataset<Row> names = spark.createDataset(new ArrayList<>(loaded), Encoders.STRING()).toDF("path");
            Dataset<Row> rows = ConflictsAndDuplicates.liveResources(all).join(broadcast(names), "path");
            Dataset<Row> loadedHolders = ConflictsAndDuplicates.holders(ConflictsAndDuplicates.sharedCopies(rows, resources));
            if (!otherGame.isEmpty()) {
                // as ModsFolder: a key another game's package holds is a chance match, not an override
                loadedHolders = loadedHolders.where(not(arrays_overlap(expr("transform(holders, h -> h.path)"),
                        lit(otherGame.toArray(new String[0])))));
            }
            pairs = ConflictPairs.of(loadedHolders, keyCounts);
        }
        JobSteps.describe(spark.sparkContext(), "doctor: examine");
        List<PackagePair> useful = new ArrayList<>();
        for (Row r : pairs.where(col("severity").equalTo(Severity.HIGH.label()).or(col("versions_of_one_mod"))).collectAsList()) {
            useful.add(pair(r));
        }
        List<Row> out = new ArrayList<>();
        for (Finding f : Doctor.examine(facts.files, useful, facts.unreadable)) {
            out.add(RowFactory.create(f.severity().label(), f.check().label(), f.path(), f.paths(), f.reason(), f.fix()));
        }
        return spark.createDataFrame(out, Tables.schema(Tables.FINDINGS)).coalesce(1);
    }

    /** A {@code conflict_pairs} row as core's record. */
    static PackagePair pair(Row r) {
        return new PackagePair(r.getAs("package_a"), r.getAs("package_b"), r.<Long>getAs("shared_keys"),
                r.<Long>getAs("differing_keys"), Severity.parse(r.getAs("severity")), r.<Long>getAs("high_keys"),
                r.<Long>getAs("medium_keys"), r.<Long>getAs("low_keys"), r.<Boolean>getAs("versions_of_one_mod"),
                r.<Boolean>getAs("same_creator"));
    }
}
