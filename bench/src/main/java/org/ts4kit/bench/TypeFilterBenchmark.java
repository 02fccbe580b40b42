package org.ts4kit.bench;

import java.util.SplittableRandom;
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
import org.ts4kit.simd.IndexKernels;
import org.ts4kit.simd.IndexKernelsProvider;

/**
 * Roadmap row "SIMD type filter >= 4x its scalar twin on 1M entries": both twins over the same
 * type column (2% matches). The Vector API twin needs the incubator module in the fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TypeFilterBenchmark {
    private static final int STBL = 0x220557DA;

    @Param({"scalar", "simd"})
    public String kernel;

    private int[] types;
    private int[] out;
    private IndexKernels kernels;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(7);
        types = new int[1 << 20];
        for (int i = 0; i < types.length; i++) {
            types[i] = rnd.nextInt(50) == 0 ? STBL : rnd.nextInt();
        }
        out = new int[types.length];
        kernels = kernel.equals("simd") ? IndexKernelsProvider.get() : IndexKernelsProvider.scalar();
    }

    @Benchmark
    public int filterType() {
        return kernels.filterType(types, 0, types.length, STBL, out);
    }
}
