package org.ts4kit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ts4kit.corpus.CorpusGenerator;

/** The generated package the benchmarks read, made once per size and kept in the temp folder. */
final class BigPackage {
    private BigPackage() {
    }

    static Path ofMegabytes(int mb) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ts4kit-bench");
        Path file = dir.resolve("Big").resolve("big_" + mb + "mb.package");
        if (!Files.exists(file)) {
            CorpusGenerator.generate(dir, 0, 5, mb);
        }
        return file;
    }
}
