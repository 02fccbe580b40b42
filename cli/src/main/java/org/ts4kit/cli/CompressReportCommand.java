package org.ts4kit.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.ts4kit.codec.AdaptiveCompressor;
import org.ts4kit.codec.BrotliCodec;
import org.ts4kit.codec.CodecException;
import org.ts4kit.codec.CompressionMethod;
import org.ts4kit.codec.CompressionStrategy;
import org.ts4kit.codec.Lz4Codec;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.scan.CollectionScan;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.Problem;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.scan.ScannedPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ts4kit compress-report PATH... [--json]}: how every resource of a collection compresses with LZ4,
 * with Brotli at the strategy's quality, and with the adaptive strategy (what a resource cache stores), one
 * row per resource type and a total. Each resource is compressed three times; each call is timed with
 * {@code System.nanoTime}, so the speeds are a report of this run, not a benchmark (JMH's
 * {@code CompressionBenchmark} is). Broken inputs are reported on stderr and skipped.
 */
@Command(name = "compress-report", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"How each resource type compresses with LZ4, Brotli and the adaptive strategy (folders, files, .zip archives).",
            "Speeds are the compression calls of this run timed one by one (JIT warm-up and other load included): "
                    + "a report, not a benchmark; bench's CompressionBenchmark (JMH) measures properly."})
