package org.ts4kit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ts4kit.dbpf.BulkRead;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.resource.ResourceTypes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ts4kit extract FILE DIR [--force] [--threads N]}: every live resource to {@code DIR/TTTTTTTT_GGGGGGGG_IIIIIIIIIIIIIIII.ext}.
 * Names are built from hex digits only, and each file is created new directly in DIR through
 * {@link OutputFolder}: nothing in DIR is written through or replaced unless {@code --force} says so.
 * A file that cannot be written is an error line (exit 1) and the others are still written; a DIR
 * that is not a folder is a usage error (exit 2), reported before the package is read. Resources are
 * decoded and written on every core; error lines come in index order all the same.
 */
@Command(name = "extract", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Write every resource to DIR, one file per key.")
final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin(name = StatsOption.NAME)
    StatsOption stats;

    @Mixin
    ThreadsOption threads;

    @Parameters(index = "0", paramLabel = "FILE", description = PackageArgument.DESCRIPTION)
    Path file;

    @Parameters(index = "1", paramLabel = "DIR", description = "Output folder (created when missing).")
    Path dir;

    @Option(names = "--force", description = "Replace files already in DIR (a symbolic link there is replaced itself, "
            + "never followed; a folder is never replaced). Without it they are left as they are and reported.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ErrorReport problems = new ErrorReport(err);
        Path root = dir.toAbsolutePath().normalize();
        int written = 0;
        int deleted = 0;
        try {
            OutputFolder.check(root);
            try (PackageArgument arg = PackageArgument.open(file, spec.commandLine());
                    Progress progress = Progress.start(spec, "extract", "resources", arg.pkg().index().liveCount())) {
                DbpfPackage pkg = arg.pkg();
                OutputFolder out = OutputFolder.create(root, force);
                DbpfIndex idx = pkg.index();
                String[] names = fileNames(idx); // in index order, before any thread: a repeated key's ~k follows the index
                int[] done = new int[2]; // written, deleted: counted by the sink, on this thread
                // decode and write on every thread; errors and progress in index order on this one
                BulkRead.run(pkg, BulkRead.ALL, threads.count(), (i, reader) -> {
                    if (idx.isDeleted(i)) {
                        return -1;
                    }
                    ByteBuffer bytes = reader.read(i);
                    int size = bytes.remaining();
                    out.write(names[i], bytes);
                    return size;
                }, (i, size, error) -> {
                    if (error == null && size < 0) {
                        done[1]++;
                        return;
                    }
                    if (error == null) {
                        done[0]++;
                        progress.advanced(1, size);
                        return;
                    }
                    progress.clear(); // the error line must not share the bar's line
                    if (error instanceof FileSystemException e) { // this one file; the others are still written
                        problems.notWritten(e);
                    } else {
                        problems.report(file.toString(), error);
                    }
                    progress.advanced(1, 0);
                });
                written = done[0];
                deleted = done[1];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.report(file.toString(), new java.io.InterruptedIOException("interrupted"));
            } catch (IOException e) {
                problems.report(file.toString(), e);
            }
        } catch (OutputFolder.Unusable e) {
            err.println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        err.println("extracted " + written + " resources to " + root + (deleted > 0 ? " (" + deleted + " deleted entries skipped)" : ""));
        return problems.exitCode();
    }

    /** A file extension that lets the user's tools open what they extracted. */
    static String extension(int type) {
        switch (type) {
            case ResourceTypes.STRING_TABLE:
                return ".stbl";
            case ResourceTypes.SIM_DATA:
                return ".simdata";
            case ResourceTypes.PNG_IMAGE:
                return ".png";
            case ResourceTypes.DST_IMAGE:
                return ".dds";
            case ResourceTypes.RLE2_IMAGE:
                return ".rle2";
            case ResourceTypes.NAME_MAP:
                return ".namemap";
            default:
                return ResourceTypes.isTuning(type) ? ".xml" : ".bin";
        }
    }

    /**
     * {@code TTTTTTTT_GGGGGGGG_IIIIIIIIIIIIIIII.ext}; the k-th repeat of a key in this run gets {@code ~k}
     * before the extension, straight from the count in {@code seen} (probing {@code ~1}, {@code ~2}, ...
     * made a package holding one key 20,000 times quadratic). A key's name is hex digits, {@code _} and
     * an extension, so a {@code ~k} name can never be another key's; a file already on disk under it
     * is {@link OutputFolder}'s to report.
     */
    static String[] fileNames(DbpfIndex idx) {
        Map<String, Integer> seen = new HashMap<>();
        String[] names = new String[idx.size()];
        for (int i = 0; i < idx.size(); i++) {
            if (!idx.isDeleted(i)) {
                names[i] = fileName(idx, i, seen);
            }
        }
        return names;
    }

    static String fileName(DbpfIndex idx, int i, Map<String, Integer> seen) {
        String name = idx.key(i).toString().replace(':', '_') + extension(idx.type(i));
        int repeat = seen.merge(name, 1, Integer::sum) - 1;
        if (repeat == 0) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot) + "~" + repeat + name.substring(dot);
    }
}
