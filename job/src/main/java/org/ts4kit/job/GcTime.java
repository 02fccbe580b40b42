package org.ts4kit.job;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.ts4kit.telemetry.JvmStats;

/**
 * Garbage collection during a run: the sum of the tasks' JVM GC time, as Spark measures it for each
 * task (the Stages tab shows the same figure), from a listener registered for the run only. In local
 * mode every task runs in one JVM, so tasks running side by side each count a pause they share: the
 * sum may exceed the wall time spent collecting, as it does on a cluster with several tasks per executor.
 */
final class GcTime extends SparkListener implements AutoCloseable {
    private final SparkContext context;
    private final AtomicLong millis = new AtomicLong();
    private final JvmStats before = JvmStats.now();

    private GcTime(SparkContext context) {
        this.context = context;
    }

    /** Starts counting the tasks that end from now on. */
    static GcTime start(SparkContext context) {
        GcTime gc = new GcTime(context);
        context.addSparkListener(gc);
        return gc;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskMetrics() != null) { // null for a task that failed before it ran
            millis.addAndGet(end.taskMetrics().jvmGCTime());
        }
    }

    /** Seconds so far, once every event posted before the call has reached the listener. */
    double seconds() {
        try {
            // events reach listeners on a thread of their own: wait for those of the tasks already done
            context.listenerBus().waitUntilEmpty(10_000);
        } catch (Exception e) { // a TimeoutException
            // timed out: the figure is what has arrived
        }
        return millis.get() / 1e3;
    }

    /**
     * Collections in this JVM since the start: in local mode every task's (the executor is the driver);
     * on a cluster the driver's only (executors report GC time per task, not a count).
     */
    long driverCollections() {
        return JvmStats.now().gcCount() - before.gcCount();
    }

    @Override
    public void close() {
        context.removeSparkListener(this);
    }
}
