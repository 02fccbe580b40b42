package org.ts4kit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ts4kit.doctor.Finding;
import org.ts4kit.doctor.ModsFile;
import org.ts4kit.doctor.ModsFolder;
import org.ts4kit.io.ErrorLine;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.telemetry.JvmStats;
import org.ts4kit.telemetry.Telemetry;
import org.ts4kit.triage.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ts4kit doctor PATH... [--json] [--html FILE]}: what is wrong with a Mods folder and what to do about it, one
 * finding per problem, highest severity first.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Examine Mods folders as the game loads them: packages nested too deep, archives left unextracted, "
                + "other games' packages, several versions of one mod, empty, duplicate, broken and junk files, and mods "
                + "that override each other's tuning. One finding per problem, with the fix.",
                "Exit code: 0 nothing to fix, 1 findings, 2 usage."})
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin(name = StatsOption.NAME)
    StatsOption stats;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Mods folders (or single files).")
    List<Path> paths;

    @Option(names = "--json", description = "JSON Lines: {\\\"severity\\\",\\\"check\\\",\\\"path\\\",\\\"paths\\\",\\\"reason\\\",\\\"fix\\\"}.")
    boolean json;

    @Option(names = "--min-severity", paramLabel = "S", converter = SeverityOption.class,
            description = "Only findings of at least this severity: low, medium, high.")
    Severity minSeverity = Severity.NONE;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write report.html to FILE: the findings, the package "
            + "pairs, broken files, the collection (types, compression, largest packages, duplicates) and the run (latency, GC).")
    Path html;

    @Option(names = "--threads", paramLabel = "N", description = "Threads reading packages (default: every core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        JvmStats before = JvmStats.now();
        CollectionFigures figures = new CollectionFigures();
        if (html != null) {
            Telemetry.get().reset(); // the page's latency figures are this run's
        }
        Progress[] bar = new Progress[1];
        ModsFolder mods;
        try {
            mods = ModsFolder.examine(paths, Math.max(1, threads), html == null ? ScanSink.NONE : figures,
                    packages -> bar[0] = Progress.start(spec, "doctor", "packages", packages));
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        boolean written = true;
        if (html != null) {
            try {
                DoctorReport.write(DoctorReport.of(paths, mods, figures, (System.nanoTime() - start) / 1e9, threads, before), html);
            } catch (IOException | RuntimeException e) {
                err.println(ErrorLine.escape(html + ": cannot write the report: " + e));
                written = false;
            }
        }
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Finding f : mods.findings()) {
            if (f.severity().compareTo(minSeverity) < 0) {
                continue;
            }
            counts.merge(f.severity(), 1, Integer::sum);
            if (json) {
                out.println(new Json().field("severity", f.severity().label()).field("check", f.check().label())
                        .field("path", f.path()).field("paths", f.paths()).field("reason", f.reason()).field("fix", f.fix()));
            } else {
                print(out, f);
            }
        }
        out.flush();
        int packages = 0;
        int broken = 0;
        for (ModsFile f : mods.files()) {
            packages += f.state() == ModsFile.State.UNREAD ? 0 : 1;
            broken += f.state() == ModsFile.State.BROKEN ? 1 : 0;
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        err.printf("%d files examined (%d packages read, %d broken): %s%n", mods.files().size(), packages, broken,
                total == 0 ? "nothing to fix" : total + (total == 1 ? " finding (" : " findings (")
                        + counts.getOrDefault(Severity.HIGH, 0) + " high, " + counts.getOrDefault(Severity.MEDIUM, 0)
                        + " medium, " + counts.getOrDefault(Severity.LOW, 0) + " low)");
        if (html != null && written) {
            err.println("report written to " + ErrorLine.escape(html.toString()));
        }
        err.flush();
        return total == 0 && written ? 0 : 1;
    }

    /** A finding as a block: severity, check and file; what is wrong; the fix; the other files it concerns. */
    private static void print(PrintWriter out, Finding f) {
        out.printf("%-6s  %s  %s%n", f.severity().label(), f.check().label(), ErrorLine.escape(f.path()));
        out.println("        " + ErrorLine.escape(f.reason()));
        out.println("        fix: " + ErrorLine.escape(f.fix()));
        if (f.paths().size() > 1) {
            for (String p : f.paths()) {
                if (!p.equals(f.path())) {
                    out.println("        also: " + ErrorLine.escape(p));
                }
            }
        }
    }
}
