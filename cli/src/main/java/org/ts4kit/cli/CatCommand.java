package org.ts4kit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ts4kit cat FILE KEY}: one resource's decompressed bytes to stdout. */
@Command(name = "cat", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Write one resource's decompressed bytes to stdout.")
final class CatCommand implements Callable<Integer> {
    /** Where the bytes go; tests point it at a buffer. */
    static OutputStream binaryOut = System.out;

    @Spec
    CommandSpec spec;

    @Mixin(name = StatsOption.NAME)
    StatsOption stats;

    @Parameters(index = "0", paramLabel = "FILE", description = PackageArgument.DESCRIPTION)
    Path file;

    @Parameters(index = "1", paramLabel = "KEY", converter = KeyConverter.class,
            description = "The resource key TYPE:GROUP:INSTANCE in hex, e.g. 220557DA:80000000:0021000000000001.")
    ResourceKey key;

    @Override
    public Integer call() throws IOException {
        ErrorReport problems = new ErrorReport(spec.commandLine().getErr());
        try (PackageArgument arg = PackageArgument.open(file, spec.commandLine())) {
            DbpfPackage pkg = arg.pkg();
            int e = pkg.index().find(key);
            if (e < 0) {
                problems.report(file.toString(), pkg.header().indexPosition(), "no resource " + key + " in the index");
                return problems.exitCode();
            }
            byte[] bytes = pkg.read(e);
            binaryOut.write(bytes);
            binaryOut.flush();
        } catch (IOException ex) {
            problems.report(file.toString(), ex);
        }
        return problems.exitCode();
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
