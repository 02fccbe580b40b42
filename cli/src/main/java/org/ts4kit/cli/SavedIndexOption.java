package org.ts4kit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ts4kit.catalog.Catalog;
import org.ts4kit.catalog.IndexFormatException;
import org.ts4kit.catalog.IndexLocation;
import org.ts4kit.catalog.Rescan;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.io.ErrorLine;
import org.ts4kit.scan.Listing;
import org.ts4kit.telemetry.ProgressListener;
import picocli.CommandLine.Option;

/**
 * {@code --index FILE} and {@code --no-index}: which saved index a command uses (by default the one
 * {@code ts4kit index} wrote for the same inputs, in {@link IndexLocation#folder()}), and the one way
 * commands bring it up to date: load it, re-read only the packages whose file changed, save it back when
 * anything changed. A damaged, foreign or outdated file is said once on stderr and rebuilt, never trusted.
 */
final class SavedIndexOption {
    @Option(names = "--index", paramLabel = "FILE", description = "The saved index to use (default: the one `ts4kit index` made "
            + "for the same PATHs, in the cache folder).")
    Path file;

    @Option(names = "--no-index", description = "Ignore any saved index: read every package, save nothing.")
    boolean off;

    /** The file this command's inputs use. */
    Path fileFor(List<Path> roots) {
        return file != null ? file : IndexLocation.forRoots(roots);
    }

    /** Whether there is a saved index to use (the command then brings it up to date rather than reading everything). */
    boolean present(List<Path> roots) {
        return !off && java.nio.file.Files.isRegularFile(fileFor(roots));
    }

    /** What {@link #refresh} did, for the line a command prints. */
    record Refreshed(Rescan.Result result, Path file, long nanos, boolean saved) {
        String describe() {
            Rescan.Result r = result;
            return String.format(Locale.ROOT, "saved index %s: %,d packages unchanged, %,d read, %,d removed (%.2f s)%s",
                    ErrorLine.escape(file.toString()), r.kept(), r.read(), r.removed(), nanos / 1e9, saved ? "" : "; not saved");
        }
    }

    /** What a command computes from the records; it may meet a lying record of the saved index. */
    interface Use<T> {
        T apply(Catalog catalog) throws IndexFormatException;
    }

    /**
     * {@link #refresh}, then {@code use} on the records. A record of the saved index is parsed when first used: one
     * that lies is said on stderr, and the index is rebuilt from the packages (and saved when {@code save}) and used.
     */
    <T> T refreshAndUse(List<Path> roots, Listing listing, int threads, ProgressListener progress, boolean save,
            PrintWriter err, Use<T> use, Refreshed[] done) throws InterruptedException {
        done[0] = refresh(roots, listing, threads, progress, save, err);
        try {
            return use.apply(done[0].result().catalog());
        } catch (IndexFormatException e) {
            err.println(ErrorLine.of(e.file(), e.offset(), e.reason()) + "; rebuilding it");
            done[0] = refresh(roots, listing, threads, progress, save, err, false); // trust nothing of the file
            try {
                return use.apply(done[0].result().catalog());
            } catch (IndexFormatException impossible) {
                throw new IllegalStateException("records made by a walk are in memory", impossible);
            }
        }
    }

    /**
     * The collection's records, from the saved index where files are unchanged. With {@code save}, the
     * index is written back when anything changed (or when there was none: {@code ts4kit index}).
     */
    Refreshed refresh(List<Path> roots, Listing listing, int threads, ProgressListener progress, boolean save,
            PrintWriter err) throws InterruptedException {
        return refresh(roots, listing, threads, progress, save, err, true);
    }

    /** As above; without {@code readSaved} every package is read (and the result saved over the file when {@code save}). */
    private Refreshed refresh(List<Path> roots, Listing listing, int threads, ProgressListener progress, boolean save,
            PrintWriter err, boolean readSaved) throws InterruptedException {
        long start = System.nanoTime();
        Path target = fileFor(roots);
        String identity = Catalog.identity(roots, ReadOptions.defaults());
        Catalog previous = null;
        if (!off && readSaved) {
            try {
                previous = Catalog.load(target, identity);
            } catch (IndexFormatException e) {
                err.println(ErrorLine.of(e.file(), e.offset(), e.reason()) + "; rebuilding it");
            } catch (IOException e) {
                err.println(ErrorLine.escape(target.toString()) + ": cannot read the saved index (" + ErrorReport.describe(e)
                        + "); rebuilding it");
            }
        }
        Rescan.Result result = Rescan.run(previous, identity, listing.packages(), threads, progress);
        boolean saved = false;
        if (save && !off && (previous == null || result.changed())) {
            try {
                result.catalog().save(target);
                saved = true;
            } catch (IOException e) {
                err.println(ErrorLine.escape(target.toString()) + ": the saved index was not written (" + ErrorReport.describe(e) + ")");
            }
        }
        return new Refreshed(result, target, System.nanoTime() - start, saved || (previous != null && !result.changed()));
    }
}
