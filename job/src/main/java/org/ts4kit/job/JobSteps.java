package org.ts4kit.job;

import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the job's steps where people look for them: in the Spark UI (the "Description" column of
 * the Jobs and Stages pages, and in the event log, so in the history server too) and in the
 * driver's log. Call it on the driver before the actions of a step:
 *
 * <pre>{@code
 * JobSteps.describe(spark.sparkContext(), "read 1,234 files in 40 partitions");
 * results.count();                         // this Spark job shows that description
 * JobSteps.describe(spark.sparkContext(), "write packages");
 * df.write().parquet(out + "/packages");   // and these jobs this one
 * JobSteps.describe(spark.sparkContext(), null);   // done: later jobs show their call site again
 * }</pre>
 *
 * The description is a local property of the calling thread (and of threads it starts later), so
 * it labels the Spark jobs that thread triggers until the next call.
 */
public final class JobSteps {
    private static final Logger LOG = LoggerFactory.getLogger(JobSteps.class);
    /** The local property behind {@link SparkContext#setJobDescription}. */
    static final String DESCRIPTION = "spark.job.description";

    private JobSteps() {
    }

    /**
     * Labels the Spark jobs this thread starts from now on with {@code what} and logs
     * {@code step: what} at INFO; {@code null} removes the label (nothing is logged).
     */
    public static void describe(SparkContext sc, String what) {
        sc.setJobDescription(what);
        if (what != null) {
            LOG.info("step: {}", what);
        }
    }
}
