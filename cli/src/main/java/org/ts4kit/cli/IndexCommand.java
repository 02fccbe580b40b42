package org.ts4kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ts4kit.catalog.Catalog;
import org.ts4kit.catalog.PackageRecord;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ts4kit index PATH...}: builds or brings up to date the saved index of a collection, which
 * {@code search}, {@code conflicts} and {@code find} then use for the same PATHs: a second run reads only
 * the packages added or changed since.
 */
@Command(name = "index", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Build or update the saved index of a collection (what search, conflicts and find use for the same PATHs).",
                "Only packages whose file changed (size, modification time, file) since the last run are read again."})
final class IndexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin(name = StatsOption.NAME)
    StatsOption stats;

    @Mixin
    ThreadsOption threads;

    @Mixin
    SavedIndexOption savedIndex;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders (searched recursively), .package files, .zip archives.")
    List<Path> paths;

    @Override
    public Integer call() throws InterruptedException {
        if (savedIndex.off) {
            throw new CommandLine.ParameterException(spec.commandLine(), "index writes the saved index: --no-index makes no sense here");
        }
        PrintWriter err = spec.commandLine().getErr();
        Listing listing = InputWalker.list(paths);
        SavedIndexOption.Refreshed refreshed;
        try (Progress progress = Progress.start(spec, "index", "packages", listing.packages().size())) {
            refreshed = savedIndex.refresh(paths, listing, threads.count(), progress, true, err);
        }
        Catalog catalog = refreshed.result().catalog();
        ErrorReport errors = new ErrorReport(err);
        errors.reportAll(listing, catalog);
        long resources = 0;
        for (PackageRecord r : catalog.records()) {
            resources += r.resourceCount();
        }
        err.println(refreshed.describe());
        err.printf(Locale.ROOT, "%,d packages (%,d archives, %,d other files ignored), %,d resources, %d broken inputs%n",
                listing.packages().size(), listing.archives(), listing.ignored(), resources,
                listing.problems().size() + catalog.brokenCount());
        err.flush();
        return refreshed.saved() ? errors.exitCode() : 1;
    }
}
