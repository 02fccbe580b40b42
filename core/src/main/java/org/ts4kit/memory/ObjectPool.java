package org.ts4kit.memory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded pool of reusable objects (inflaters, encoders). {@link #borrow()} never blocks: when
 * the pool is empty it creates a new object; {@link #release} resets the object and keeps it
 * when there is room, otherwise disposes of it. Thread-safe.
 */
public final class ObjectPool<T> {
    private final ArrayBlockingQueue<T> idle;
    private final Supplier<T> factory;
    private final Consumer<T> reset;
    private final Consumer<T> dispose;

    public ObjectPool(int capacity, Supplier<T> factory, Consumer<T> reset, Consumer<T> dispose) {
        this.idle = new ArrayBlockingQueue<>(capacity);
        this.factory = factory;
        this.reset = reset;
        this.dispose = dispose;
    }

    public T borrow() {
        T t = idle.poll();
        return t != null ? t : factory.get();
    }

    public void release(T t) {
        try {
            reset.accept(t);
        } catch (RuntimeException e) {
            dispose.accept(t);
            return;
        }
        if (!idle.offer(t)) {
            dispose.accept(t);
        }
    }

    /** Objects waiting to be borrowed. */
    public int idleCount() {
        return idle.size();
    }
}
