package org.ts4kit.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.ts4kit.doctor.Check;
import org.ts4kit.doctor.Finding;
import org.ts4kit.doctor.ModsFile;
import org.ts4kit.doctor.ModsFolder;
import org.ts4kit.report.BrokenRow;
import org.ts4kit.report.CollectionTotals;
import org.ts4kit.report.DuplicateRow;
import org.ts4kit.report.FindingRow;
import org.ts4kit.report.HtmlReport;
import org.ts4kit.report.Latency;
import org.ts4kit.report.PairRow;
import org.ts4kit.report.ReportData;
import org.ts4kit.report.RunStats;
import org.ts4kit.telemetry.JvmStats;
import org.ts4kit.telemetry.LatencyHistogram;
import org.ts4kit.telemetry.Telemetry;
import org.ts4kit.triage.PackagePair;

/** {@code doctor --html FILE}: the doctor's findings, the package pairs, the collection and the run as one page. */
final class DoctorReport {
    /** Pairs shown: every pair that differs is worth a row; identical ones are many and say little. */
    private static final int MAX_PAIRS = 20_000;

    private DoctorReport() {
    }

    static ReportData of(List<Path> roots, ModsFolder mods, CollectionFigures figures, double seconds, int threads, JvmStats before) {
        ReportData.Builder b = ReportData.builder()
                .title("ts4kit doctor: " + roots.stream().map(Path::toString).collect(Collectors.joining(", ")))
                .subtitle(mods.files().size() + " files examined, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        long ok = 0;
        long broken = 0;
        long bytes = 0;
        for (ModsFile f : mods.files()) {
            bytes += f.size();
            if (f.state() == ModsFile.State.OK) {
                ok++;
            } else if (f.state() == ModsFile.State.BROKEN) {
                broken++;
                b.broken(new BrokenRow(f.path(), f.problemOffset(), f.problem()));
            }
        }
        for (Finding f : mods.findings()) {
            b.finding(new FindingRow(f.severity().label(), f.check().label(), f.paths(), f.reason(), f.fix()));
            if (f.check() == Check.DUPLICATE_FILES) {
                long size = mods.files().stream().filter(m -> m.path().equals(f.path())).mapToLong(ModsFile::size).findFirst().orElse(0);
                b.duplicate(new DuplicateRow(String.join(", ", f.paths()), size, f.paths().size()));
            }
        }
        int shown = 0;
        for (PackagePair p : mods.pairs().ranked()) {
            if (shown++ == MAX_PAIRS) {
                break;
            }
            b.pair(new PairRow(p.packageA(), p.packageB(), p.sharedKeys(), p.differingKeys(), p.severity().label(), p.highKeys(),
                    p.mediumKeys(), p.lowKeys(), p.versionsOfOneMod(), p.sameCreator()));
        }
        b.totals(new CollectionTotals(mods.files().size(), ok, broken, figures.resources(), bytes));
        b.types(figures.types()).compression(figures.compression()).largest(figures.largest(100));
        JvmStats after = JvmStats.now();
        Telemetry t = Telemetry.get();
        b.run(new RunStats(ok + broken, figures.bytesRead(), seconds, threads, latency("open a package", t.histogram(Telemetry.OPENS)),
                latency("read a resource", t.histogram(Telemetry.READS)), after.gcCount() - before.gcCount(), (after.gcMillis() - before.gcMillis()) / 1e3));
        return b.build();
    }

    private static Latency latency(String what, LatencyHistogram h) {
        if (h.count() == 0) {
            return null;
        }
        return new Latency(what, h.count(), h.percentile(50) / 1e6, h.percentile(95) / 1e6, h.percentile(99) / 1e6, h.max() / 1e6);
    }

    /** Written beside the target and moved over it: a reader never sees half a page. */
    static void write(ReportData data, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".report", ".html");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                HtmlReport.write(data, w);
            }
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--")); // a temp file is private
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
