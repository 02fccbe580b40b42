package org.ts4kit.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link InOrder}: results reach the sink in item order whatever the threads, no more than the
 * window of them exist at once, the first failure (a worker's or the sink's) stops the run and is
 * rethrown with every worker thread ended, and one thread means no thread at all.
 */
@Timeout(60) // hang guards, not performance assertions
class InOrderTest {
    private static final String THREAD_PREFIX = "ts4kit-in-order-";

    /** Uneven work, so later items often finish before earlier ones. */
    private static long work(int i) {
        long x = i;
        for (int k = (i * 7919) % 5_000; k > 0; k--) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    @Test
    void resultsReachTheSinkInItemOrderForAnyThreadCount() throws Exception {
        for (int threads = 1; threads <= 4; threads++) {
            for (int n : new int[] {0, 1, 2, 3_000}) {
                for (int window : new int[] {1, threads, 16}) {
                    List<Long> seen = new ArrayList<>();
                    InOrder.run(n, threads, window, () -> InOrderTest::work, seen::add);
                    List<Long> expected = IntStream.range(0, n).mapToObj(InOrderTest::work).collect(Collectors.toList());
                    assertEquals(expected, seen, threads + " threads, n " + n + ", window " + window);
                }
            }
        }
    }

    @Test
    void eachWorkerGetsItsOwnFunctionFromTheSupplier() throws Exception {
        AtomicInteger made = new AtomicInteger();
        List<int[]> seen = new ArrayList<>(); // item, worker, that worker's call count
        InOrder.run(500, 3, 8, () -> {
            int worker = made.incrementAndGet();
            int[] calls = new int[1]; // per-worker state: only this worker's thread touches it
            return i -> new int[] {i, worker, ++calls[0]};
        }, seen::add);
        assertEquals(3, made.get(), "one function per worker thread");
        assertEquals(IntStream.range(0, 500).boxed().collect(Collectors.toList()),
                seen.stream().map(r -> r[0]).collect(Collectors.toList()));
        for (int w = 1; w <= 3; w++) {
            int worker = w;
            List<Integer> counts = seen.stream().filter(r -> r[1] == worker).map(r -> r[2]).sorted().collect(Collectors.toList());
            assertEquals(IntStream.rangeClosed(1, counts.size()).boxed().collect(Collectors.toList()), counts,
                    "worker " + w + " counted its own calls, none shared");
        }
    }

    /**
     * A slow sink: workers run ahead until the window is full and then wait. Counted inside the worker
     * function: results produced and not yet consumed (a result is consumed when the sink returns).
     */
    @Test
    void theWindowBoundsTheResultsThatExistAtOnce() throws Exception {
        for (int threads = 2; threads <= 4; threads++) {
            for (int window : new int[] {1, 2, threads, 5}) {
                AtomicInteger produced = new AtomicInteger();
                AtomicInteger consumed = new AtomicInteger();
                AtomicInteger maxOutstanding = new AtomicInteger();
                InOrder.run(120, threads, window, () -> i -> {
                    int outstanding = produced.incrementAndGet() - consumed.get();
                    maxOutstanding.accumulateAndGet(outstanding, Math::max);
                    return new byte[64];
                }, bytes -> {
                    sleepAMillisecond();
                    consumed.incrementAndGet();
                });
                assertTrue(maxOutstanding.get() <= window, threads + " threads, window " + window + ": "
                        + maxOutstanding.get() + " results existed at once");
                assertEquals(120, consumed.get());
            }
        }
    }

    private static void sleepAMillisecond() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWorkersRuntimeExceptionIsRethrownAndTheOtherWorkersStop() {
        int window = 8;
        AtomicInteger applied = new AtomicInteger();
        List<Integer> delivered = new ArrayList<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InOrder.run(100_000, 3, window,
                () -> i -> {
                    applied.incrementAndGet();
                    if (i == 500) {
                        throw new IllegalArgumentException("bad item 500");
                    }
                    return i;
                }, delivered::add));
        assertEquals("bad item 500", e.getMessage());
        assertNoWorkerThreadAlive();
        // nothing is started past the window of the item that never arrived
        assertTrue(applied.get() <= 500 + window, applied.get() + " items were worked on");
        assertTrue(delivered.size() <= 500, "nothing at or after the failed item reaches the sink");
        assertEquals(IntStream.range(0, delivered.size()).boxed().collect(Collectors.toList()), delivered, "in order up to there");
    }

    @Test
    void aWorkerKilledWhereItCannotCatchEndsTheRunInsteadOfHangingIt() {
        // what the JVM does with a late (asynchronous) fault of a shrunk file mapping: an exception thrown
        // wherever the worker is, here one that its own catch does not take (a checked one, thrown sneakily)
        Exception checked = new Exception("killed at 300");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InOrder.run(10_000, 3, 16, () -> i -> {
            if (i == 300) {
                throw InOrderTest.<RuntimeException>sneaky(checked);
            }
            return i;
        }, i -> { }));
        assertSame(checked, e.getCause());
        assertNoWorkerThreadAlive();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void aWorkersErrorIsRethrownAsItIs() {
        AtomicInteger applied = new AtomicInteger();
        StackOverflowError error = new StackOverflowError("deep item 77");
        StackOverflowError e = assertThrows(StackOverflowError.class, () -> InOrder.run(100_000, 4, 4, () -> i -> {
            applied.incrementAndGet();
            if (i == 77) {
                throw error;
            }
            return i;
        }, i -> { }));
        assertSame(error, e);
        assertNoWorkerThreadAlive();
        assertTrue(applied.get() <= 77 + 4, applied.get() + " items were worked on");
    }

