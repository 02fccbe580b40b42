package org.ts4kit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceReader;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.io.Sha256;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.resource.ResourceTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ts4kit ls FILE [--type T] [--json] [--hash]}: one line per index entry. */
@Command(name = "ls", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "List a package's entries, one per line.")
final class LsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin(name = StatsOption.NAME)
    StatsOption stats;

    @Parameters(index = "0", paramLabel = "FILE", description = PackageArgument.DESCRIPTION)
    Path file;

    @Option(names = "--type", paramLabel = "T", converter = TypeOption.class,
            description = "Only entries of this type: hex (220557DA) or a name (StringTable).")
    Integer type;

    @Option(names = "--json", description = "JSON Lines: type, group, instance, offset, fileSize, memSize, compression[, sha256].")
    boolean json;

    @Option(names = "--hash", description = "Add the SHA-256 of each entry's decompressed bytes (decodes every entry).")
    boolean hash;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Problems problems = new Problems(spec.commandLine().getErr());
        try (PackageArgument arg = PackageArgument.open(file, spec.commandLine())) {
            DbpfPackage pkg = arg.pkg();
            DbpfIndex idx = pkg.index();
            ResourceReader reader = pkg.reader(new ResourceBuffer());
            if (!json) {
                out.println(textHeader(hash));
            }
            for (int i = 0; i < idx.size(); i++) {
                if (type != null && idx.type(i) != type) {
                    continue;
                }
                String sha = null;
                if (!idx.isDeleted(i)) {
                    try {
                        if (hash) { // read() runs the same entry checks first
                            ByteBuffer bytes = reader.read(i);
                            sha = Sha256.hex(Sha256.digest(bytes));
                        } else {
                            pkg.checkEntry(i);
                        }
                    } catch (DbpfFormatException e) {
                        problems.report(e);
                    }
                }
                out.println(json ? jsonLine(idx, i, sha) : textLine(idx, i, sha));
            }
        } catch (IOException e) {
            problems.report(file.toString(), e);
        }
        out.flush();
        return problems.exitCode();
    }

    static String jsonLine(DbpfIndex idx, int i, String sha) {
        Json j = new Json()
                .field("type", ResourceKey.hex8(idx.type(i)))
                .field("group", ResourceKey.hex8(idx.group(i)))
                .field("instance", ResourceKey.hex16(idx.instance(i)))
                .field("offset", idx.offset(i))
                .field("fileSize", idx.fileSize(i))
                .field("memSize", idx.memSize(i))
                .field("compression", Compression.name(idx.compression(i)));
        if (sha != null) {
            j.field("sha256", sha);
        }
        return j.toString();
    }

    static String textLine(DbpfIndex idx, int i, String sha) {
        String name = ResourceTypes.name(idx.type(i));
        return String.format("%s %10d %9d %9d %-8s %s%s", idx.key(i), idx.offset(i), idx.fileSize(i), idx.memSize(i),
                Compression.name(idx.compression(i)), name == null ? "-" : name, sha == null ? "" : " " + sha);
    }

    /** The column names above {@link #textLine}'s columns, at the same widths (a key is 34 characters). */
    static String textHeader(boolean hash) {
        return String.format("%-34s %10s %9s %9s %-8s %s%s", "key", "offset", "fileSize", "memSize", "compress", "typeName",
                hash ? " sha256" : "");
    }
}
