package org.ts4kit.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.ts4kit.telemetry.LatencyHistogram;

/**
 * Telemetry's latency histogram, core's hand-written {@link LatencyHistogram} against HdrHistogram's
 * {@link Recorder} at the same precision (2 significant digits, 1 ns to 60 s): the record path that
 * every resource read pays, from one thread and from two threads into one shared histogram, and the
 * read {@code --stats} does at the end (a snapshot, then p50, p95, p99 and max of a million values).
 *
 * <p>The Recorder is read the way a cumulative snapshot needs it: drain the interval, add it to a
 * running total, copy the total.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HistogramBenchmark {
    static final int DIGITS = 2;

    /** One histogram of each kind, shared by every benchmark thread. */
    @State(Scope.Benchmark)
    public static class Shared {
        final LatencyHistogram handWritten = new LatencyHistogram("bench");
        final Recorder recorder = new Recorder(1, LatencyHistogram.HIGHEST, DIGITS);
    }

    /** Read-like latencies (a ~20 us body, 2 % of ms stalls), different per thread, cycled. */
    @State(Scope.Thread)
    public static class Values {
        final long[] values = new long[4096];
        int next;

        @Setup
        public void setUp() {
            SplittableRandom rnd = new SplittableRandom(System.identityHashCode(this));
            for (int i = 0; i < values.length; i++) {
                values[i] = rnd.nextInt(100) < 98 ? 10_000 + rnd.nextInt(20_000) : 1_000_000 + rnd.nextInt(50_000_000);
            }
        }

        long next() {
            return values[next++ & (values.length - 1)];
        }
    }

    /** A million recorded values in each, for the percentile read. */
    @State(Scope.Benchmark)
    public static class Filled {
        final LatencyHistogram handWritten = new LatencyHistogram("bench");
        final Recorder recorder = new Recorder(1, LatencyHistogram.HIGHEST, DIGITS);
        final Histogram total = new Histogram(1, LatencyHistogram.HIGHEST, DIGITS);
        Histogram interval;

        @Setup
        public void setUp() {
            Values v = new Values();
            v.setUp();
            for (int i = 0; i < 1_000_000; i++) {
                long x = v.next();
                handWritten.record(x);
                recorder.recordValue(x);
            }
        }
    }

    @Benchmark
    @Threads(1)
    public void record1ThreadHandWritten(Shared s, Values v) {
        s.handWritten.record(v.next());
    }

    @Benchmark
    @Threads(1)
    public void record1ThreadRecorder(Shared s, Values v) {
        s.recorder.recordValue(v.next());
    }

    @Benchmark
    @Threads(2)
    public void record2ThreadsHandWritten(Shared s, Values v) {
        s.handWritten.record(v.next());
    }

    @Benchmark
    @Threads(2)
    public void record2ThreadsRecorder(Shared s, Values v) {
        s.recorder.recordValue(v.next());
    }

    @Benchmark
    @Threads(1)
    public long percentilesHandWritten(Filled f) {
        LatencyHistogram h = f.handWritten.copy();
        return h.percentile(50) + h.percentile(95) + h.percentile(99) + h.max();
    }

    @Benchmark
    @Threads(1)
    public long percentilesRecorder(Filled f) {
        f.interval = f.recorder.getIntervalHistogram(f.interval);
        f.total.add(f.interval);
        Histogram h = f.total.copy();
        return h.getValueAtPercentile(50) + h.getValueAtPercentile(95) + h.getValueAtPercentile(99) + h.getMaxValue();
    }
}
