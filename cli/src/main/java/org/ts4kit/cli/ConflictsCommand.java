package org.ts4kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ts4kit.catalog.Catalog;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.scan.CollectionScan;
import org.ts4kit.scan.Conflict;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.Problem;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.triage.PackagePairs;
import org.ts4kit.triage.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ts4kit conflicts PATH... [--json] [--type T]... [--by-pair] [--min-severity S]}: keys present in two or more
 * packages across folders, files and {@code .zip} archives; with {@code --by-pair}, the pairs of packages that share
 * them, ranked. Broken inputs are reported on stderr and skipped.
 */
@Command(name = "conflicts", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Find resource keys present in two or more packages (folders, files, .zip archives).",
                "Uses the saved index of the same PATHs (ts4kit index) when there is one, unless --type is given."})
final class ConflictsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin(name = StatsOption.NAME)
    StatsOption stats;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders (searched recursively), .package files, .zip archives.")
    List<Path> paths;

    @Option(names = "--json", description = "JSON Lines: {\"key\":…,\"packages\":[…],\"identical\":…}.")
    boolean json;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--type", paramLabel = "T", converter = TypeOption.class,
            description = "Only keys of this type (repeatable): hex (220557DA) or a name (StringTable). Entries of other "
                    + "types are not read at all, so their damage does not make a package broken.")
    List<Integer> types;

    @Option(names = "--by-pair", description = "One line per pair of packages that share keys: how many they share, how many "
            + "differ and how much that matters, ranked by severity then size.")
    boolean byPair;

    @Option(names = "--min-severity", paramLabel = "S", converter = SeverityOption.class,
            description = "Only conflicts (or pairs) of at least this severity: none, low, medium, high. Key lines then "
                    + "also say the kind (identical or override) and the severity.")
    Severity minSeverity;

    @Mixin
    SavedIndexOption savedIndex;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Listing listing = InputWalker.list(paths);
        List<Problem> problems;
        List<Conflict> conflicts;
        Map<String, Integer> keyCounts;
        int broken;
        SavedIndexOption.Refreshed refreshed = null;
        try (Progress progress = Progress.start(spec, "conflicts", "packages", listing.packages().size())) {
            if (types == null && savedIndex.present(paths)) {
                // the saved index holds every decoded key and hash: only changed packages are read
                SavedIndexOption.Refreshed[] done = new SavedIndexOption.Refreshed[1];
                conflicts = savedIndex.refreshAndUse(paths, listing, threads, progress, true, err, Catalog::conflicts, done);
                refreshed = done[0];
                Catalog catalog = refreshed.result().catalog();
                problems = new ArrayList<>(listing.problems());
                catalog.records().forEach(r -> problems.addAll(r.problems()));
                broken = listing.problems().size() + catalog.brokenCount();
                keyCounts = catalog.keyCounts();
            } else {
                // the type filter narrows the walk itself (the SIMD filter over each index's type column); a saved
                // index knows every type, but not which problems a narrowed walk would have met, so it is not used
                ScanOptions what = types == null ? ScanOptions.KEYS : ScanOptions.KEYS.withTypes(types.stream().mapToInt(Integer::intValue).toArray());
                CollectionScan scan = CollectionScan.run(listing, threads, new PackageScanner(what, ReadOptions.defaults()), ScanSink.NONE, progress);
                problems = scan.problems();
                conflicts = scan.conflicts();
                broken = scan.brokenCount();
                keyCounts = scan.keyCounts();
            }
        }
        ErrorReport errors = new ErrorReport(err);
        for (Problem p : problems) {
            errors.report(p);
        }
        String found;
        if (byPair) {
            PackagePairs pairs = PackagePairs.of(conflicts, keyCounts);
            int shown = ConflictLines.pairs(out, pairs.ranked(), minSeverity == null ? Severity.NONE : minSeverity, json);
            found = conflicts.size() + " conflicts in " + shown + " package pairs"
                    + (pairs.widelySharedKeys() == 0 ? "" : " (" + pairs.widelySharedKeys() + " keys held by more than "
                            + PackagePairs.MAX_HOLDERS + " packages are not paired)");
        } else if (minSeverity != null) {
            int shown = ConflictLines.triaged(out, conflicts, minSeverity, json);
            found = shown + " conflicts of " + minSeverity.label() + " severity or more (of " + conflicts.size() + ")";
        } else {
            ConflictLines.plain(out, conflicts, json);
            found = conflicts.size() + " conflicts";
        }
        out.flush();
        if (refreshed != null) {
            err.println(refreshed.describe());
        }
        err.printf("%d packages scanned (%d archives, %d other files ignored): %s, %d broken inputs skipped%n",
                listing.packages().size(), listing.archives(), listing.ignored(), found, broken);
        err.flush();
        return broken == 0 ? 0 : 1;
    }
}
