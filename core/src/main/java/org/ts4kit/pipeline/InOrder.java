package org.ts4kit.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Maps items {@code 0..n-1} on several threads and hands the results to a sink on the calling
 * thread in item order: the shape of "decode every resource of one package on every core, print in
 * index order". Memory is bounded by the window, not by {@code n}: a worker that gets {@code window}
 * items ahead of the sink waits (so one slow item holds the others back by at most the window), and
 * only the window's results exist at once.
 *
 * <pre>{@code
 * InOrder.run(n, 4, 64, () -> {
 *     ResourceReader reader = pkg.reader(new ResourceBuffer());   // per-thread state, made once per worker
 *     return i -> hash(reader.read(i));
 * }, digest -> out.println(digest));
 * }</pre>
 *
 * With one thread (or one item) everything runs on the calling thread, no thread is started. The
 * first exception of a worker or of the sink stops the others and is rethrown by {@link #run}; threads
 * are daemons and have ended when it returns.
 */
public final class InOrder<R> {
    private static final Object NULL = new Object();
    /** How often a sink waiting for an item looks whether a worker died without a word. */
    private static final long LIVENESS_CHECK_MS = 50;
    private final int n;
    private final int window;
    private final Object[] slots;
    private final AtomicInteger next = new AtomicInteger();
    /** Workers that finished their loop normally. */
    private final AtomicInteger ended = new AtomicInteger();
    /** The worker threads, once started. */
    private List<Thread> workers = List.of();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private final Condition ready = lock.newCondition();
    /** Items the sink has returned from so far; guarded by {@link #lock}. */
    private int consumed;
    /** The first failure (worker or sink); guarded by {@link #lock}. */
    private Throwable failure;

    private InOrder(int n, int window) {
        this.n = n;
        this.window = window;
        this.slots = new Object[window];
    }

    /**
     * Runs {@code fn} over {@code 0..n-1} on {@code threads} workers, each with the function
     * {@code workers} makes for it, and passes each result to {@code sink} in order on this thread.
     * At most {@code window} results exist at once, the one the sink is handling included
     * ({@code window > threads} keeps every worker busy while the sink works).
     */
    public static <R> void run(int n, int threads, int window, Supplier<? extends IntFunction<? extends R>> workers,
            Consumer<? super R> sink) throws InterruptedException {
        if (n < 0 || threads < 1 || window < 1) {
            throw new IllegalArgumentException("n " + n + ", threads " + threads + ", window " + window);
        }
        if (threads == 1 || n <= 1) {
            IntFunction<? extends R> fn = workers.get();
            for (int i = 0; i < n; i++) {
                sink.accept(fn.apply(i));
            }
            return;
        }
        new InOrder<R>(n, window).runThreads(Math.min(threads, n), workers, sink);
    }

    private void runThreads(int threads, Supplier<? extends IntFunction<? extends R>> workers, Consumer<? super R> sink)
            throws InterruptedException {
        List<Thread> started = new ArrayList<>(threads);
        try {
            for (int t = 0; t < threads; t++) {
                Thread thread = new Thread(() -> {
                    work(workers);
                    ended.incrementAndGet(); // only a worker that got here has published every item it claimed
                }, "ts4kit-in-order-" + t);
                thread.setDaemon(true);
                // an exception thrown where work() cannot catch it (an asynchronous one: the JVM delivers a fault
                // of a shrunk file mapping late, wherever the thread then is) still reaches the sink's thread
                thread.setUncaughtExceptionHandler((th, e) -> fail(e));
                thread.start();
                started.add(thread);
            }
            this.workers = started;
            for (int i = 0; i < n; i++) {
                sink.accept(take(i));
                consumed(i);
            }
        } catch (RuntimeException | Error | InterruptedException e) {
            fail(e);
            throw e;
        } finally {
            for (Thread t : started) {
                t.join();
            }
        }
    }

    private void work(Supplier<? extends IntFunction<? extends R>> workers) {
        try {
            IntFunction<? extends R> fn = workers.get();
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                if (!awaitRoom(i)) {
                    return;
                }
                R r = fn.apply(i);
                put(i, r);
            }
        } catch (RuntimeException | Error e) {
            fail(e);
        }
    }

    /** Waits until item {@code i} fits in the window; false when the run failed meanwhile. */
    private boolean awaitRoom(int i) {
        lock.lock();
        try {
            while (i >= consumed + window && failure == null) {
                room.awaitUninterruptibly();
            }
            return failure == null;
        } finally {
            lock.unlock();
        }
    }

    private void put(int i, R r) {
        lock.lock();
        try {
            slots[i % window] = r == null ? NULL : r;
            if (i == consumed) {
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Item {@code i}'s result, waiting for it; rethrows a worker's failure. */
    @SuppressWarnings("unchecked")
    private R take(int i) throws InterruptedException {
        lock.lock();
        try {
            Object r;
            while ((r = slots[i % window]) == null) {
                if (failure == null && workerDied()) {
                    failure = new IllegalStateException("a worker thread ended before item " + i + " was done");
                    room.signalAll();
                }
                if (failure != null) {
                    throw rethrow(failure);
                }
                // timed: a worker that dies abruptly may never signal (see workerDied)
                ready.await(LIVENESS_CHECK_MS, TimeUnit.MILLISECONDS);
            }
            slots[i % window] = null;
            return r == NULL ? null : (R) r;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether a worker thread has ended without finishing its loop: the item it had claimed will never
     * come, and without this check the sink would wait for it forever (found: a late mapped-memory fault
     * killed a worker inside its own error handling, and {@code ls} hung).
     */
    private boolean workerDied() {
        int dead = 0;
        for (Thread t : workers) {
            dead += t.isAlive() ? 0 : 1;
        }
        return dead > ended.get();
    }

    /**
     * The sink is done with item {@code i}: only now does its place in the window free up, so the
     * result in the sink's hands counts as one of the window's (it exists until the sink returns).
     */
    private void consumed(int i) {
        lock.lock();
        try {
            consumed = i + 1;
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void fail(Throwable t) {
        lock.lock();
        try {
            if (failure == null) {
                failure = t;
            }
            room.signalAll();
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException(t);
    }
}
