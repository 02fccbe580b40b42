package org.ts4kit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.ts4kit.codec.InflateProvider;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceReader;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.search.SearchIndex;
import org.ts4kit.testkit.corpus.CorpusGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ts4kit bench [--smoke]}: the roadmap's success metrics measured on a generated package,
 * as one table: metric | roadmap 1.6 baseline | roadmap 2.2 target | ts4kit target | measured |
 * measured/ts4kit target. The roadmap columns are the "Quantitative Performance Targets" table of
 * the seed roadmap (TS4Tools, docs/Performance-Optimization-Roadmap.md); the ts4kit targets are
 * issue 5's, stricter. Medians of repeated warm runs; cold start spawns fresh JVMs.
 * {@code --smoke} shrinks the sizes so CI runs it in seconds and fails only on a gross
 * regression: more than 3x the stored smoke baseline. {@code bin/ts4kit bench} runs it from the bench
 * module's jar ({@code bin/ts4kit-bench}), telling it the CLI jar whose cold start it times
 * ({@code -Dts4kit.cliJar}).
 */
@Command(name = "ts4kit bench", mixinStandardHelpOptions = true,
        description = "Measure the roadmap metrics (open, memory, decode, cold start) and print a table.")
public final class RoadmapTable implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--smoke", description = "Small sizes; exit 1 on a 3x regression against the stored smoke baseline.")
    boolean smoke;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the generated package is kept (default: the temp folder).")
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ts4kit-bench");

    @Option(names = "--mb", paramLabel = "MB", description = "Package size (default 500; 20 with --smoke).")
    Integer megabytes;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new RoadmapTable());
        int code = cl.execute(args);
        cl.getOut().flush();
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int mb = megabytes != null ? megabytes : smoke ? 20 : 500;
        Path pkgFile = dir.resolve(CorpusGenerator.bigName(mb, false));
        if (!Files.exists(pkgFile)) {
            spec.commandLine().getErr().println("bench: generating a " + mb + " MB package in " + dir + " ...");
            BigPackage.in(dir, mb);
        }
        List<String[]> rows = new ArrayList<>();
        double open = openMillis(pkgFile, smoke ? 20 : 50);
        rows.add(row("open " + mb + " MB package, index ready (warm, median)", "ms", 4900, 1500, 15, open));
        long[] memory = readAllMemory(pkgFile);
        rows.add(row("peak heap growth while reading all of it", "MB", 658, 350, 32, megabytes(memory[0])));
        rows.add(row("peak anonymous RSS (heap, JIT, metadata) while reading it", "MB", 658, 350, Double.NaN, megabytes(memory[1])));
        rows.add(row("peak RSS incl. the mapped file's resident pages", "MB", Double.NaN, Double.NaN, Double.NaN, megabytes(memory[2])));
        String inflater = InflateProvider.isNative() ? "libdeflate" : "Inflater";
        double decode = ReadTimes.decodeMillis(pkgFile, 1000, smoke ? 10 : 30, 1, false);
        rows.add(row("decode 1k compressed resources (warm, median, 1 thread, " + inflater + ")", "ms", 387, 95, 10, decode));
        if (InflateProvider.isNative()) { // the same 1k through the JDK's zlib, in this run: what the native twin buys
            double jdk = ReadTimes.decodeMillis(pkgFile, 1000, smoke ? 10 : 30, 1, true);
            rows.add(row("decode 1k compressed resources (warm, median, 1 thread, java.util.zip.Inflater)", "ms", 387, 95, 10, jdk));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores > 1) {
            double parallel = ReadTimes.decodeMillis(pkgFile, 1000, smoke ? 10 : 30, cores, false);
            rows.add(row("decode 1k compressed resources (" + cores + " threads, " + inflater + ")", "ms", 387, 95, 10, parallel));
        }
        // the full read (ls --hash's work) of the compressed package: one thread, every core, and a fifth of the size
        Path full = BigPackage.in(dir, mb, true);
        for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            ReadTimes.FullRead f = ReadTimes.fullRead(full, threads, smoke ? 3 : 5);
            rows.add(row(String.format(Locale.ROOT, "full read of the %d MB compressed package: decode + SHA-256, %d thread%s "
                    + "(%.0f MB/s of %.0f MB)", mb, threads, threads > 1 ? "s" : "", f.megabytesPerSecond(), f.bytes() / 1e6),
                    "s", Double.NaN, Double.NaN, Double.NaN, f.seconds()));
            if (threads == cores) {
                ReadTimes.FullRead small = ReadTimes.fullRead(BigPackage.in(dir, Math.max(1, mb / 5), true), threads, 3);
                rows.add(row("peak heap growth in that full read (" + mb + " MB package; garbage not yet collected included)", "MB",
                        Double.NaN, Double.NaN, Double.NaN,
                        megabytes(f.peakHeapGrowth())));
                rows.add(row("peak heap growth in the same read of a " + Math.max(1, mb / 5) + " MB package (flat: same)", "MB",
                        Double.NaN, Double.NaN, Double.NaN, megabytes(small.peakHeapGrowth())));
            }
        }
        // the search index over synthetic collections (SyntheticDocs): the mix of SearchTimes.queries, per query
        SearchIndex small = SearchIndex.build(SyntheticDocs.collection(10_000, 11));
        double search = SearchTimes.queryMillis(small, smoke ? 200 : 2000);
        rows.add(row("search 10k resources (median per query of a 7-query mix)", "ms", 68, 15, 0.1, search));
        if (!smoke) {
            List<org.ts4kit.search.PackageDocs> million = SyntheticDocs.collection(1_000_000, 11);
            rows.add(row("search 1M resources (median per query of the mix)", "ms", Double.NaN, Double.NaN, 5,
                    SearchTimes.queryMillis(SearchIndex.build(million), 50)));
            rows.add(row("search index build of 1M resources from packages in memory, 1 thread (median)", "s", Double.NaN,
                    Double.NaN, 1, 1e6 / SearchTimes.buildPerSecond(million, 5)));
        }
        double cold = coldStartMillis(pkgFile, smoke ? 3 : 7);
        rows.add(row("cold start of ts4kit inspect (new JVM, median)", "ms", 735, 250, 200, cold));
        print(out, rows);
        out.flush();
        if (smoke) {
            return checkBaseline(new double[] {open, decode, cold});
        }
        return 0;
    }

    private static String[] row(String metric, String unit, double baseline, double roadmapTarget, double target,
            double measured) {
        String ratio = Double.isNaN(target) || Double.isNaN(measured) ? "-" : fmt(measured / target);
        String vsRoadmap = Double.isNaN(roadmapTarget) || Double.isNaN(measured) ? "-" : fmt(measured / roadmapTarget);
        return new String[] {metric, unit, cell(baseline), cell(roadmapTarget), cell(target),
            Double.isNaN(measured) ? "n/a" : fmt(measured), ratio, vsRoadmap};
    }

    /** Bytes as MB; a figure the platform does not give (-1) as n/a. */
    private static double megabytes(long bytes) {
        return bytes < 0 ? Double.NaN : bytes / 1e6;
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "-" : fmt(v);
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static void print(PrintWriter out, List<String[]> rows) {
        out.println("| metric | unit | roadmap 1.6 baseline | roadmap 2.2 target | ts4kit target | ts4kit measured"
                + " | measured/ts4kit target | measured/roadmap 2.2 target |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (String[] r : rows) {
            out.println("| " + String.join(" | ", r) + " |");
        }
        out.println("zlib inflate: " + InflateProvider.description());
        out.println("Roadmap columns: the success-metrics table of the seed roadmap (TS4Tools docs/Performance-Optimization-Roadmap.md;"
                + " its memory row is one process peak). ts4kit targets: issue 5.");
    }

    /** Open the package and parse its index, repeatedly; the median in ms. */
    static double openMillis(Path file, int runs) throws IOException {
        double[] t = new double[runs];
        for (int warm = 0; warm < 5; warm++) {
            try (DbpfPackage p = DbpfPackage.open(file)) {
                p.index().size();
            }
        }
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            try (DbpfPackage p = DbpfPackage.open(file)) {
                p.index().size();
            }
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ReadTimes.median(t);
    }

    /**
     * Reads every resource through one reused buffer; returns {peak heap growth, peak anonymous
     * RSS, peak total RSS} in bytes. Anonymous RSS is the process's own memory; the total adds the
     * mapped file's pages, which are the page cache's, shared and reclaimable.
     */
    static long[] readAllMemory(Path file) throws IOException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long base = mem.getHeapMemoryUsage().getUsed();
        long peak = 0;
        long anon = procStatusBytes("RssAnon:");
        try (DbpfPackage p = DbpfPackage.open(file)) {
            ResourceReader reader = p.reader(new ResourceBuffer());
            for (int i = 0; i < p.entryCount(); i++) {
                if (!p.index().isDeleted(i)) {
                    reader.read(i);
                }
                if ((i & 31) == 0) {
                    peak = Math.max(peak, mem.getHeapMemoryUsage().getUsed() - base);
                }
                if ((i & 1023) == 0) {
                    anon = Math.max(anon, procStatusBytes("RssAnon:"));
                }
            }
        }
        anon = Math.max(anon, procStatusBytes("RssAnon:"));
        return new long[] {Math.max(0, peak), anon, procStatusBytes("VmHWM:")};
    }

    /**
     * Runs {@code java -jar ts4kit.jar inspect FILE} in new JVMs (as bin/ts4kit would); the median wall ms.
     * The jar is {@code -Dts4kit.cliJar}; without it, n/a.
     */
    static double coldStartMillis(Path file, int runs) throws IOException, InterruptedException {
        String cliJar = System.getProperty("ts4kit.cliJar");
        if (cliJar == null || !Files.isRegularFile(Path.of(cliJar))) {
            return Double.NaN;
        }
        Path jar = Path.of(cliJar);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-XX:+UseParallelGC"));
        String extra = System.getenv("TS4KIT_STARTUP_OPTS"); // bin/ts4kit passes its archive flags here
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-jar", jar.toString(), "inspect", file.toString()));
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ReadTimes.median(t);
    }

    private int checkBaseline(double[] measured) throws IOException {
        Properties base = new Properties();
        try (InputStream in = RoadmapTable.class.getResourceAsStream("bench-smoke-baseline.properties")) {
            if (in == null) {
                spec.commandLine().getErr().println("bench: no stored smoke baseline; nothing to compare");
                return 0;
            }
            base.load(in);
        }
        String[] names = {"open.ms", "decode1k.ms", "coldstart.ms"};
        int failures = 0;
        for (int i = 0; i < names.length; i++) {
            double b = Double.parseDouble(base.getProperty(names[i], "NaN"));
            if (!Double.isNaN(measured[i]) && !Double.isNaN(b) && measured[i] > 3 * b) {
                spec.commandLine().getErr().printf(Locale.ROOT, "bench: REGRESSION %s = %.2f, more than 3x the baseline %.2f%n",
                        names[i], measured[i], b);
                failures++;
            }
        }
        spec.commandLine().getErr().println(failures == 0 ? "bench: smoke within 3x of the stored baseline" : "bench: smoke failed");
        return failures == 0 ? 0 : 1;
    }

    /** A field of /proc/self/status in bytes (Linux: VmHWM, RssAnon ...), else -1. */
    static long procStatusBytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
