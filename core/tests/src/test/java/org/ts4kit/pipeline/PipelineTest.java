package org.ts4kit.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bounded pipeline: every item once, bounded memory, failures surface, nothing hangs. */
@Timeout(60) // hang guards, not performance assertions
class PipelineTest {
    @Test
    void everyItemReachesTheSinkExactlyOnce() throws Exception {
        List<Integer> seen = new ArrayList<>();
        Pipeline.from(IntStream.range(0, 10_000).iterator())
                .stage("double", 3, i -> i * 2)
                .stage("to text", 2, i -> "#" + i)
                .run(s -> seen.add(Integer.parseInt(s.substring(1)) / 2), 8);
        Collections.sort(seen);
        assertEquals(IntStream.range(0, 10_000).boxed().collect(Collectors.toList()), seen);
    }

    @Test
    void aSlowSinkHoldsTheSourceBack() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger maxAhead = new AtomicInteger();
        Iterator<Integer> source = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return produced.get() < 2_000;
            }

            @Override
            public Integer next() {
                int ahead = produced.incrementAndGet() - consumed.get();
                maxAhead.accumulateAndGet(ahead, Math::max);
                return ahead;
            }
        };
        Pipeline.from(source).stage("pass", 2, i -> i).run(i -> {
            consumed.incrementAndGet();
            Thread.onSpinWait();
        }, 4);
        // three queues of 4, two stage threads holding one each, the source and the sink one each
        assertTrue(maxAhead.get() <= 3 * 4 + 2 + 2, "items in flight: " + maxAhead.get());
    }

    @Test
    void aFailingStageStopsThePipelineAndIsRethrown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                Pipeline.from(IntStream.range(0, 100_000).iterator())
                        .stage("fail at 500", 2, i -> {
                            if (i == 500) {
                                throw new IllegalArgumentException("bad item 500");
                            }
                            return i;
                        })
                        .run(i -> { }, 16));
        assertEquals("bad item 500", e.getMessage());
    }

    @Test
    void anEmptySourceEndsAtOnce() throws Exception {
        List<Object> seen = new ArrayList<>();
        Pipeline.from(Collections.emptyIterator()).stage("x", 4, o -> o).run(seen::add, 1);
        assertTrue(seen.isEmpty());
    }
}