final class CompressReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin(name = StatsOption.NAME)
    StatsOption stats;

    @Mixin
    ThreadsOption threads;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders (searched recursively), .package files, .zip archives.")
    List<Path> paths;

    @Option(names = "--json", description = "JSON Lines, one object per type and a last one with \"type\":\"total\"; "
            + "sizes in bytes and times in nanoseconds.")
    boolean json;

    /** Whether the Brotli columns have figures (the native library loaded). */
    private boolean brotli;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AdaptiveCompressor compressor = AdaptiveCompressor.defaults();
        brotli = BrotliCodec.isAvailable();
        warmUp(compressor);
        Listing listing = InputWalker.list(paths);
        Map<Integer, Figures> byType = new ConcurrentHashMap<>();
        ScanSink sink = new ScanSink() {
            @Override
            public void onResource(ScannedPackage pkg, int entry, ByteBuffer bytes) {
                if (bytes != null) {
                    int type = pkg.index().type(entry);
                    byType.computeIfAbsent(type, t -> new Figures()).add(measure(compressor, brotli, type, bytes));
                }
            }

            @Override
            public void onPackage(ScannedPackage pkg) {
            }
        };
        CollectionScan scan;
        try (Progress progress = Progress.start(spec, "compress-report", "packages", listing.packages().size())) {
            scan = CollectionScan.run(listing, threads.count(), new PackageScanner(ScanOptions.KEYS, ReadOptions.defaults()), sink, progress);
        }
        ErrorReport errors = new ErrorReport(err);
        for (Problem p : scan.problems()) {
            errors.report(p);
        }
        Figures total = new Figures();
        String brotliColumn = "brotli q" + CompressionStrategy.BROTLI_QUALITY;
        if (!json) {
            out.println(fmt("%-8s  %-26s %8s %14s %7s %9s %12s %12s  %-18s %9s", "type", "name", "count", "bytes", "lz4 %",
                    "lz4 MB/s", brotliColumn + " %", "brotli MB/s", "strategy", "stored %"));
        }
        Map<Integer, Figures> sorted = new TreeMap<>(Integer::compareUnsigned); // by type id as its hex reads
        sorted.putAll(byType);
        for (Map.Entry<Integer, Figures> e : sorted.entrySet()) {
            Figures f = e.getValue();
            total.add(f);
            print(out, ResourceKey.hex8(e.getKey()), ResourceTypes.nameOrHex(e.getKey()), f, strategy(compressor, e.getKey(), f));
        }
        print(out, "total", "", total, "adaptive");
        out.flush();
        err.printf("%d packages scanned (%d archives, %d other files ignored): %,d resources, %d broken inputs skipped%n",
                listing.packages().size(), listing.archives(), listing.ignored(), total.count, scan.brokenCount());
        if (!stats.enabled) { // --stats names the libraries itself: said once either way
            err.println("brotli: " + BrotliCodec.description() + "; lz4: " + Lz4Codec.description());
        }
        err.flush();
        return scan.brokenCount() == 0 ? 0 : 1;
    }

    /** Loads the native libraries before anything is timed: the first call of each would otherwise pay for it. */
    private void warmUp(AdaptiveCompressor compressor) {
        byte[] sample = "<I n=\"warm-up\"><T>1</T></I>\n".repeat(20).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Lz4Codec.compress(sample, 0, sample.length);
        if (brotli) {
            BrotliCodec.compress(sample, 0, sample.length, CompressionStrategy.BROTLI_QUALITY);
        }
        compressor.compress(ResourceTypes.STRING_TABLE, sample);
    }

    /** One resource compressed three ways, each call timed, from a heap copy (native code never reads a mapped file). */
    private static Figures measure(AdaptiveCompressor compressor, boolean brotli, int type, ByteBuffer bytes) {
        int len = bytes.remaining();
        byte[] data = new byte[len];
        bytes.duplicate().get(data);
        Figures f = new Figures();
        f.count = 1;
        f.bytes = len;
        long t0 = System.nanoTime();
        f.lz4Bytes = Lz4Codec.compress(data, 0, len).length;
        long t1 = System.nanoTime();
        f.lz4Nanos = t1 - t0;
        if (brotli) {
            f.brotliBytes = BrotliCodec.compress(data, 0, len, CompressionStrategy.BROTLI_QUALITY).length;
            f.brotliNanos = System.nanoTime() - t1;
        }
        byte[] frame = compressor.compress(type, data, 0, len);
        f.storedBytes = frame.length;
        try {
            f.methodBytes[compressor.method(frame).code()] += len;
        } catch (CodecException e) {
            throw new IllegalStateException("a frame just written does not parse", e);
        }
        return f;
    }

    /** The table's row for the type, or, for a type judged by its bytes, what those bytes got most. */
    private static String strategy(AdaptiveCompressor compressor, int type, Figures f) {
        CompressionStrategy.Choice row = compressor.strategy().row(type);
        if (row != null) {
            return row.method() == CompressionMethod.BROTLI && !compressor.writesBrotli() ? "lz4 (no brotli)" : row.toString();
        }
        int most = 0;
        for (int m = 1; m < f.methodBytes.length; m++) {
            most = f.methodBytes[m] > f.methodBytes[most] ? m : most;
        }
        return "by content: " + CompressionMethod.ofCode(most).name().toLowerCase(Locale.ROOT);
    }

    private void print(PrintWriter out, String type, String name, Figures f, String strategy) {
        if (json) {
            out.println(new Json().field("type", type).field("name", name).field("count", f.count).field("bytes", f.bytes)
                    .field("lz4Bytes", f.lz4Bytes).field("lz4Nanos", f.lz4Nanos).field("brotliQuality", CompressionStrategy.BROTLI_QUALITY)
                    .field("brotliBytes", f.brotliBytes).field("brotliNanos", f.brotliNanos).field("strategy", strategy)
                    .field("storedBytes", f.storedBytes));
            return;
        }
        out.println(fmt("%-8s  %-26s %,8d %,14d %7s %9s %12s %12s  %-18s %9s", type, name, f.count, f.bytes,
                percent(f.lz4Bytes, f.bytes), speed(f.bytes, f.lz4Nanos), brotli ? percent(f.brotliBytes, f.bytes) : "n/a",
                brotli ? speed(f.bytes, f.brotliNanos) : "n/a", strategy, percent(f.storedBytes, f.bytes)));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : fmt("%.1f", 100.0 * part / whole);
    }

    private static String speed(long bytes, long nanos) {
        return nanos == 0 ? "-" : fmt("%.1f", bytes * 1e9 / nanos / (1 << 20));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Sums for one type (or all): what the sink adds from the decode threads. */
    static final class Figures {
        long count;
        long bytes;
        long lz4Bytes;
        long lz4Nanos;
        long brotliBytes;
        long brotliNanos;
        long storedBytes;
        /** Original bytes per method the adaptive frames used, by {@code CompressionMethod.code()}. */
        final long[] methodBytes = new long[3];

        synchronized void add(Figures o) {
            count += o.count;
            bytes += o.bytes;
            lz4Bytes += o.lz4Bytes;
            lz4Nanos += o.lz4Nanos;
            brotliBytes += o.brotliBytes;
            brotliNanos += o.brotliNanos;
            storedBytes += o.storedBytes;
            for (int m = 0; m < methodBytes.length; m++) {
                methodBytes[m] += o.methodBytes[m];
            }
        }
    }
}
