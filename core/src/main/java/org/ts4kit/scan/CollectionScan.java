package org.ts4kit.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.pipeline.Pipeline;
import org.ts4kit.telemetry.ProgressListener;

/**
 * A local scan of a collection (no Spark): every package of a {@link Listing} is walked once by a
 * {@link PackageScanner} on the bounded {@link Pipeline} (one thread opens, {@code threads} threads
 * decode and hash into the caller's {@link ScanSink}), and the keys of the unbroken packages are
 * grouped into conflicts. Problems come back in listing order whatever the thread timing, so two
 * runs print the same thing.
 *
 * <pre>{@code
 * Listing listing = InputWalker.list(List.of(Path.of("Mods")));
 * CollectionScan scan = CollectionScan.run(listing, 2);
 * scan.conflicts().forEach(c -> System.out.println(c.key() + " " + c.packages()));
 * }</pre>
 */
public final class CollectionScan {
    private final List<Problem> problems;
    private final List<Conflict> conflicts;
    private final Map<String, Integer> keyCounts;
    private final int broken;

    private CollectionScan(List<Problem> problems, List<Conflict> conflicts, Map<String, Integer> keyCounts, int broken) {
        this.keyCounts = keyCounts;
        this.problems = problems;
        this.conflicts = conflicts;
        this.broken = broken;
    }

    /** Decodes and hashes every package with today's defaults; no sink of the caller's. */
    public static CollectionScan run(Listing listing, int threads) throws InterruptedException {
        return run(listing, threads, new PackageScanner(ScanOptions.KEYS, ReadOptions.defaults()), ScanSink.NONE);
    }

    /**
     * Walks every package with {@code scanner} (which must decode: conflicts compare resource hashes)
     * into {@code sink}, called from the decode threads (it must be thread-safe when {@code threads > 1}).
     */
    public static CollectionScan run(Listing listing, int threads, PackageScanner scanner, ScanSink sink)
            throws InterruptedException {
        return run(listing, threads, scanner, sink, ProgressListener.NONE);
    }

    /**
     * As {@link #run(Listing, int, PackageScanner, ScanSink)}, telling {@code progress} after each package
     * is walked (one item, its {@link PackageInput#size()} in bytes), on the calling thread.
     */
    public static CollectionScan run(Listing listing, int threads, PackageScanner scanner, ScanSink sink,
            ProgressListener progress) throws InterruptedException {
        if (!scanner.options().decode()) {
            throw new IllegalArgumentException("a collection scan compares resource hashes: its scanner must decode");
        }
        List<PackageInput> inputs = listing.packages();
        ConflictFinder finder = new ConflictFinder();
        List<ScannedPackage> brokenPackages = new ArrayList<>();
        // the calling thread is the pipeline's sink: the finder and the list need no lock
        scanAll(inputs, Math.max(1, threads), scanner, sink, done -> {
            progress.advanced(1, done.input().size());
            if (done.isBroken()) {
                brokenPackages.add(done);
            } else {
                finder.add(done);
            }
        });
        brokenPackages.sort(Comparator.comparingInt(ScannedPackage::position));
        List<Problem> problems = new ArrayList<>(listing.problems());
        for (ScannedPackage b : brokenPackages) {
            problems.addAll(b.problems());
        }
        return new CollectionScan(problems, finder.conflicts(), finder.keyCounts(), listing.problems().size() + brokenPackages.size());
    }

    /**
     * Walks {@code inputs} (any subset of a listing: a rescan walks only the packages that changed) into
     * {@code sink} on {@code threads} threads, telling {@code progress} after each; {@code done} gets each
     * walked package on the calling thread, in no particular order (their {@link ScannedPackage#position()}
     * is their place in {@code inputs}).
     */
    public static void walk(List<PackageInput> inputs, int threads, PackageScanner scanner, ScanSink sink,
            ProgressListener progress, java.util.function.Consumer<ScannedPackage> done) throws InterruptedException {
        scanAll(inputs, Math.max(1, threads), scanner, sink, p -> {
            progress.advanced(1, p.input().size());
            done.accept(p);
        });
    }

    /**
     * One thread opens packages (I/O, index parsing) ahead of {@code threads} threads that walk them,
     * with at most a few packages in flight per thread; each walked package reaches {@code done} on
     * the calling thread.
     */
    private static void scanAll(List<PackageInput> inputs, int threads, PackageScanner scanner, ScanSink sink,
            java.util.function.Consumer<ScannedPackage> done) throws InterruptedException {
        if (threads == 1 || inputs.size() < 2) {
            for (int i = 0; i < inputs.size(); i++) {
                done.accept(walk(scanner, scanner.open(i, inputs.get(i)), sink));
            }
            return;
        }
        Iterator<Integer> positions = IntStream.range(0, inputs.size()).iterator();
        Pipeline.from(positions)
                .stage("open", 1, i -> scanner.open(i, inputs.get(i)))
                .stage("decode", threads, opened -> walk(scanner, opened, sink))
                .run(done, 4 * threads);
    }

    /**
     * Walks one opened package with a buffer from the read options' pool, given back right after: the
     * threads share a bounded set of arrays, and one huge resource does not pin its array to a
     * thread for the rest of the scan.
     */
    private static ScannedPackage walk(PackageScanner scanner, OpenedPackage opened, ScanSink sink) {
        try (ResourceBuffer buffer = new ResourceBuffer(scanner.readOptions().pool())) {
            return scanner.scan(opened, buffer, sink);
        }
    }

    /** Every problem that makes an input broken: listing problems first, then per package in listing order. */
    public List<Problem> problems() {
        return problems;
    }

    /** Keys held by two or more unbroken packages, sorted by key. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** Keys each unbroken package holds, by name ({@link ConflictFinder#keyCounts}). */
    public Map<String, Integer> keyCounts() {
        return keyCounts;
    }

    /** Inputs skipped as broken: unreadable archives or paths, and broken packages. */
    public int brokenCount() {
        return broken;
    }
}
