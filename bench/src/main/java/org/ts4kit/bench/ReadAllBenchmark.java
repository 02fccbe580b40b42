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
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceReader;
import org.ts4kit.memory.ResourceBuffer;

/**
 * Roadmap row "memory peak while reading a 500 MB package": every live resource of the package
 * decoded by one reader into one reused buffer. With {@code -Xmx32m} it shows the read fits the
 * heap budget; with {@code -prof gc} the bytes allocated for the whole package (the reader's
 * buffer grows to the largest resource once, in the first iteration).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx32m")
public class ReadAllBenchmark {
    private DbpfPackage pkg;
    private ResourceReader reader;

    @Setup
    public void setUp() throws IOException {
        pkg = DbpfPackage.open(BigPackage.ofMegabytes(500));
        reader = pkg.reader(new ResourceBuffer());
    }

    @TearDown
    public void tearDown() {
        pkg.close();
    }

    @Benchmark
    public long readAll() throws DbpfFormatException {
        DbpfIndex idx = pkg.index();
        long bytes = 0;
        for (int i = 0; i < idx.size(); i++) {
            if (!idx.isDeleted(i)) {
                bytes += reader.read(i).remaining();
            }
        }
        return bytes;
    }
}
