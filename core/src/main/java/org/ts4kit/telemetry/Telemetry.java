package org.ts4kit.telemetry;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import jdk.jfr.FlightRecorder;

/**
 * A registry of named {@link Counter}s and {@link LatencyHistogram}s, and the hooks {@code core}
 * calls on its hot paths. {@link #get()} is the process-wide one, which reads use unless their
 * {@code ReadOptions} name another ({@code new Telemetry()}: a task's or a test's own figures). A hook costs a {@link System#nanoTime()} pair and a few
 * array or {@link java.util.concurrent.atomic.LongAdder} increments; it allocates nothing unless
 * a JFR recording has the matching event on. {@code -Dts4kit.telemetry=false} turns every hook
 * into a branch on a constant (the JIT drops it) and keeps JFR events off too. The JFR event classes
 * are not even loaded until Flight Recorder has been initialised (a recording started with
 * {@code -XX:StartFlightRecording}, {@code jcmd JFR.start} or the {@code jdk.jfr} API): loading
 * them sets up part of JFR, which cost a short command such as {@code ts4kit inspect} a third of its start.
 *
 * <pre>{@code
 * long t0 = Telemetry.start();
 * ... work ...
 * Telemetry.get().histogram("my.work").recordSince(t0);   // or a core hook such as packageOpened
 * Telemetry.Snapshot s = Telemetry.get().snapshot();
 * }</pre>
 */