    @Test
    void aFailureMakingAWorkersFunctionIsRethrown() {
        AtomicInteger made = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InOrder.run(1_000, 3, 6, () -> {
            if (made.incrementAndGet() == 2) {
                throw new IllegalStateException("no reader for this worker");
            }
            return i -> i;
        }, i -> { }));
        assertEquals("no reader for this worker", e.getMessage());
        assertNoWorkerThreadAlive();
    }

    @Test
    void aSinkExceptionIsRethrownAndTheWorkersEnd() {
        int window = 6;
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> InOrder.run(100_000, 3, window,
                () -> i -> {
                    applied.incrementAndGet();
                    return i;
                }, i -> {
                    accepted.incrementAndGet();
                    if (i == 100) {
                        throw new UnsupportedOperationException("stdout closed at 100");
                    }
                }));
        assertEquals("stdout closed at 100", e.getMessage());
        assertEquals(101, accepted.get(), "the sink is not called after it failed");
        assertNoWorkerThreadAlive();
        assertTrue(applied.get() <= 101 + window, applied.get() + " items were worked on");
    }

    @Test
    void aSinkErrorIsRethrownToo() {
        AssertionError e = assertThrows(AssertionError.class, () -> InOrder.run(10_000, 2, 4, () -> i -> i, i -> {
            if (i == 3) {
                throw new AssertionError("sink check failed at 3");
            }
        }));
        assertEquals("sink check failed at 3", e.getMessage());
        assertNoWorkerThreadAlive();
    }

    @Test
    void nullResultsAreDeliveredAsNull() throws Exception {
        for (int threads : new int[] {1, 3}) {
            List<String> seen = new ArrayList<>();
            InOrder.run(1_000, threads, 5, () -> i -> i % 3 == 0 ? null : "r" + i, seen::add);
            assertEquals(1_000, seen.size());
            for (int i = 0; i < 1_000; i++) {
                assertEquals(i % 3 == 0 ? null : "r" + i, seen.get(i), threads + " threads, item " + i);
            }
        }
    }

    @Test
    void oneThreadRunsEverythingOnTheCallingThread() throws Exception {
        Thread caller = Thread.currentThread();
        List<Thread> workerThreads = new ArrayList<>();
        List<Thread> sinkThreads = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        InOrder.run(200, 1, 4, () -> {
            workerThreads.add(Thread.currentThread());
            return i -> {
                assertEquals(List.of(), liveWorkerThreads(), "no worker thread while an item is worked on");
                workerThreads.add(Thread.currentThread());
                return i;
            };
        }, i -> {
            sinkThreads.add(Thread.currentThread());
            seen.add(i);
        });
        assertEquals(201, workerThreads.size());
        assertTrue(workerThreads.stream().allMatch(t -> t == caller), "worked on " + workerThreads.get(0));
        assertTrue(sinkThreads.stream().allMatch(t -> t == caller), "sink on another thread");
        assertEquals(IntStream.range(0, 200).boxed().collect(Collectors.toList()), seen);
    }

    @Test
    void oneItemRunsOnTheCallingThreadWhateverTheThreads() throws Exception {
        Thread caller = Thread.currentThread();
        Thread[] ranOn = new Thread[1];
        InOrder.run(1, 4, 4, () -> i -> ranOn[0] = Thread.currentThread(), t -> { });
        assertSame(caller, ranOn[0]);
    }

    @Test
    void severalThreadsWorkOffTheCallingThreadAndAreGoneWhenRunReturns() throws Exception {
        Thread caller = Thread.currentThread();
        List<String> names = java.util.Collections.synchronizedList(new ArrayList<>());
        InOrder.run(2_000, 3, 9, () -> i -> {
            assertTrue(Thread.currentThread() != caller);
            names.add(Thread.currentThread().getName());
            return i;
        }, i -> assertSame(caller, Thread.currentThread()));
        assertTrue(names.stream().allMatch(n -> n.startsWith(THREAD_PREFIX)), "worker names: " + names.get(0));
        assertNoWorkerThreadAlive();
    }

    @Test
    void badArgumentsAreRefused() {
        IntFunction<Integer> id = i -> i;
        assertThrows(IllegalArgumentException.class, () -> InOrder.run(-1, 1, 1, () -> id, i -> { }));
        assertThrows(IllegalArgumentException.class, () -> InOrder.run(5, 0, 1, () -> id, i -> { }));
        assertThrows(IllegalArgumentException.class, () -> InOrder.run(5, 2, 0, () -> id, i -> { }));
    }

    private static List<String> liveWorkerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(THREAD_PREFIX))
                .map(Thread::getName)
                .collect(Collectors.toList());
    }

    private static void assertNoWorkerThreadAlive() {
        assertEquals(List.of(), liveWorkerThreads(), "worker threads left alive after run returned");
    }
}
