package org.ts4kit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.ts4kit.memory.BufferPool;
import org.ts4kit.telemetry.JvmStats;
import org.ts4kit.telemetry.LatencyHistogram;
import org.ts4kit.telemetry.Telemetry;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code --stats}: after the command, a table on stderr of package opens, resource reads, errors,
 * garbage collection, heap and resident memory, and the shared buffer pool and resource caches when the command used them. Commands take it with {@code @Mixin(name = "stats")};
 * {@link #execute} (the execution strategy of {@link Main#commandLine()}) zeroes the figures before
 * the command runs and prints them after, so stdout is untouched.
 */
final class StatsOption {
    static final String NAME = "stats";

    @Option(names = "--stats", description = "Print opens, reads (latency percentiles, MB), errors, GC, heap and RSS to stderr at the end.")
    boolean enabled;

    /** Runs the parsed command; when it asked for {@code --stats}, measures it and prints the table. */
    static int execute(ParseResult parsed) {
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommandLine.Model.CommandSpec mixin = last.commandSpec().mixins().get(NAME);
        StatsOption stats = mixin == null ? null : (StatsOption) mixin.userObject();
        if (stats == null || !stats.enabled) {
            return new CommandLine.RunLast().execute(parsed);
        }
        Telemetry.get().reset();
        try {
            return new CommandLine.RunLast().execute(parsed);
        } finally {
            PrintWriter err = last.commandSpec().commandLine().getErr();
            print(err, Telemetry.get().snapshot());
            err.flush();
        }
    }

    static void print(PrintWriter err, Telemetry.Snapshot s) {
        if (!s.enabled()) {
            err.println("stats: telemetry is off (-Dts4kit.telemetry=false); JVM figures only");
        }
        LatencyHistogram o = s.opens();
        LatencyHistogram r = s.reads();
        err.println(fmt("%-7s %10s %10s %10s %10s %10s %12s %12s", "stats", "count", "p50", "p95", "p99", "max",
                "MB stored", "MB decomp."));
        err.println(fmt("%-7s %,10d %10s %10s %10s %10s", "opens", o.count(), ms(o.percentile(50)), ms(o.percentile(95)),
                ms(o.percentile(99)), ms(o.max())));
        err.println(fmt("%-7s %,10d %10s %10s %10s %10s %12.1f %12.1f", "reads", r.count(), us(r.percentile(50)),
                us(r.percentile(95)), us(r.percentile(99)), us(r.max()), mb(s.storedBytes()), mb(s.decompressedBytes())));
        err.println(fmt("%-7s %,10d", "errors", s.errors()));
        JvmStats j = s.jvm();
        err.println(fmt("%-7s %,10d collections, %,d ms", "gc", j.gcCount(), j.gcMillis()));
        err.println(fmt("%-7s %10.1f MB used, %.1f MB committed, %s max", "heap", mb(j.heapUsed()), mb(j.heapCommitted()),
                j.heapMax() < 0 ? "no" : fmt("%.1f MB", mb(j.heapMax()))));
        err.println(j.rssBytes() < 0 ? fmt("%-7s %10s", "rss", "n/a")
                : fmt("%-7s %10.1f MB, peak %.1f MB", "rss", mb(j.rssBytes()), mb(j.peakRssBytes())));
        BufferPool pool = BufferPool.shared();
        if (pool.hits() + pool.misses() > 0) {
            err.println(fmt("%-7s %,10d hits, %,d misses, %.1f MB idle (shared buffer pool)", "pool", pool.hits(), pool.misses(),
                    mb(pool.idleBytes())));
        }
        printCache(err, s.counters());
        err.println(fmt("%-7s %s", "simd", org.ts4kit.simd.IndexKernelsProvider.description()));
        err.println(fmt("%-7s %s", "inflate", org.ts4kit.codec.InflateProvider.description()));
        err.println(fmt("%-7s %s", "brotli", org.ts4kit.codec.BrotliCodec.description()));
    }

    /** The resource caches' line, when the command used one: every cache reporting to this telemetry, added up. */
    private static void printCache(PrintWriter err, Map<String, Long> c) {
        long hits = c.getOrDefault(Telemetry.CACHE_HITS, 0L);
        long misses = c.getOrDefault(Telemetry.CACHE_MISSES, 0L);
        long negatives = c.getOrDefault(Telemetry.CACHE_NEGATIVES, 0L);
        long puts = c.getOrDefault(Telemetry.CACHE_PUTS, 0L);
        if (hits + misses + negatives + puts > 0) {
            err.println(fmt("%-7s %,10d hits, %,d misses, %,d negative, %,d evictions, %.1f MB held", "cache", hits, misses,
                    negatives, c.getOrDefault(Telemetry.CACHE_EVICTIONS, 0L), mb(c.getOrDefault(Telemetry.CACHE_BYTES, 0L))));
        }
    }

    private static String ms(long nanos) {
        return fmt("%.3f ms", nanos / 1e6);
    }

    private static String us(long nanos) {
        return fmt("%.1f us", nanos / 1e3);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
