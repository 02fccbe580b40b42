package org.ts4kit.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import org.ts4kit.memory.ResourceBuffer;

/**
 * A local scan of a collection (no Spark): every package of a {@link Listing} is scanned on a
 * small thread pool, then the keys of the unbroken ones are grouped into conflicts. Results come
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
        List<PackageInput> inputs = listing.packages();
        List<PackageScan> scans = scanAll(inputs, Math.max(1, threads), options);
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

    private static List<PackageScan> scanAll(List<PackageInput> inputs, int threads, PackageScan.Options options)
            throws InterruptedException {
        if (threads == 1 || inputs.size() < 2) {
            ResourceBuffer buffer = new ResourceBuffer();
            List<PackageScan> out = new ArrayList<>(inputs.size());
            for (PackageInput in : inputs) {
                out.add(PackageScan.scan(in, buffer, options));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ts4kit-scan");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<ResourceBuffer> buffers = ThreadLocal.withInitial(ResourceBuffer::new);
        try {
            List<Future<PackageScan>> futures = new ArrayList<>(inputs.size());
            for (PackageInput in : inputs) {
                futures.add(pool.submit(() -> PackageScan.scan(in, buffers.get(), options)));
            }
            List<PackageScan> out = new ArrayList<>(inputs.size());
            for (Future<PackageScan> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("package scan failed unexpectedly", e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
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
