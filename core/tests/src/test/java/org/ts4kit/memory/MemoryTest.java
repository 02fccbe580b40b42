package org.ts4kit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Buffer pool, arena and slab: reuse, bounds, and isolation of what they hand out. */
class MemoryTest {
    @Test
    void pooledResourceBufferTakesItsArraysFromThePoolAndGivesThemBack() {
        BufferPool pool = new BufferPool(2, 16 << 20);
        byte[] first;
        try (ResourceBuffer buffer = new ResourceBuffer(pool)) {
            assertEquals(0, buffer.capacity(), "nothing taken before first use");
            first = buffer.view(1000).array();
            assertEquals(64 << 10, first.length, "the default capacity's size class");
            assertEquals(1000, buffer.view(1000).remaining());
            byte[] grown = buffer.view(100_000).array();
            assertEquals(128 << 10, grown.length);
            assertEquals(64 << 10, pool.idleBytes(), "growing gave the smaller array back");
        }
        assertEquals((64 << 10) + (128 << 10), pool.idleBytes(), "closing gave the last array back");
        try (ResourceBuffer again = new ResourceBuffer(pool)) {
            assertSame(first, again.array(10), "the next buffer reuses a pooled array");
        }
    }

    @Test
    void poolHandsOutSizeClassesAndReusesThem() {
        BufferPool pool = new BufferPool(2, 1 << 20);
        byte[] a = pool.acquire(5000);
        assertEquals(8192, a.length, "rounded up to the size class");
        pool.release(a);
        assertSame(a, pool.acquire(6000), "same class, same array");
        assertEquals(4096, pool.acquire(0).length);
        assertEquals(1, pool.hits());
        pool.release(new byte[1000]); // not from the pool: ignored
        assertEquals(0, pool.idleBytes());
    }

    @Test
    void poolKeepsNoMoreThanItsBoundIdle() {
        BufferPool pool = new BufferPool(100, 64 << 10);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(pool.acquire(4096));
        }
        out.forEach(pool::release);
        assertEquals(16 * 4096, pool.idleBytes());
    }

    @Test
    void poolIsSafeUnderConcurrency() throws Exception {
        BufferPool pool = new BufferPool(4, 1 << 24);
        ExecutorService ex = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                fs.add(ex.submit(() -> {
                    SplittableRandom rnd = new SplittableRandom(id);
                    for (int i = 0; i < 20_000; i++) {
                        byte[] b = pool.acquire(rnd.nextInt(100_000));
                        b[0] = (byte) id; // nobody else may hold this array now
                        if (b[0] != (byte) id) {
                            return false;
                        }
                        pool.release(b);
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : fs) {
                assertTrue(f.get());
            }
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void slabAndArenaAreSafeUnderConcurrency() throws Exception {
        Slab slab = new Slab(2);
        Arena arena = new Arena(4096);
        int threads = 4;
        int perThread = 3 * Slab.PAGE_RECORDS;
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try {
            List<Future<int[]>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                fs.add(ex.submit(() -> {
                    int[] mine = new int[perThread];
                    for (int i = 0; i < perThread; i++) {
                        // single records and runs, interleaved with the other threads' growth of the page table
                        int r = i % 100 == 0 ? slab.allocate(1) : slab.allocate();
                        slab.set(r, 0, id);
                        slab.set(r, 1, i);
                        mine[i] = r;
                    }
                    for (int i = 0; i < perThread; i++) {
                        if (slab.get(mine[i], 0) != id || slab.get(mine[i], 1) != i) {
                            throw new AssertionError("record " + mine[i] + " of thread " + id + " was overwritten");
                        }
                    }
                    for (int i = 0; i < 200; i++) {
                        ByteBuffer b = arena.allocate(1 + i % 300);
                        for (int k = 0; k < b.capacity(); k++) {
                            b.put(k, (byte) id);
                        }
                        Thread.yield();
                        for (int k = 0; k < b.capacity(); k++) {
                            if (b.get(k) != (byte) id) {
                                throw new AssertionError("arena memory of thread " + id + " was handed out twice");
                            }
                        }
                    }
                    return mine;
                }));
            }
            Set<Integer> all = new HashSet<>();
            for (Future<int[]> f : fs) {
                for (int r : f.get()) {
                    assertTrue(all.add(r), "handle " + r + " given out twice");
                }
            }
            assertEquals(threads * perThread, slab.size());
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void slabRunsHaveConsecutiveHandlesAcrossPages() {
        Slab slab = new Slab(1);
        int first = slab.allocate(Slab.PAGE_RECORDS + 10);
        int second = slab.allocate(5);
        assertEquals(0, first);
        assertEquals(Slab.PAGE_RECORDS + 10, second);
        slab.set(second + 4, 0, 42);
        assertEquals(42, slab.get(second + 4, 0));
        assertEquals(2L * Slab.PAGE_RECORDS * Long.BYTES, slab.reservedBytes());
        assertThrows(IllegalArgumentException.class, () -> slab.allocate(0));
    }

    @Test
    void arenaAllocationsDoNotOverlapAndResetReusesChunks() {
        Arena arena = new Arena(1024);
        List<ByteBuffer> bufs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ByteBuffer b = arena.allocate(100);
            for (int k = 0; k < 100; k++) {
                b.put(k, (byte) i);
            }
            bufs.add(b);
        }
        for (int i = 0; i < 50; i++) {
            for (int k = 0; k < 100; k++) {
                assertEquals((byte) i, bufs.get(i).get(k), "buffer " + i + " was overwritten");
            }
        }
        ByteBuffer big = arena.allocate(5000);
        assertEquals(5000, big.capacity());
        long reserved = arena.reserved();
        arena.reset();
        for (int i = 0; i < 50; i++) {
            arena.allocate(100);
        }
        arena.allocate(5000);
        assertEquals(reserved, arena.reserved(), "after a reset the same work needs no new memory");
    }

    @Test
    void slabRecordsKeepTheirFieldsAcrossPages() {
        Slab slab = new Slab(3);
        int n = Slab.PAGE_RECORDS * 3 + 17;
        for (int i = 0; i < n; i++) {
            int r = slab.allocate();
            assertEquals(i, r);
            slab.set(r, 0, i);
            slab.set(r, 2, -i);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(i, slab.get(i, 0));
            assertEquals(0, slab.get(i, 1));
            assertEquals(-i, slab.get(i, 2));
        }
        assertEquals(n, slab.size());
    }
}
