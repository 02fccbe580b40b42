package org.ts4kit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ts4kit.catalog.PackageRecord;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.io.CorruptInputException;
import org.ts4kit.io.ErrorLine;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.scan.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ts4kit find KEY PATH...}: every package that holds a key, and where in it. With a saved index
 * ({@code ts4kit index}) each package's Bloom filter over its keys is asked first, and only the packages
 * it does not rule out are opened; without one, every package is opened (its index only: nothing is decoded).
 */
@Command(name = "find", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Find the packages that hold a resource key, and the entries with it.",
                "With a saved index of the same PATHs (ts4kit index), only packages whose key filter may hold the key are opened."})
final class FindCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin(name = StatsOption.NAME)
    StatsOption stats;

    @Mixin
    SavedIndexOption savedIndex;

    @Parameters(index = "0", paramLabel = "KEY", description = "TYPE:GROUP:INSTANCE in hex.")
    String key;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Folders (searched recursively), .package files, .zip archives.")
    List<Path> paths;

    @Option(names = "--json", description = "JSON Lines: {\"package\":…,\"key\":…,\"entry\":…,\"offset\":…,\"fileSize\":…,\"memSize\":…,\"compression\":…}.")
    boolean json;

    @Option(names = "--threads", paramLabel = "N", description = "Threads reading changed packages into the saved index (default: every core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws InterruptedException {
        ResourceKey wanted;
        try {
            wanted = ResourceKey.parse(key);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ErrorReport errors = new ErrorReport(err);
        Listing listing = InputWalker.list(paths);
        listing.problems().forEach(errors::report);
        List<PackageInput> inputs = listing.packages();
        List<PackageRecord> records = null;
        SavedIndexOption.Refreshed refreshed = null;
        if (savedIndex.present(paths)) {
            try (Progress progress = Progress.start(spec, "find", "packages", inputs.size())) {
                refreshed = savedIndex.refresh(paths, listing, threads, progress, true, err);
            }
            records = refreshed.result().catalog().records();
        }
        int opened = 0;
        int holding = 0;
        for (int i = 0; i < inputs.size(); i++) {
            PackageRecord r = records == null ? null : records.get(i);
            if (r != null && !r.indexRead()) {
                r.problems().forEach(errors::report); // a package whose index does not read holds no key anyone can find
                continue;
            }
            if (r != null && !r.mayHold(wanted.type(), wanted.group(), wanted.instance())) {
                continue;
            }
            opened++;
            holding += print(inputs.get(i), wanted, out, errors) ? 1 : 0;
        }
        out.flush();
        if (refreshed != null) {
            err.println(refreshed.describe());
        }
        err.printf(Locale.ROOT, "%,d of %,d packages hold %s (%,d opened%s)%n", holding, inputs.size(), wanted, opened,
                records == null ? ", no saved index" : ", the others ruled out by their key filters");
        if (stats.enabled) {
            int without = inputs.size() - holding;
            err.printf(Locale.ROOT, "find: %,d packages listed, %,d opened, %,d hold the key; %,d false positives of %,d packages "
                    + "without it (%.4f%%)%n", inputs.size(), opened, holding, opened - holding, without,
                    without == 0 ? 0.0 : 100.0 * (opened - holding) / without);
        }
        err.flush();
        return errors.exitCode();
    }

    /** Prints the live entries of {@code input} with the key; whether there was one. */
    private boolean print(PackageInput input, ResourceKey wanted, PrintWriter out, ErrorReport errors) {
        try (DbpfPackage pkg = input.open()) {
            DbpfIndex idx = pkg.index();
            boolean found = false;
            for (int e : idx.entriesOfType(wanted.type())) {
                if (idx.isDeleted(e) || idx.group(e) != wanted.group() || idx.instance(e) != wanted.instance()) {
                    continue;
                }
                found = true;
                String compression = Compression.name(idx.compression(e));
                out.println(json
                        ? new Json().field("package", input.name()).field("key", wanted.toString()).field("entry", e)
                                .field("offset", idx.offset(e)).field("fileSize", idx.fileSize(e)).field("memSize", idx.memSize(e))
                                .field("compression", compression).toString()
                        : String.format(Locale.ROOT, "%s  %s  entry %d  offset %d  fileSize %d  memSize %d  %s",
                                ErrorLine.escape(input.name()), wanted, e, idx.offset(e), idx.fileSize(e), idx.memSize(e), compression));
            }
            return found;
        } catch (IOException e) {
            errors.report(input.location(), e);
            return false;
        } catch (InternalError e) {
            if (!CorruptInputException.isMappedFault(e)) {
                throw e;
            }
            errors.report(new Problem(input.location(), 0, CorruptInputException.FILE_CHANGED));
            return false;
        }
    }
}
