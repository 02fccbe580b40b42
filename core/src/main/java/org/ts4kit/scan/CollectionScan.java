package org.ts4kit.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.stream.IntStream;
import org.ts4kit.pipeline.Pipeline;
import org.ts4kit.memory.BufferPool;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.telemetry.ProgressListener;

/**
 * A local scan of a collection (no Spark): every package of a {@link Listing} is scanned on the
 * bounded {@link Pipeline} (open, then decode and hash), then the keys of the unbroken ones are
 * grouped into conflicts. Results come
 * back in listing order whatever the thread timing, so two runs print the same thing.
 */
public final class CollectionScan {
    private final List<PackageScan> scans;
    private final List<Problem> problems;
    private final List<Conflict> conflicts;
    private final int broken;

    private CollectionScan(List<PackageScan> scans, List<Problem> problems, List<Conflict> conflicts, int broken) {
        this.scans = scans;
        this.problems = problems;
        this.conflicts = conflicts;
        this.broken = broken;
    }

    public static CollectionScan run(Listing listing, int threads) throws InterruptedException {
        return run(listing, threads, PackageScan.Options.KEYS);
    }

    /** As {@link #run(Listing, int)}, computing what {@code options} asks for (file hashes, strings) too. */
    public static CollectionScan run(Listing listing, int threads, PackageScan.Options options) throws InterruptedException {
        return run(listing, threads, options, ProgressListener.NONE);
    }

    /**
     * As {@link #run(Listing, int, PackageScan.Options)}, telling {@code progress} after each package
     * is scanned (one item, its {@link PackageInput#size()} in bytes), on the calling thread.
     */
    public static CollectionScan run(Listing listing, int threads, PackageScan.Options options, ProgressListener progress)
            throws InterruptedException {
        List<PackageInput> inputs = listing.packages();
        List<PackageScan> scans = scanAll(inputs, Math.max(1, threads), options, progress);
        List<Problem> problems = new ArrayList<>(listing.problems());
        ConflictFinder finder = new ConflictFinder();
        int broken = listing.problems().size();
        for (PackageScan s : scans) {
            if (s.isBroken()) {
                broken++;
                problems.addAll(s.problems());
            } else {
                finder.add(s);
            }
        }
        return new CollectionScan(scans, problems, finder.conflicts(), broken);
    }

    /**
     * Scans on the bounded pipeline: one thread opens packages (I/O, index parsing) ahead of
     * {@code threads} threads that decode and hash, with at most a few packages in flight per
     * thread; results land in listing order.
     */
    private static List<PackageScan> scanAll(List<PackageInput> inputs, int threads, PackageScan.Options options,
            ProgressListener progress) throws InterruptedException {
        PackageScan[] out = new PackageScan[inputs.size()];
        if (threads == 1 || inputs.size() < 2) {
            for (int i = 0; i < out.length; i++) {
                out[i] = scan(PackageScan.open(inputs.get(i)), options);
                progress.advanced(1, inputs.get(i).size());
            }
            return List.of(out);
        }
        Iterator<Integer> positions = IntStream.range(0, out.length).iterator();
        Pipeline.from(positions)
                .stage("open", 1, i -> new Numbered<>(i, PackageScan.open(inputs.get(i))))
                .stage("decode", threads, o -> new Numbered<>(o.position, scan(o.value, options)))
                .run(r -> {
                    out[r.position] = r.value;
                    progress.advanced(1, inputs.get(r.position).size()); // the sink: the calling thread
                }, 4 * threads);
        return List.of(out);
    }

    /**
     * Decodes one opened package into a buffer from the shared pool, given back right after: the
     * threads share a bounded set of arrays, and one huge resource does not pin its array to a
     * thread for the rest of the scan.
     */
    private static PackageScan scan(PackageScan.Opened opened, PackageScan.Options options) {
        try (ResourceBuffer buffer = new ResourceBuffer(BufferPool.shared())) {
            return PackageScan.scan(opened, buffer, options);
        }
    }

    /** A value with its position in the listing, so results can land in order. */
    private static final class Numbered<T> {
        final int position;
        final T value;

        Numbered(int position, T value) {
            this.position = position;
            this.value = value;
        }
    }

    public List<PackageScan> scans() {
        return scans;
    }

    /** Every problem, listing problems first, then per package in listing order. */
    public List<Problem> problems() {
        return problems;
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** Inputs skipped as broken: unreadable archives or paths, and broken packages. */
    public int brokenCount() {
        return broken;
    }
}
