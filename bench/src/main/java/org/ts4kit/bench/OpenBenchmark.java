package org.ts4kit.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ts4kit.dbpf.DbpfPackage;

/** Roadmap row "open a 500 MB package until its index is ready" (warm: the file is in the page cache). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OpenBenchmark {
    @Param({"500"})
    public int megabytes;

    private Path file;

    @Setup
    public void setUp() throws IOException {
        file = BigPackage.ofMegabytes(megabytes);
    }

    @Benchmark
    public int openUntilIndexReady() throws IOException {
        try (DbpfPackage p = DbpfPackage.open(file)) {
            return p.index().size();
        }
    }
}
