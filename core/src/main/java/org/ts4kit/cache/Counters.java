package org.ts4kit.cache;

import java.util.concurrent.atomic.LongAdder;
import org.ts4kit.telemetry.Counter;
import org.ts4kit.telemetry.Telemetry;

/**
 * One cache's figures, and the same events added to a {@link Telemetry} (the process's, by default)
 * so {@code --stats} can report every cache at once. {@link LongAdder}s: reader threads do not
 * contend on a shared line.
 */
final class Counters {
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder negatives = new LongAdder();
    final LongAdder puts = new LongAdder();
    final LongAdder evictions = new LongAdder();
    final LongAdder filterRebuilds = new LongAdder();
    private final Counter totalHits;
    private final Counter totalMisses;
    private final Counter totalNegatives;
    private final Counter totalPuts;
    private final Counter totalEvictions;
    private final Counter totalBytes;

    Counters(Telemetry telemetry) {
        totalHits = telemetry.counter(Telemetry.CACHE_HITS);
        totalMisses = telemetry.counter(Telemetry.CACHE_MISSES);
        totalNegatives = telemetry.counter(Telemetry.CACHE_NEGATIVES);
        totalPuts = telemetry.counter(Telemetry.CACHE_PUTS);
        totalEvictions = telemetry.counter(Telemetry.CACHE_EVICTIONS);
        totalBytes = telemetry.level(Telemetry.CACHE_BYTES);
    }

    void hit() {
        hits.increment();
        if (Telemetry.ENABLED) {
            totalHits.increment();
        }
    }

    void miss() {
        misses.increment();
        if (Telemetry.ENABLED) {
            totalMisses.increment();
        }
    }

    void negative() {
        negatives.increment();
        if (Telemetry.ENABLED) {
            totalNegatives.increment();
        }
    }

    void put() {
        puts.increment();
        if (Telemetry.ENABLED) {
            totalPuts.increment();
        }
    }

    void evicted() {
        evictions.increment();
        if (Telemetry.ENABLED) {
            totalEvictions.increment();
        }
    }

    /** The bytes held changed by {@code delta} (a level: it goes down as well as up). */
    void held(long delta) {
        if (Telemetry.ENABLED && delta != 0) {
            totalBytes.add(delta);
        }
    }
}
