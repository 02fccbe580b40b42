package org.ts4kit.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.codec.CodecException;
import org.ts4kit.telemetry.Telemetry;

/** {@link ResourceCache}: what goes in comes out, compressed in between, counted, and bounded by bytes. */
class ResourceCacheTest {
    static final int TUNING = 0x0333406C;
    static final byte[] XML = "<I c=\"Buff\" i=\"buff\" m=\"buffs.buff\" n=\"Mod:Happy\" s=\"12345\"><T n=\"x\">1</T></I>"
            .repeat(50).getBytes(StandardCharsets.UTF_8);

    private static ResourceCache cache(long maxBytes) {
        return ResourceCache.builder(maxBytes).telemetry(new Telemetry()).build();
    }

    @Test
    void putThenGetGivesACopyOfTheBytes() {
        ResourceCache cache = cache(1 << 20);
        byte[] data = XML.clone();
        cache.put(7, TUNING, 0, 0xABCDL, data);
        data[0] = 'X'; // the cache took a copy
        byte[] got = cache.get(7, TUNING, 0, 0xABCDL);
        assertArrayEquals(XML, got);
        got[1] = 'Y'; // and hands out copies
        assertArrayEquals(XML, cache.get(7, TUNING, 0, 0xABCDL));
        assertNotSame(cache.get(7, TUNING, 0, 0xABCDL), cache.get(7, TUNING, 0, 0xABCDL));
        assertNull(cache.get(8, TUNING, 0, 0xABCDL), "another package, same resource key: another entry");
        cache.put(7, TUNING, 0, 0xABCDL, XML, 1, 5);
        assertEquals("I c=\"", new String(cache.get(7, TUNING, 0, 0xABCDL), StandardCharsets.UTF_8), "a put replaces the value");
        assertEquals(1, cache.entries());
        assertEquals(5 + Slots.OVERHEAD, cache.bytesHeld());
    }

    @Test
    void valuesAreStoredCompressedAndCountedCompressed() {
        ResourceCache cache = ResourceCache.builder(1 << 20).codec(TestCodecs.zlib()).telemetry(new Telemetry()).build();
        cache.put(1, TUNING, 0, 1, XML);
        assertArrayEquals(XML, cache.get(1, TUNING, 0, 1));
        long frame = TestCodecs.compress(TUNING, XML, 0, XML.length).length;
        assertEquals(frame + Slots.OVERHEAD, cache.bytesHeld(), "the bound counts the frame, not the decoded bytes");
        assertTrue(frame < XML.length / 10, "repetitive XML compresses: " + frame + " of " + XML.length);
        cache.put(1, TUNING, 0, 2, new byte[0]);
        assertArrayEquals(new byte[0], cache.get(1, TUNING, 0, 2), "empty values are values, not misses");
    }

    @Test
    void aFrameTheCodecCannotReadIsDroppedAsAMiss() {
        CacheCodec broken = CacheCodec.of(CacheCodec.identity()::compress, frame -> {
            throw new CodecException(0, "broken on purpose");
        });
        ResourceCache cache = ResourceCache.builder(1 << 20).codec(broken).telemetry(new Telemetry()).build();
        cache.put(1, TUNING, 0, 1, XML);
        assertNull(cache.get(1, TUNING, 0, 1));
        assertEquals(0, cache.entries(), "dropped");
        assertEquals(0, cache.bytesHeld());
        assertEquals(1, cache.stats().misses());
        assertEquals(0, cache.stats().hits());
    }

    @Test
    void absentKeysAreMostlyAnsweredByTheBloomFilter() {
        ResourceCache cache = cache(64L << 20);
        for (int i = 0; i < 1000; i++) {
            cache.put(1, TUNING, 0, i, XML);
        }
        int lookups = 100_000;
        for (int i = 0; i < lookups; i++) {
            assertNull(cache.get(2, TUNING, 0, i)); // package 2 was never put
        }
        ResourceCache.Stats s = cache.stats();
        assertEquals(lookups, s.lookups());
        assertEquals(0, s.hits());
        assertTrue(s.negatives() > 0.97 * lookups, "1 % filters: " + s);
        assertEquals(lookups - s.negatives(), s.misses(), "the false positives searched a segment and missed");
    }

    @Test
    void filtersAreRebuiltFromTheLiveKeysAsKeysComeAndGo() {
        // 1 segment, filter sized for 64 keys, room for ~100 entries: 20,000 keys pass through
        ResourceCache cache = ResourceCache.builder(100 * (200 + Slots.OVERHEAD)).segments(1).expectedEntries(64)
                .telemetry(new Telemetry()).build();
        byte[] value = new byte[200];
        for (int i = 0; i < 20_000; i++) {
            cache.put(1, TUNING, 0, i, value);
        }
        ResourceCache.Stats s = cache.stats();
        assertTrue(s.filterRebuilds() > 100, "rebuilt as it saturated: " + s);
        assertTrue(s.evictions() >= 19_900, s.toString());
        for (int i = 0; i < 20_000; i++) {
            cache.get(2, TUNING, 0, i);
        }
        long negatives = cache.stats().negatives();
        assertTrue(negatives > 0.97 * 20_000, "evicted keys do not pile up in the filter: " + negatives + " of 20,000 answered by it");
        int live = 0;
        for (int i = 0; i < 20_000; i++) {
            live += cache.get(1, TUNING, 0, i) != null ? 1 : 0;
        }
        assertEquals(cache.entries(), live, "every live entry is still found: no false negative after the rebuilds");
    }

