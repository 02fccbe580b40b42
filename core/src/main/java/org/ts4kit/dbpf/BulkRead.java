package org.ts4kit.dbpf;

import java.io.IOException;
import java.util.function.IntFunction;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.pipeline.InOrder;

/**
 * Many resources of one package, read on several threads, results in index order: what
 * {@code ls --hash}, {@code extract} and {@code cat} of several keys do. Each worker has its own
 * {@link ResourceReader} and buffer (grown to the largest resource it read, reused for the rest);
 * results wait for the sink in a window of {@link #WINDOW_PER_THREAD} per thread, so memory does not
 * grow with the package.
 *
 * <pre>{@code
 * try (DbpfPackage pkg = DbpfPackage.open(file)) {
 *     BulkRead.run(pkg, BulkRead.ALL, 4,
 *             (entry, reader) -> pkg.index().isDeleted(entry) ? null : Sha256.digest(reader.read(entry)),
 *             (entry, digest, error) -> System.out.println(entry + " " + (error != null ? error.getMessage() : digest)));
 * }
 * }</pre>
 */
public final class BulkRead {
    /** Pass as {@code entries} for every index entry, deleted ones included. */
    public static final int[] ALL = null;
    /** Results waiting for the sink, per thread: room for uneven sizes without memory to speak of. */
    public static final int WINDOW_PER_THREAD = 32;

    private BulkRead() {
    }

    /** The work on one entry, on a worker thread, with that thread's reader. */
    @FunctionalInterface
    public interface Task<R> {
        R apply(int entry, ResourceReader reader) throws IOException;
    }

    /** Where results arrive, on the calling thread, in the order of the entries: a result or the task's error. */
    @FunctionalInterface
    public interface Sink<R> {
        void accept(int entry, R result, IOException error);
    }

    /** Every core: the default of {@code --threads}. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs {@code task} over {@code entries} (index positions, in the order wanted; {@link #ALL} for
     * {@code 0..entryCount-1}) on {@code threads} threads and hands every outcome to {@code sink} in
     * that order. An {@link IOException} of the task (a corrupt entry, a file not written) is that
     * entry's outcome and the run goes on, and so is a fault of the file shrinking under its mapping that
     * the JVM delivers late, inside the task; anything else unchecked stops the run and is rethrown.
     */
    public static <R> void run(DbpfPackage pkg, int[] entries, int threads, Task<? extends R> task, Sink<? super R> sink)
            throws InterruptedException {
        run(pkg, entries, threads, threads * WINDOW_PER_THREAD, task, sink);
    }

    /** As above with a window of {@code window} results: small when results are large (whole resources). */
    public static <R> void run(DbpfPackage pkg, int[] entries, int threads, int window, Task<? extends R> task,
            Sink<? super R> sink) throws InterruptedException {
        int n = entries == ALL ? pkg.entryCount() : entries.length;
        int[] delivered = {0};
        try {
            runAll(pkg, entries, n, threads, window, task, sink, delivered);
        } catch (InternalError e) {
            // A fault of the shrunk mapping that the JVM delivered outside any task (Java 17 may deliver one late,
            // on a later instruction): the file is gone under the reader, so every entry not yet handed over gets
            // that error, in order, and the run ends as it would have, nothing left out.
            for (int k = delivered[0]; k < n; k++) {
                int entry = entries == ALL ? k : entries[k];
                sink.accept(entry, null, pkg.changedUnder(entry, e));
            }
        }
    }

    private static <R> void runAll(DbpfPackage pkg, int[] entries, int n, int threads, int window, Task<? extends R> task,
            Sink<? super R> sink, int[] delivered) throws InterruptedException {
        InOrder.<Outcome<R>>run(n, threads, Math.max(window, threads), () -> {
            ResourceReader reader = pkg.reader(new ResourceBuffer());
            return (IntFunction<Outcome<R>>) k -> {
                int entry = entries == ALL ? k : entries[k];
                try {
                    return new Outcome<>(entry, task.apply(entry, reader), null);
                } catch (IOException e) {
                    return new Outcome<>(entry, null, e);
                } catch (InternalError e) { // a fault of the shrunk mapping, delivered late: this entry's error, the run goes on
                    return new Outcome<>(entry, null, pkg.changedUnder(entry, e));
                }
            };
        }, o -> {
            delivered[0]++;
            sink.accept(o.entry, o.result, o.error);
        });
    }

    private record Outcome<R>(int entry, R result, IOException error) {
    }
}
