package org.ts4kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.ts4kit.catalog.Catalog;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.io.ErrorLine;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.search.Query;
import org.ts4kit.search.QueryParser;
import org.ts4kit.search.QuerySyntaxException;
import org.ts4kit.search.SearchIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ts4kit search QUERY PATH...}: the resources a query matches across folders, files and zips, one
 * line each, sorted by package then key. Uses the saved index of the same PATHs when there is one
 * ({@code ts4kit index}), reading only the packages that changed since.
 */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Find resources by type, group, instance, name, string-table text or package name.",
                "QUERY: terms AND-ed (a b), OR, -term or NOT term, (parentheses); fields type: (hex or a name like "
                        + "StringTable), group:, instance: (hex), name:, text:, pkg:, key:TTTTTTTT:GGGGGGGG:IIIIIIIIIIIIIIII; a bare "
                        + "word searches names and text; \"quoted words\"; a trailing * matches a prefix. Case-insensitive."})
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin(name = StatsOption.NAME)
    StatsOption stats;

    @Mixin
    ThreadsOption threads;

    @Mixin
    SavedIndexOption savedIndex;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The query (quote it for the shell).")
    String query;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Folders (searched recursively), .package files, .zip archives.")
    List<Path> paths;

    @Option(names = "--json", description = "JSON Lines: {\"package\":…,\"key\":…,\"type_name\":…,\"name\":…}.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N matches (default: all).")
    Integer limit;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit != null && limit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 0 or more, not " + limit);
        }
        Query parsed;
        try {
            parsed = QueryParser.parse(query);
        } catch (QuerySyntaxException e) {
            err.println("query: " + e.getMessage());
            err.println("  " + ErrorLine.escape(query));
            err.println("  " + " ".repeat(Math.min(e.position(), query.length())) + "^");
            err.flush();
            return 2;
        }
        Listing listing = InputWalker.list(paths);
        SavedIndexOption.Refreshed[] done = new SavedIndexOption.Refreshed[1];
        SearchIndex index;
        try (Progress progress = Progress.start(spec, "search", "packages", listing.packages().size())) {
            index = savedIndex.refreshAndUse(paths, listing, threads.count(), progress, savedIndex.present(paths), err,
                    c -> SearchIndex.build(c.docs()), done);
        }
        SavedIndexOption.Refreshed refreshed = done[0];
        Catalog catalog = refreshed.result().catalog();
        ErrorReport errors = new ErrorReport(err);
        errors.reportAll(listing, catalog);
        RoaringBitmap hits = index.match(parsed);
        long shown = 0;
        for (PeekableIntIterator it = hits.getIntIterator(); it.hasNext() && (limit == null || shown < limit); shown++) {
            out.println(line(index, it.next()));
        }
        out.flush();
        if (savedIndex.present(paths) || refreshed.saved()) {
            err.println(refreshed.describe());
        }
        err.printf(Locale.ROOT, "%,d of %,d resources match%s (%,d packages; %d broken inputs)%n", hits.getLongCardinality(),
                index.size(), shown < hits.getLongCardinality() ? ", " + shown + " shown" : "", index.packageCount(),
                listing.problems().size() + catalog.brokenCount());
        err.flush();
        return errors.exitCode();
    }

    private String line(SearchIndex index, int r) {
        String key = ResourceKey.format(index.type(r), index.group(r), index.instance(r));
        String typeName = ResourceTypes.name(index.type(r));
        String name = index.resourceName(r);
        if (json) {
            Json j = new Json().field("package", index.packageName(r)).field("key", key).field("type_name", typeName);
            return (name != null ? j.field("name", name) : j).toString();
        }
        // names come from files: control characters in them must not forge a line
        return ErrorLine.escape(index.packageName(r)) + "  " + key + "  " + (typeName == null ? "-" : typeName)
                + "  " + (name == null ? "-" : ErrorLine.escape(name));
    }
}
