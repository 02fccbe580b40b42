package org.ts4kit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ts4kit.cache.ResourceCache;
import org.ts4kit.catalog.Catalog;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.search.SearchIndex;
import org.ts4kit.telemetry.Telemetry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ts4kit shell PATH...}: loads a collection once (through its saved index, as {@code search} does)
 * and answers commands read from stdin, one per line, until {@code quit} or the end of input: search,
 * find, and show resources through a resource cache. Scriptable: {@code printf 'search buff\nshow 1\n' | ts4kit shell Mods}.
 */
@Command(name = "shell", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Load a collection once, then answer search, find and show commands from stdin (help lists them).",
                "Resources shown are kept in a resource cache (compressed), so showing them again reads nothing."})
final class ShellCommand implements Callable<Integer> {
    /** Where commands come from: stdin, or a test's input. */
    static InputStream input = System.in;

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

    @Option(names = "--cache", paramLabel = "MB", description = "The resource cache's size in MB of compressed resources (default: 256).")
    int cacheMb = 256;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (cacheMb < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cache must be at least 1 (MB), not " + cacheMb);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Listing listing = InputWalker.list(paths);
        SavedIndexOption.Refreshed[] done = new SavedIndexOption.Refreshed[1];
        SearchIndex index;
        try (Progress progress = Progress.start(spec, "shell", "packages", listing.packages().size())) {
            index = savedIndex.refreshAndUse(paths, listing, threads.count(), progress, savedIndex.present(paths), err,
                    c -> SearchIndex.build(c.docs()), done);
        }
        Catalog catalog = done[0].result().catalog();
        ErrorReport errors = new ErrorReport(err);
        errors.reportAll(listing, catalog);
        ResourceCache cache = ResourceCache.builder((long) cacheMb << 20).codec(CacheCodecs.adaptive())
                .telemetry(Telemetry.get()).build();
        ShellSession session = new ShellSession(listing.packages(), catalog, index, cache);
        err.println(String.format(Locale.ROOT, "%,d resources in %,d packages; help lists the commands", index.size(),
                index.packageCount()));
        err.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && session.run(line, out); line = in.readLine()) {
            // each command prints its own answer
        }
        out.flush();
        return errors.exitCode();
    }
}