public final class Telemetry {
    /** False with {@code -Dts4kit.telemetry=false}: nothing is recorded. */
    public static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("ts4kit.telemetry", "true").trim());

    /** Latency of {@code DbpfPackage.open} (header and index); its count is the number of opens. */
    public static final String OPENS = "dbpf.open";
    /** Latency of one resource's decode; its count is the number of reads. */
    public static final String READS = "dbpf.read";
    public static final String BYTES_STORED = "dbpf.read.storedBytes";
    public static final String BYTES_DECOMPRESSED = "dbpf.read.decompressedBytes";
    /** Packages that failed to open, entries that failed their check or their decode. */
    public static final String ERRORS = "dbpf.errors";
    /** Resource-cache look-ups that found the value, over every cache reporting here. */
    public static final String CACHE_HITS = "cache.hits";
    /** Resource-cache look-ups that searched the cache and did not find the value. */
    public static final String CACHE_MISSES = "cache.misses";
    /** Resource-cache look-ups that the cache's Bloom filter answered "absent" without searching. */
    public static final String CACHE_NEGATIVES = "cache.negatives";
    public static final String CACHE_PUTS = "cache.puts";
    public static final String CACHE_EVICTIONS = "cache.evictions";
    /** A level: the bytes resource caches hold now (their compressed values plus per-entry overhead). */
    public static final String CACHE_BYTES = "cache.bytes";

    private static final Telemetry INSTANCE = new Telemetry();

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram> histograms = new ConcurrentHashMap<>();
    private final Sources sources = new Sources();
    private final LatencyHistogram opens = histogram(OPENS);
    private final LatencyHistogram reads = histogram(READS);
    private final Counter storedBytes = counter(BYTES_STORED);
    private final Counter decompressedBytes = counter(BYTES_DECOMPRESSED);
    private final Counter errors = counter(ERRORS);

    /** A fresh registry of its own; most code uses the process-wide {@link #get()}. */
    public Telemetry() {
    }

    public static Telemetry get() {
        return INSTANCE;
    }

    /** The counter named {@code name}, created on first use. */
    public Counter counter(String name) {
        return counters.computeIfAbsent(name, Counter::new);
    }

    /**
     * A count that {@code owner} keeps itself (a cache counts its hits under a lock it holds anyway):
     * {@link #snapshot()} adds {@code count.applyAsLong(owner)} to the counter named {@code name}, less
     * what it was at the last {@link #reset()}. The owner is held weakly; once it is garbage its counts
     * leave the total.
     */
    public <T> void counterSource(String name, T owner, ToLongFunction<? super T> count) {
        sources.add(name, owner, count, false);
    }

    /**
     * An amount that {@code owner} holds now and that goes up and down (bytes a cache holds):
     * {@link #snapshot()} adds {@code level.applyAsLong(owner)} to the figure named {@code name};
     * {@link #reset()} leaves it alone. The owner is held weakly.
     */
    public <T> void levelSource(String name, T owner, ToLongFunction<? super T> level) {
        sources.add(name, owner, level, true);
    }

    /** The histogram named {@code name}, created on first use. */
    public LatencyHistogram histogram(String name) {
        return histograms.computeIfAbsent(name, LatencyHistogram::new);
    }

    /** Zeroes every counter and histogram (for a fresh measurement in a long-lived process); levels stay. */
    public void reset() {
        counters.values().forEach(Counter::reset);
        histograms.values().forEach(LatencyHistogram::reset);
        sources.reset();
    }

    /** The start of a timed section: {@link System#nanoTime()}, or 0 when telemetry is off. */
    public static long start() {
        return ENABLED ? System.nanoTime() : 0L;
    }

    /** A begun JFR open event when a recording has {@code ts4kit.PackageOpen} on, else null. */
    public static PackageOpenEvent beginOpen() {
        if (ENABLED && FlightRecorder.isInitialized() && Probes.OPEN.isEnabled()) {
            PackageOpenEvent e = new PackageOpenEvent();
            e.begin();
            return e;
        }
        return null;
    }

    /** A begun JFR read event when a recording has {@code ts4kit.ResourceRead} on, else null. */
    public static ResourceReadEvent beginRead() {
        if (ENABLED && FlightRecorder.isInitialized() && Probes.READ.isEnabled()) {
            ResourceReadEvent e = new ResourceReadEvent();
            e.begin();
            return e;
        }
        return null;
    }

    /** Hook: a package opened; {@code start} from {@link #start()}, {@code event} from {@link #beginOpen()}. */
    public void packageOpened(long start, PackageOpenEvent event, String path, int entries, long size) {
        if (ENABLED) {
            opens.record(System.nanoTime() - start);
            if (event != null) {
                event.finish(path, entries, size);
            }
        }
    }

    /**
     * Hook: a resource decompressed. {@code key} is only turned into text when a JFR recording
     * commits the event.
     */
    public void resourceRead(long start, ResourceReadEvent event, Object key, String compression, long stored,
            long decompressed) {
        if (ENABLED) {
            reads.record(System.nanoTime() - start);
            storedBytes.add(stored);
            decompressedBytes.add(decompressed);
            if (event != null) {
                event.finish(key, compression, stored, decompressed);
            }
        }
    }

    /** Hook: broken input met (a package that does not open, an entry that does not check or decode). */
    public void error() {
        if (ENABLED) {
            errors.increment();
        }
    }

    /** The figures now: core's, every named counter, source and level, and the JVM's. */
    public Snapshot snapshot() {
        Map<String, Long> c = new TreeMap<>();
        counters.forEach((k, v) -> c.put(k, v.get()));
        sources.addTo(c);
        return new Snapshot(ENABLED, opens.copy(), reads.copy(), storedBytes.get(), decompressedBytes.get(), errors.get(),
                Collections.unmodifiableMap(c), JvmStats.now());
    }

    /**
     * Never committed: asked whether a recording has the event on, without allocating. A holder, so
     * that the event classes load only once Flight Recorder is initialised (no recording can be on before).
     */
    private static final class Probes {
        static final PackageOpenEvent OPEN = new PackageOpenEvent();
        static final ResourceReadEvent READ = new ResourceReadEvent();
    }

    /**
     * What {@link #snapshot()} saw: copies, which later records leave alone.
     */
    public record Snapshot(boolean enabled, LatencyHistogram opens, LatencyHistogram reads, long storedBytes,
            long decompressedBytes, long errors, Map<String, Long> counters, JvmStats jvm) {
    }
}
