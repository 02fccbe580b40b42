package org.ts4kit.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ts4kit.testkit.Seeds;

/** {@link Slots}, the segment's hash table over primitive arrays, agrees with a {@link HashMap} under random adds and removes. */
class SlotsTest {
    static LongStream seeds() {
        return Seeds.pinnedAndRun(1L, 2L);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void findsWhatAMapFinds(long seed) {
        Seeds.check(seed, () -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            Slots slots = new Slots();
            Map<Long, Integer> model = new HashMap<>(); // instance -> slot
            for (int op = 0; op < 200_000; op++) {
                long instance = rnd.nextInt(rnd.nextBoolean() ? 50 : 5000); // small key spaces: many collisions of reuse
                long hash = instance % 3 == 0 ? instance & 7 : Mix.entry(1, 2, 3, instance); // a third share 8 buckets
                int s = slots.find(hash, 1, 2, 3, instance);
                assertEquals(model.getOrDefault(instance, Slots.NONE), s, "find " + instance);
                if (s == Slots.NONE) {
                    byte[] frame = new byte[(int) (instance % 7)];
                    int added = slots.add(hash, 1, 2, 3, instance, frame);
                    assertSame(frame, slots.frame[added]);
                    assertEquals(frame.length + Slots.OVERHEAD, slots.weight(added));
                    model.put(instance, added);
                } else if (rnd.nextBoolean()) {
                    slots.remove(s);
                    model.remove(instance);
                }
                assertEquals(model.size(), slots.size());
            }
            // a filter rebuilt from the slots holds every live entry
            BloomFilter all = BloomFilter.create(model.size(), 0.01);
            slots.addAllTo(all);
            for (Map.Entry<Long, Integer> e : model.entrySet()) {
                assertEquals(true, all.mightContain(Segment.bloomHash(slots.hash(e.getValue()))));
            }
        });
    }
}
