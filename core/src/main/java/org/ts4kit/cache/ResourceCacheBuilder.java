package org.ts4kit.cache;

import java.util.Objects;
import org.ts4kit.telemetry.Telemetry;

/**
 * The settings of a {@link ResourceCache}, from {@link ResourceCache#builder(long)}:
 * <pre>{@code
 * ResourceCache cache = ResourceCache.builder(64L << 20)
 *         .policy(ResourceCache.Policy.LRU)
 *         .codec(CacheCodec.of(ac::compress, ac::decompress))
 *         .expectedEntries(20_000)      // sizes the Bloom filters and the frequency sketch at first
 *         .telemetry(new Telemetry())   // else the process's Telemetry.get()
 *         .build();
 * }</pre>
 */
public final class ResourceCacheBuilder {
    /** Each automatic segment gets at least this budget, so a large resource still fits one. */
    static final long MIN_SEGMENT_BYTES = 8L << 20;
    /** The entry size {@link #expectedEntries} assumes when not told: a compressed tuning file or string table. */
    static final long TYPICAL_ENTRY_BYTES = 2048;

    final long maxBytes;
    ResourceCache.Policy policy = ResourceCache.Policy.W_TINY_LFU;
    CacheCodec codec = CacheCodec.identity();
    Telemetry telemetry = Telemetry.get();
    double bloomFpp = 0.01;
    private int segments;
    private long expectedEntries;

    ResourceCacheBuilder(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("cache size " + maxBytes + " must be positive");
        }
        this.maxBytes = maxBytes;
    }

    public ResourceCacheBuilder policy(ResourceCache.Policy policy) {
        this.policy = Objects.requireNonNull(policy);
        return this;
    }

    public ResourceCacheBuilder codec(CacheCodec codec) {
        this.codec = Objects.requireNonNull(codec);
        return this;
    }

    /** Where hits, misses, negatives, puts, evictions and bytes held are added up ({@code --stats}). */
    public ResourceCacheBuilder telemetry(Telemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry);
        return this;
    }

    /** The Bloom filters' false-positive rate (default 1 %): the share of absent keys that still probe a segment. */
    public ResourceCacheBuilder bloomFpp(double fpp) {
        if (!(fpp > 0 && fpp < 1)) {
            throw new IllegalArgumentException("false-positive rate " + fpp + " is not in (0, 1)");
        }
        this.bloomFpp = fpp;
        return this;
    }

    /**
     * A power of two from 1 to 1024; by default 4 per core (at most 64), fewer when that would leave
     * a segment under 8 MiB. Each segment has an equal share of the bytes; 1 makes the policy exact
     * over the whole cache (tests, simulations).
     */
    public ResourceCacheBuilder segments(int segments) {
        if (segments < 1 || segments > 1024 || Integer.bitCount(segments) != 1) {
            throw new IllegalArgumentException("segments " + segments + " is not a power of two in [1, 1024]");
        }
        this.segments = segments;
        return this;
    }

    /** How many entries to size the filters and sketch for at first (default: max bytes / 2 KiB); both grow as needed. */
    public ResourceCacheBuilder expectedEntries(long entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("expected entries " + entries + " must be positive");
        }
        this.expectedEntries = entries;
        return this;
    }

    public ResourceCache build() {
        ResourceCache cache = new ResourceCache(this);
        cache.reportTo(telemetry);
        return cache;
    }

    int segments() {
        if (segments > 0) {
            return segments;
        }
        int n = Math.min(64, Integer.highestOneBit(4 * Runtime.getRuntime().availableProcessors()));
        while (n > 1 && maxBytes / n < MIN_SEGMENT_BYTES) {
            n >>= 1;
        }
        return n;
    }

    long expectedEntries() {
        return expectedEntries > 0 ? expectedEntries : Math.max(1, maxBytes / TYPICAL_ENTRY_BYTES);
    }
}
