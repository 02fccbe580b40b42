package org.ts4kit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ts4kit.dbpf.BulkRead;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceReader;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.io.Sha256;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.resource.NameMap;
import org.ts4kit.resource.PackageNames;
import org.ts4kit.resource.ResourceDetails;
import org.ts4kit.resource.ResourceTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ts4kit ls FILE [--type T] [--json] [--hash] [--details] [--threads N]}: one line per index entry.
 * With {@code --hash} or {@code --details} the entries are decoded on every core ({@link BulkRead}),
 * the lines still in index order.
 */
@Command(name = "ls", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "List a package's entries, one per line.")
final class LsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin(name = StatsOption.NAME)
    StatsOption stats;

    @Mixin
    ThreadsOption threads;

    @Parameters(index = "0", paramLabel = "FILE", description = PackageArgument.DESCRIPTION)
    Path file;

    @Option(names = "--type", paramLabel = "T", converter = TypeOption.class,
            description = "Only entries of this type: hex (220557DA) or a name (StringTable).")
    Integer type;

    @Option(names = "--json", description = "JSON Lines: type, group, instance, offset, fileSize, memSize, compression[, sha256][, name, width, height].")
    boolean json;

    @Option(names = "--hash", description = "Add the SHA-256 of each entry's decompressed bytes (decodes every entry).")
    boolean hash;

    @Option(names = "--details", description = "Add each entry's name (tuning n=, else the package's name map) and an image's "
            + "width and height: text columns width, height, name (- when unknown); JSON keys name, width, height when known. "
            + "Decodes the tuning, name map and image entries.")
    boolean details;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ErrorReport problems = new ErrorReport(spec.commandLine().getErr());
        try (PackageArgument arg = PackageArgument.open(file, spec.commandLine())) {
            DbpfPackage pkg = arg.pkg();
            DbpfIndex idx = pkg.index();
            ResourceReader reader = pkg.reader(new ResourceBuffer());
            if (!json) {
                out.println(textHeader(hash, details));
            }
            PackageNames names = details ? PackageNames.load(pkg, reader) : PackageNames.NONE;
            int[] entries = type == null ? BulkRead.ALL : idx.entriesOfType(type); // the SIMD type filter
            // decoding and hashing on every thread, lines in index order; the index alone is one thread's work
            int workers = hash || details ? threads.count() : 1;
            BulkRead.run(pkg, entries, workers, (i, r) -> line(pkg, r, names, i),
                    (i, line, error) -> (line != null ? line : unread(idx, i, error)).print(out, problems));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.report(file.toString(), new java.io.InterruptedIOException("interrupted"));
        } catch (IOException e) {
            problems.report(file.toString(), e);
        }
        out.flush();
        return problems.exitCode();
    }

    /** One entry's output line, and the error that left its hash or details out (reported first). */
    private record Line(String text, DbpfFormatException problem) {
        void print(PrintWriter out, ErrorReport problems) {
            if (problem != null) {
                problems.report(problem);
            }
            out.println(text);
        }
    }

    /** Entry {@code i}'s line when reading it failed outside the decode (the file shrank under its mapping): no hash, no details. */
    private Line unread(DbpfIndex idx, int i, java.io.IOException error) {
        ResourceDetails none = details ? ResourceDetails.NONE : null;
        return new Line(json ? jsonLine(idx, i, null, none) : textLine(idx, i, null, none), (DbpfFormatException) error);
    }

    /** Entry {@code i}'s line, on whichever thread reads it; a decoding failure leaves the hash and details out. */
    private Line line(DbpfPackage pkg, ResourceReader reader, PackageNames names, int i) {
        DbpfIndex idx = pkg.index();
        String sha = null;
        ResourceDetails found = details ? ResourceDetails.NONE : null;
        DbpfFormatException problem = null;
        if (!idx.isDeleted(i)) {
            try {
                int t = idx.type(i);
                // a name map is decoded too, so that a broken one is reported like any entry --details reads
                boolean decode = hash || details && (ResourceDetails.readsBytes(t) || t == NameMap.TYPE);
                ByteBuffer bytes = decode ? reader.read(i) : null; // read() runs the same entry checks first
                if (!decode) {
                    pkg.checkEntry(i);
                }
                if (details) {
                    found = ResourceDetails.of(t, idx.instance(i), bytes, names);
                }
                if (hash) { // SHA-256 of the pooled buffer in place (the JDK's SHA-NI intrinsic)
                    sha = Sha256.hex(Sha256.digest(bytes));
                }
            } catch (DbpfFormatException e) {
                problem = e;
            }
        }
        return new Line(json ? jsonLine(idx, i, sha, found) : textLine(idx, i, sha, found), problem);
    }

    static String jsonLine(DbpfIndex idx, int i, String sha, ResourceDetails found) {
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
        if (found != null && found.hasName()) {
            j.field("name", found.name());
        }
        if (found != null && found.hasSize()) {
            j.field("width", found.width()).field("height", found.height());
        }
        return j.toString();
    }

    /** {@code found} is null without {@code --details}: then no detail columns at all. */
    static String textLine(DbpfIndex idx, int i, String sha, ResourceDetails found) {
        String name = ResourceTypes.name(idx.type(i));
        String line = String.format("%s %10d %9d %9d %-8s %s%s", idx.key(i), idx.offset(i), idx.fileSize(i), idx.memSize(i),
                Compression.name(idx.compression(i)), name == null ? "-" : name, sha == null ? "" : " " + sha);
        if (found == null) {
            return line;
        }
        // the name last: it may hold spaces, so it is the one column that is "the rest of the line"
        return line + " " + (found.hasSize() ? found.width() + " " + found.height() : "- -")
                + " " + (found.hasName() ? printable(found.name()) : "-");
    }

    /** Control characters (a lying name map may hold a newline) would break one line per entry. */
    static String printable(String s) {
        StringBuilder sb = null;
        for (int k = 0; k < s.length(); k++) {
            if (Character.isISOControl(s.charAt(k))) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(k, '?');
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** The column names above {@link #textLine}'s columns, at the same widths (a key is 34 characters). */
    static String textHeader(boolean hash, boolean details) {
        return String.format("%-34s %10s %9s %9s %-8s %s%s%s", "key", "offset", "fileSize", "memSize", "compress", "typeName",
                hash ? " sha256" : "", details ? " width height name" : "");
    }
}
