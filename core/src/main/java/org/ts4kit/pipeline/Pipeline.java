package org.ts4kit.pipeline;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A bounded multi-stage parallel pipeline: a source, any number of stages each run by its own
 * threads, and one sink thread (the caller's). Stages are joined by bounded queues, so a slow stage
 * holds the faster ones back (back-pressure) instead of letting work pile up in memory.
 *
 * <pre>{@code
 * Pipeline.from(inputs.iterator())
 *         .stage("open", 1, in -> open(in))
 *         .stage("decode", 2, pkg -> decode(pkg))
 *         .run(result -> sink.add(result), 64);
 * }</pre>
 *
 * Items may reach the sink out of source order when a stage has several threads; callers that
 * need order carry a sequence number. The first exception thrown by a stage stops the pipeline and
 * is rethrown by {@link #run}. Threads are daemons and always end.
 */
public final class Pipeline<T> {
    private final Iterator<?> source;
    private final List<Stage> stages;

    private Pipeline(Iterator<?> source, List<Stage> stages) {
        this.source = source;
        this.stages = stages;
    }

    public static <T> Pipeline<T> from(Iterator<T> source) {
        return new Pipeline<>(source, new ArrayList<>());
    }

    /** Adds a stage run by {@code threads} threads that maps each item with {@code fn}. */
    public <R> Pipeline<R> stage(String name, int threads, Function<? super T, ? extends R> fn) {
        if (threads < 1) {
            throw new IllegalArgumentException("a stage needs at least one thread: " + name);
        }
        List<Stage> next = new ArrayList<>(stages);
        @SuppressWarnings("unchecked")
        Function<Object, Object> f = (Function<Object, Object>) fn;
        next.add(new Stage(name, threads, f));
        return new Pipeline<>(source, next);
    }

    /**
     * Runs everything; the calling thread is the sink. {@code capacity} bounds every queue (items
     * in flight between two stages). Returns when the source is exhausted and every item has
     * reached the sink.
     */
    public void run(Consumer<? super T> sink, int capacity) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        BlockingQueue<Object> in = new ArrayBlockingQueue<>(capacity);
        threads.add(thread("source", () -> {
            try {
                while (source.hasNext() && failure.get() == null) {
                    in.put(new Item(source.next()));
                }
            } finally {
                in.put(Item.END);
            }
        }, failure, in));
        BlockingQueue<Object> current = in;
        for (Stage s : stages) {
            BlockingQueue<Object> out = new ArrayBlockingQueue<>(capacity);
            threads.addAll(s.start(current, out, failure));
            current = out;
        }
        threads.forEach(Thread::start);
        try {
            drain(current, sink, failure);
        } finally {
            threads.forEach(Thread::interrupt);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw new IllegalStateException("pipeline stage failed", t);
        }
    }

    @SuppressWarnings("unchecked")
    private void drain(BlockingQueue<Object> last, Consumer<? super T> sink, AtomicReference<Throwable> failure)
            throws InterruptedException {
        while (true) {
            Item item = (Item) last.take();
            if (item == Item.END) {
                return;
            }
            if (failure.get() == null) {
                try {
                    sink.accept((T) item.value);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        }
    }

    interface Body {
        void run() throws InterruptedException;
    }

    static Thread thread(String name, Body body, AtomicReference<Throwable> failure, BlockingQueue<Object> endQueue) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        }, "ts4kit-" + name);
        t.setDaemon(true);
        return t;
    }

    /** An item in flight; {@link #END} marks the end of a queue. */
    static final class Item {
        static final Item END = new Item(null);
        final Object value;

        Item(Object value) {
            this.value = value;
        }
    }
}