    @Test
    void aValueLargerThanASegmentIsNotKeptAndDropsTheOldOne() {
        ResourceCache cache = ResourceCache.builder(4096).segments(1).telemetry(new Telemetry()).build();
        cache.put(1, TUNING, 0, 1, new byte[100]);
        cache.put(1, TUNING, 0, 1, new byte[5000]);
        assertNull(cache.get(1, TUNING, 0, 1), "the old value is stale, the new one does not fit");
        assertEquals(0, cache.bytesHeld());
    }

    @Test
    void invalidateAndClear() {
        ResourceCache cache = cache(1 << 20);
        cache.put(1, TUNING, 0, 1, XML);
        cache.put(1, TUNING, 0, 2, XML);
        assertTrue(cache.invalidate(1, TUNING, 0, 1));
        assertTrue(!cache.invalidate(1, TUNING, 0, 1), "already gone");
        assertNull(cache.get(1, TUNING, 0, 1));
        cache.clear();
        assertEquals(0, cache.entries());
        assertEquals(0, cache.bytesHeld());
        assertNull(cache.get(1, TUNING, 0, 2));
        assertEquals(2, cache.stats().puts(), "figures survive clear");
    }

    @Test
    void getOrLoadLoadsAKeyOnceHoweverManyThreadsMissIt() throws Exception {
        ResourceCache cache = cache(1 << 20);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> cache.getOrLoad(1, TUNING, 0, 42, () -> {
                    loads.incrementAndGet();
                    try {
                        release.await(); // hold the load open while the others arrive
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                    return XML.clone();
                })));
            }
            Thread.sleep(200);
            release.countDown();
            List<byte[]> arrays = new ArrayList<>();
            for (Future<byte[]> r : results) {
                arrays.add(r.get());
                assertArrayEquals(XML, arrays.get(arrays.size() - 1));
            }
            for (int i = 1; i < arrays.size(); i++) {
                assertNotSame(arrays.get(0), arrays.get(i), "each caller owns its array");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, loads.get());
        assertArrayEquals(XML, cache.getOrLoad(1, TUNING, 0, 42, () -> {
            throw new AssertionError("cached: no load");
        }));
        assertEquals(1, cache.stats().puts());
    }

    @Test
    void getOrLoadHandsTheLoadersExceptionOnAndCachesNothing() {
        ResourceCache cache = cache(1 << 20);
        IOException broken = new IOException("mod.package: offset 96: corrupt zlib data");
        IOException thrown = assertThrows(IOException.class, () -> cache.getOrLoad(1, TUNING, 0, 1, () -> {
            throw broken;
        }));
        assertSame(broken, thrown);
        assertEquals(0, cache.entries());
        byte[] none = assertDoesNotThrowIo(() -> cache.getOrLoad(1, TUNING, 0, 2, () -> null));
        assertNull(none, "a loader's null (no such resource) is returned and not cached");
    }

    @Test
    void telemetryAddsUpAllCachesAndTheLevelOutlivesReset() {
        Telemetry t = new Telemetry();
        ResourceCache a = ResourceCache.builder(1 << 20).telemetry(t).build();
        ResourceCache b = ResourceCache.builder(1 << 20).telemetry(t).build();
        a.put(1, TUNING, 0, 1, XML);
        b.put(1, TUNING, 0, 1, XML);
        a.get(1, TUNING, 0, 1);
        b.get(1, TUNING, 0, 2);
        t.reset();
        a.get(1, TUNING, 0, 1);
        var c = t.snapshot().counters();
        assertEquals(1L, c.get(Telemetry.CACHE_HITS), "counts since the reset");
        assertEquals(0L, c.get(Telemetry.CACHE_PUTS));
        assertEquals(a.bytesHeld() + b.bytesHeld(), (long) c.get(Telemetry.CACHE_BYTES), "a level: what is held now, both caches");
        a.clear();
        assertEquals(b.bytesHeld(), (long) t.snapshot().counters().get(Telemetry.CACHE_BYTES));
        assertEquals(2, a.stats().hits(), "a cache's own figures are not reset");
    }

    @Test
    void packageIdChangesWhenTheFileDoes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mod.package");
        Files.write(file, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        long id = ResourceCache.packageId(file);
        assertEquals(id, ResourceCache.packageId(file));
        assertEquals(id, ResourceCache.packageId(file.toAbsolutePath().toString(), 3, 1_700_000_000_000L));
        Files.write(file, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        assertNotEquals(id, ResourceCache.packageId(file), "size changed");
        assertNotEquals(ResourceCache.packageId("a", 1, 2), ResourceCache.packageId("a", 1, 3), "time changed");
        assertNotEquals(ResourceCache.packageId("Mods/a.package", 1, 2), ResourceCache.packageId("Mods/b.package", 1, 2));
    }

    @Test
    void builderRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> ResourceCache.builder(0));
        assertThrows(IllegalArgumentException.class, () -> ResourceCache.builder(1 << 20).segments(3));
        assertThrows(IllegalArgumentException.class, () -> ResourceCache.builder(1 << 20).bloomFpp(1));
        assertThrows(IndexOutOfBoundsException.class, () -> cache(1 << 20).put(1, 2, 3, 4, new byte[4], 2, 3));
        assertEquals(ResourceCache.Policy.W_TINY_LFU, ResourceCache.create(1 << 20).policy(), "the default policy");
        assertEquals(1, ResourceCache.create(1 << 20).segmentCount(), "small caches are one segment");
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T assertDoesNotThrowIo(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
