package org.ts4kit.telemetry;

import java.util.concurrent.atomic.LongAdder;

/** A monotonic count shared by many threads: {@link LongAdder} cells, so increments do not contend. */
public final class Counter {
    private final String name;
    private final LongAdder adder = new LongAdder();

    public Counter(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void increment() {
        adder.increment();
    }

    public void add(long n) {
        adder.add(n);
    }

    /** The sum so far; exact when no thread is adding. */
    public long get() {
        return adder.sum();
    }

    public void reset() {
        adder.reset();
    }

    @Override
    public String toString() {
        return name + "=" + get();
    }
}
