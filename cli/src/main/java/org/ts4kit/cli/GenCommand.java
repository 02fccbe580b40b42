package org.ts4kit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ts4kit.testkit.corpus.CorpusGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ts4kit gen DIR --packages N --seed S [--big-mb M [--big-compressed]]}: a deterministic demo corpus. A DIR that
 * is not a folder and cannot be made one is a usage error (exit 2), one line like every other.
 */
@Command(name = "gen", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Generate a deterministic demo corpus (packages, mod archives, broken files).")
final class GenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Output folder.")
    Path dir;

    @Option(names = "--packages", paramLabel = "N", defaultValue = "100", description = "Packages to write (default ${DEFAULT-VALUE}).")
    int packages;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--big-mb", paramLabel = "M", defaultValue = "0", description = "Also write one package of about M MB.")
    int bigMb;

    @Option(names = "--big-compressed", description = "Compress the large package's images too (zlib mostly, some RefPack), "
            + "as creator tools do: reading it is mostly inflating. Its name ends in _compressed.package.")
    boolean bigCompressed;

    @Option(names = "--size-factor", paramLabel = "F", defaultValue = "1", description = "F times the resources per package.")
    int sizeFactor;

    @Override
    public Integer call() {
        if (packages < 0 || bigMb < 0 || sizeFactor < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--packages and --big-mb must be >= 0, --size-factor >= 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            OutputFolder.createFolder(dir);
        } catch (OutputFolder.Unusable e) {
            err.println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        long t0 = System.nanoTime();
        List<String> files;
        try (Progress progress = Progress.start(spec, "gen", "packages", packages + (bigMb > 0 ? 1 : 0))) {
            files = CorpusGenerator.generate(dir, packages, seed, bigMb, bigCompressed, sizeFactor, progress);
        } catch (IOException e) { // disk full, a file in the way inside DIR: one line, not an exception's
            err.println(dir + ": cannot write the corpus: " + ErrorReport.describe(e));
            return 1;
        }
        long broken = files.stream().filter(l -> l.contains("\tbroken")).count();
        err.printf("wrote %d files (%d broken) to %s in %.1f s; manifest %s%n", files.size(), broken, dir,
                (System.nanoTime() - t0) / 1e9, dir.resolve(CorpusGenerator.MANIFEST));
        return 0;
    }
}
