package org.ts4kit.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ts4kit.search.PackageDocs;
import org.ts4kit.search.Query;
import org.ts4kit.search.SearchIndex;

/**
 * The search index at 10k, 100k and 1M resources ({@link SyntheticDocs}): {@code query} is the time per
 * query of {@link SearchTimes#queries}'s mix (targets: 0.1 ms at 10k, 5 ms at 1M), {@code build} the time
 * to index the collection from packages already in memory (target: 1M resources per second per core, so
 * at most 1 s per million).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class SearchBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int resources;

    private List<PackageDocs> docs;
    private SearchIndex index;
    private Query[] queries;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        docs = SyntheticDocs.collection(resources, 11);
        index = SearchIndex.build(docs);
        queries = SearchTimes.queries(index);
    }

    /** One pass over the 7 queries of the mix; JMH divides by 7: time per query. */
    @Benchmark
    @OperationsPerInvocation(7)
    public void query(Blackhole bh) {
        for (Query q : queries) {
            bh.consume(index.match(q).getCardinality());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public SearchIndex build() {
        return SearchIndex.build(docs);
    }
}
