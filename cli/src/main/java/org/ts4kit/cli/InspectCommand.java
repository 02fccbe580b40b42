package org.ts4kit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfHeader;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.resource.ResourceTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ts4kit inspect FILE}: header, then entry counts and bytes by type and by compression. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Show a package's header and what its index holds, by type and by compression.")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin(name = StatsOption.NAME)
    StatsOption stats;

    @Parameters(index = "0", paramLabel = "FILE", description = PackageArgument.DESCRIPTION)
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ErrorReport problems = new ErrorReport(spec.commandLine().getErr());
        try (PackageArgument arg = PackageArgument.open(file, spec.commandLine())) {
            DbpfPackage pkg = arg.pkg();
            DbpfHeader h = pkg.header();
            DbpfIndex idx = pkg.index();
            out.printf("file         %s%n", file);
            out.printf("size         %,d bytes%n", pkg.length());
            out.printf("format       DBPF %d.%d, index minor version %d%n", h.majorVersion(), h.minorVersion(), h.indexMinorVersion());
            out.printf("index        %,d entries at offset %,d (%,d bytes declared), flags 0x%X%n", idx.size(),
                    h.indexPosition(), h.indexSize(), idx.flags());
            Map<Integer, long[]> byType = new TreeMap<>(Integer::compareUnsigned);
            Map<String, long[]> byCompression = new TreeMap<>();
            for (int i = 0; i < idx.size(); i++) {
                add(byType.computeIfAbsent(idx.type(i), t -> new long[3]), idx, i);
                add(byCompression.computeIfAbsent(Compression.name(idx.compression(i)), c -> new long[3]), idx, i);
            }
            out.printf("live         %,d entries, %,d deleted%n", idx.liveCount(), idx.size() - idx.liveCount());
            out.println();
            out.printf("%-8s  %-22s %9s %15s %15s%n", "type", "name", "entries", "stored bytes", "memory bytes");
            for (Map.Entry<Integer, long[]> e : byType.entrySet()) {
                String name = ResourceTypes.name(e.getKey());
                long[] v = e.getValue();
                out.printf("%-8s  %-22s %,9d %,15d %,15d%n", ResourceKey.hex8(e.getKey()), name == null ? "-" : name, v[0], v[1], v[2]);
            }
            out.println();
            out.printf("%-12s %19s %15s %15s%n", "compression", "entries", "stored bytes", "memory bytes");
            for (Map.Entry<String, long[]> e : byCompression.entrySet()) {
                long[] v = e.getValue();
                out.printf("%-12s %,19d %,15d %,15d%n", e.getKey(), v[0], v[1], v[2]);
            }
        } catch (IOException e) {
            problems.report(file.toString(), e);
        }
        out.flush();
        return problems.exitCode();
    }

    private static void add(long[] acc, DbpfIndex idx, int i) {
        acc[0]++;
        if (!idx.isDeleted(i)) {
            acc[1] += idx.fileSize(i);
            acc[2] += idx.memSize(i);
        }
    }
}
