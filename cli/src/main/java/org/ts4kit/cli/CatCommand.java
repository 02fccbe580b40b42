package org.ts4kit.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ts4kit.dbpf.BulkRead;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ts4kit cat FILE KEY... [--threads N]}: resources' decompressed bytes to stdout, in the order of the keys. */
@Command(name = "cat", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Write resources' decompressed bytes to stdout, in the order of the keys.")
final class CatCommand implements Callable<Integer> {
    /** Where the bytes go; tests point it at a buffer. */
    static OutputStream binaryOut = System.out;

    @Spec
    CommandSpec spec;

    @Mixin(name = StatsOption.NAME)
    StatsOption stats;

    @Parameters(index = "0", paramLabel = "FILE", description = PackageArgument.DESCRIPTION)
    Path file;

    @Mixin
    ThreadsOption threads;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY", converter = KeyConverter.class,
            description = "Resource keys TYPE:GROUP:INSTANCE in hex, e.g. 220557DA:80000000:0021000000000001: their bytes "
                    + "one after another, in the order given (decoded on every core).")
    List<ResourceKey> keys;

    @Override
    public Integer call() throws IOException {
        ErrorReport problems = new ErrorReport(spec.commandLine().getErr());
        try (PackageArgument arg = PackageArgument.open(file, spec.commandLine())) {
            DbpfPackage pkg = arg.pkg();
            int[] entries = new int[keys.size()];
            for (int k = 0; k < entries.length; k++) {
                entries[k] = pkg.index().find(keys.get(k));
            }
            // whole resources wait for stdout: a window of one per thread (and one more) bounds the memory
            int t = threads.count();
            BulkRead.run(pkg, entries, t, t + 1, (e, reader) -> {
                if (e < 0) {
                    return null;
                }
                ByteBuffer bytes = reader.read(e);
                byte[] copy = new byte[bytes.remaining()]; // the reader's buffer is reused for its next entry
                bytes.get(copy);
                return copy;
            }, new Writer(pkg, problems));
        } catch (IOException | UncheckedIOException ex) {
            problems.report(file.toString(), ex instanceof UncheckedIOException u ? u.getCause() : (IOException) ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            problems.report(file.toString(), new InterruptedIOException("interrupted"));
        }
        return problems.exitCode();
    }

    /** Writes each resource to stdout in the order of the keys; a missing or corrupt one is an error line. */
    private final class Writer implements BulkRead.Sink<byte[]> {
        private final DbpfPackage pkg;
        private final ErrorReport problems;
        private int next;

        Writer(DbpfPackage pkg, ErrorReport problems) {
            this.pkg = pkg;
            this.problems = problems;
        }

        @Override
        public void accept(int entry, byte[] bytes, IOException error) {
            ResourceKey key = keys.get(next++);
            try {
                if (entry < 0) {
                    problems.report(file.toString(), pkg.header().indexPosition(), "no resource " + key + " in the index");
                } else if (error != null) {
                    problems.report(file.toString(), error);
                } else {
                    binaryOut.write(bytes);
                    binaryOut.flush();
                }
            } catch (IOException e) { // stdout closed: nothing more to write
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Parses KEY; a malformed key is a usage error (exit 2). */
    static final class KeyConverter implements CommandLine.ITypeConverter<ResourceKey> {
        @Override
        public ResourceKey convert(String value) {
            try {
                return ResourceKey.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
