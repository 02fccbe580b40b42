package org.ts4kit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.testkit.corpus.CorpusGenerator;

/**
 * The generated package the benchmarks read, made once per size and kept in the temp folder, and
 * the "decode 1k resources" workload over it, defined once for the roadmap table and JMH.
 */
public final class BigPackage {
    private BigPackage() {
    }

    static Path ofMegabytes(int mb) throws IOException {
        return in(Path.of(System.getProperty("java.io.tmpdir"), "ts4kit-bench"), mb);
    }

    /** {@code dir/Big/big_MBmb.package}, generated when missing. */
    public static Path in(Path dir, int mb) throws IOException {
        return in(dir, mb, false);
    }

    /**
     * The large package of {@code mb} MB in {@code dir}, generated when missing; {@code compressed}: its
     * images compressed too (zlib mostly), so reading it all is mostly inflating, the full-read workload
     * ({@code dir/Big/big_MBmb_compressed.package}).
     */
    public static Path in(Path dir, int mb, boolean compressed) throws IOException {
        Path file = dir.resolve(CorpusGenerator.bigName(mb, compressed));
        if (!Files.exists(file)) {
            CorpusGenerator.generate(dir, 0, 5, mb, compressed, 1, org.ts4kit.telemetry.ProgressListener.NONE);
        }
        return file;
    }

    /** The first {@code max} entries stored with zlib or RefPack, in index order: the decode workload. */
    public static int[] firstCompressed(DbpfIndex index, int max) {
        int[] picks = new int[Math.min(max, index.size())];
        int n = 0;
        for (int i = 0; i < index.size() && n < picks.length; i++) {
            int c = index.compression(i);
            if (c == Compression.ZLIB || c == Compression.REFPACK) {
                picks[n++] = i;
            }
        }
        return Arrays.copyOf(picks, n);
    }
}
