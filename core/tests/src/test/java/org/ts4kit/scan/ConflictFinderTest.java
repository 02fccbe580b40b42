package org.ts4kit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.io.ByteSources;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.testkit.Seeds;

/**
 * Property: the conflicts a collection scan finds are what a plain map from key to packages says,
 * with enough keys that the finder's records span several slab pages.
 */
class ConflictFinderTest {
    private static final long SEED = Seeds.seed("ConflictFinderTest");

    @Test
    void conflictsMatchAPlainMapOverManyKeys() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        Listing listing = new Listing();
        Map<String, TreeSet<String>> holders = new TreeMap<>();
        Map<String, List<byte[]>> contents = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        for (int p = 0; p < 4; p++) {
            String name = "p" + p + ".package";
            DbpfWriter w = DbpfWriter.inMemory();
            for (int e = 0; e < 6_000; e++) {
                // a small key space, types with the top bit set included, so keys repeat across and within packages
                ResourceKey key = new ResourceKey(rnd.nextInt(3) == 0 ? 0x8000_0001 : 0x0000_0002, rnd.nextInt(2),
                        rnd.nextLong(12_000) | (rnd.nextBoolean() ? Long.MIN_VALUE : 0));
                byte[] data = {(byte) rnd.nextInt(2)}; // two possible contents: some conflicts identical, some not
                w.add(key, data, Compression.NONE);
                holders.computeIfAbsent(key.toString(), k -> new TreeSet<>()).add(name);
                contents.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(data);
                copies.merge(key.toString(), 1, Integer::sum);
            }
            byte[] bytes = w.toByteArray();
            listing.packages.add(new PackageInput(name, name, bytes.length, options -> DbpfPackage.open(ByteSources.wrap(name, ByteBuffer.wrap(bytes)), options)));
        }
        List<String> expected = new ArrayList<>();
        holders.forEach((key, packages) -> {
            if (packages.size() > 1) {
                List<byte[]> all = contents.get(key);
                boolean identical = all.stream().allMatch(d -> Arrays.equals(d, all.get(0)));
                expected.add(key + " " + packages + " " + identical + " " + copies.get(key));
            }
        });
        for (int threads : new int[] {1, 2}) {
            List<String> found = new ArrayList<>();
            for (Conflict c : CollectionScan.run(listing, threads).conflicts()) {
                found.add(c.key() + " " + new TreeSet<>(c.packages()) + " " + c.identical() + " " + c.copies());
            }
            assertTrue(expected.size() > 1_000, "the property needs many conflicts: " + expected.size());
            assertEquals(expected, found, "seed=" + SEED + " threads=" + threads);
        }
    }
}
