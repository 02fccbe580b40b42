package org.ts4kit.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceReader;
import org.ts4kit.memory.ResourceBuffer;

/**
 * Roadmap row "decode 1k resources": the first 1,000 compressed (zlib and RefPack) resources of
 * the generated package, decoded by one {@link ResourceReader} into one reused buffer. Run with {@code -prof gc} to see the
 * bytes allocated per operation (the goal: near zero per resource in steady state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {
    private DbpfPackage pkg;
    private int[] entries;
    private final ResourceBuffer buffer = new ResourceBuffer();
    private ResourceReader reader;

    @Setup
    public void setUp() throws IOException {
        pkg = DbpfPackage.open(BigPackage.ofMegabytes(500));
        entries = BigPackage.firstCompressed(pkg.index(), 1000);
        reader = pkg.reader(buffer);
    }

    @TearDown
    public void tearDown() {
        pkg.close();
    }

    @Benchmark
    public long decode1k() throws DbpfFormatException {
        long bytes = 0;
        for (int e : entries) {
            bytes += reader.read(e).remaining();
        }
        return bytes;
    }
}
