package org.ts4kit.telemetry;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Figures that components keep themselves and a {@link Telemetry} reads only when asked: a cache
 * counts its hits under a lock it holds anyway, so pushing each one into a shared counter as well
 * would cost every look-up an atomic operation. Owners are held weakly: one that is garbage no longer
 * counts, and is dropped.
 */
final class Sources {
    private static final class Source {
        final String name;
        final WeakReference<Object> owner;
        final ToLongFunction<Object> value;
        final boolean level;
        long baseline;

        Source(String name, Object owner, ToLongFunction<Object> value, boolean level) {
            this.name = name;
            this.owner = new WeakReference<>(owner);
            this.value = value;
            this.level = level;
        }
    }

    private final List<Source> sources = new ArrayList<>();

    @SuppressWarnings("unchecked")
    synchronized <T> void add(String name, T owner, ToLongFunction<? super T> value, boolean level) {
        sources.add(new Source(name, owner, (ToLongFunction<Object>) value, level));
    }

    /** Counters count from here on; levels are amounts now, and stay. */
    synchronized void reset() {
        for (Iterator<Source> it = sources.iterator(); it.hasNext();) {
            Source s = it.next();
            Object owner = s.owner.get();
            if (owner == null) {
                it.remove();
            } else if (!s.level) {
                s.baseline = s.value.applyAsLong(owner);
            }
        }
    }

    /** Adds every live source's figure to {@code out}, by name. */
    synchronized void addTo(Map<String, Long> out) {
        for (Iterator<Source> it = sources.iterator(); it.hasNext();) {
            Source s = it.next();
            Object owner = s.owner.get();
            if (owner == null) {
                it.remove();
            } else {
                out.merge(s.name, s.value.applyAsLong(owner) - s.baseline, Long::sum);
            }
        }
    }
}
