package org.ts4kit.bench;

import java.util.Arrays;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.ts4kit.search.PackageDocs;
import org.ts4kit.search.Query;
import org.ts4kit.search.QueryParser;
import org.ts4kit.search.QuerySyntaxException;
import org.ts4kit.search.SearchIndex;

/**
 * The search rows of the roadmap table, and the queries {@link SearchBenchmark} times: a mix of what a
 * curator asks (a name word, a type with text, a prefix with a negation, a phrase, an OR under a type, an
 * exact instance and an exact key), built on {@link SyntheticDocs}.
 */
final class SearchTimes {
    private SearchTimes() {
    }

    /** The query mix over {@code index}; the instance and key ones name a resource that exists. */
    static Query[] queries(SearchIndex index) throws QuerySyntaxException {
        int r = index.size() / 2;
        String key = String.format("%08X:%08X:%016X", index.type(r), index.group(r), index.instance(r));
        String[] text = {
            "name:buff", "type:StringTable text:w3", "w12* -pkg:deaderpool", "text:\"w1 w2\"",
            "(name:trait OR name:buff) type:0333406C", "instance:" + String.format("%016X", index.instance(r)), key,
        };
        Query[] q = new Query[text.length];
        for (int i = 0; i < text.length; i++) {
            q[i] = QueryParser.parse(text[i]);
        }
        return q;
    }

    /** Median milliseconds per query of the mix, after a warm-up, over {@code rounds} rounds. */
    static double queryMillis(SearchIndex index, int rounds) throws QuerySyntaxException {
        Query[] queries = queries(index);
        long sink = 0;
        for (int w = 0; w < 200; w++) {
            for (Query q : queries) {
                sink += index.match(q).getCardinality();
            }
        }
        double[] perQuery = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (Query q : queries) {
                RoaringBitmap hits = index.match(q);
                sink += hits.getCardinality();
            }
            perQuery[round] = (System.nanoTime() - start) / 1e6 / queries.length;
        }
        if (sink == 42) {
            System.out.print("");
        }
        Arrays.sort(perQuery);
        return perQuery[rounds / 2];
    }

    /** Resources indexed per second on one thread, building from packages already in memory (median of runs). */
    static double buildPerSecond(List<PackageDocs> docs, int runs) {
        double[] rate = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            SearchIndex index = SearchIndex.build(docs);
            rate[i] = index.size() / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rate);
        return rate[runs / 2];
    }
}
