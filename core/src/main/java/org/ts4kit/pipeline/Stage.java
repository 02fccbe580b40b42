package org.ts4kit.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One stage of a {@link Pipeline}: its threads take from the queue before them and put into the
 * queue after them. The last of its threads to see the end marker passes it on, so the next stage
 * ends only after every item of this one is through.
 */
final class Stage {
    private final String name;
    private final int threads;
    private final Function<Object, Object> fn;

    Stage(String name, int threads, Function<Object, Object> fn) {
        this.name = name;
        this.threads = threads;
        this.fn = fn;
    }

    List<Thread> start(BlockingQueue<Object> in, BlockingQueue<Object> out, AtomicReference<Throwable> failure) {
        AtomicInteger running = new AtomicInteger(threads);
        List<Thread> list = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            list.add(Pipeline.thread(name + "-" + i, () -> {
                try {
                    while (true) {
                        Pipeline.Item item = (Pipeline.Item) in.take();
                        if (item == Pipeline.Item.END) {
                            in.put(item); // let this stage's other threads see it too
                            return;
                        }
                        if (failure.get() == null) {
                            try {
                                out.put(new Pipeline.Item(fn.apply(item.value)));
                            } catch (RuntimeException | Error e) {
                                failure.compareAndSet(null, e);
                            }
                        }
                    }
                } finally {
                    if (running.decrementAndGet() == 0) {
                        out.put(Pipeline.Item.END);
                    }
                }
            }, failure, out));
        }
        return list;
    }
}
