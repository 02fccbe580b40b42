package org.ts4kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ts4kit.catalog.Catalog;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.io.ErrorLine;
import org.ts4kit.scan.CollectionScan;
import org.ts4kit.scan.Conflict;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.Problem;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.scan.ScanSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ts4kit conflicts PATH... [--json] [--type T]...}: keys present in two or more packages across folders,
 * files and {@code .zip} archives. Broken inputs are reported on stderr and skipped.
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

    @Mixin
    SavedIndexOption savedIndex;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Listing listing = InputWalker.list(paths);
        List<Problem> problems;
        List<Conflict> conflicts;
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
            } else {
                // the type filter narrows the walk itself (the SIMD filter over each index's type column); a saved
                // index knows every type, but not which problems a narrowed walk would have met, so it is not used
                ScanOptions what = types == null ? ScanOptions.KEYS : ScanOptions.KEYS.withTypes(types.stream().mapToInt(Integer::intValue).toArray());
                CollectionScan scan = CollectionScan.run(listing, threads, new PackageScanner(what, ReadOptions.defaults()), ScanSink.NONE, progress);
                problems = scan.problems();
                conflicts = scan.conflicts();
                broken = scan.brokenCount();
            }
        }
        ErrorReport errors = new ErrorReport(err);
        for (Problem p : problems) {
            errors.report(p);
        }
        for (Conflict c : conflicts) {
            if (json) {
                out.println(new Json().field("key", c.key()).field("packages", c.packages()).field("identical", c.identical()));
            } else {
                // names come from the file system: a newline in one must not forge a line
                out.println(c.key() + "  " + (c.identical() ? "identical" : "differs  ") + "  "
                        + c.packages().stream().map(ErrorLine::escape).collect(Collectors.joining("  ")));
            }
        }
        out.flush();
        if (refreshed != null) {
            err.println(refreshed.describe());
        }
        err.printf("%d packages scanned (%d archives, %d other files ignored): %d conflicts, %d broken inputs skipped%n",
                listing.packages().size(), listing.archives(), listing.ignored(), conflicts.size(), broken);
        err.flush();
        return broken == 0 ? 0 : 1;
    }
}
