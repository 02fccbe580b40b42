package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.Test;

/** {@link JobSteps#describe}: the Spark jobs started after it carry the step as their description. */
class JobStepsTest {
    @Test
    void theNextSparkJobsCarryTheStepUntilItIsCleared() throws Exception {
        SparkContext sc = SharedSpark.get().sparkContext();
        List<String> seen = new CopyOnWriteArrayList<>();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                seen.add(String.valueOf(start.properties().getProperty(JobSteps.DESCRIPTION)));
            }
        };
        sc.addSparkListener(listener);
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
            JobSteps.describe(sc, "count the test numbers");
            jsc.parallelize(List.of(1, 2, 3), 1).count();
            JobSteps.describe(sc, null);
            assertNull(sc.getLocalProperty(JobSteps.DESCRIPTION));
            jsc.parallelize(List.of(4), 1).count();
            sc.listenerBus().waitUntilEmpty();
            assertEquals(List.of("count the test numbers", "null"), seen);
        } finally {
            sc.removeSparkListener(listener);
        }
    }
}
