package org.ts4kit.dbpf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ts4kit.simd.IndexKernels;
import org.ts4kit.testkit.Seeds;

/**
 * {@link DbpfIndex#find}: the first look-ups scan the key columns (SIMD), later ones use the hash
 * table built from the bulk key hashes. Both paths must give the first live entry of a key, and
 * the bulk hashes must be the single-key hash.
 */
class KeyLookupPathsTest {
    @Test
    void scanAndTableAgreeWithAPlainMapOnDuplicateAndDeletedKeys() throws Exception {
        long seed = Seeds.seed("KeyLookupPathsTest.scanAndTableAgree");
        SplittableRandom rnd = new SplittableRandom(seed);
        DbpfWriter w = DbpfWriter.inMemory();
        List<ResourceKey> written = new ArrayList<>();
        Map<ResourceKey, Integer> firstLive = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            // few distinct keys: repeats, and keys whose only copies are deleted
            ResourceKey key = new ResourceKey(rnd.nextInt(3), rnd.nextInt(2), rnd.nextLong(150));
            boolean deleted = rnd.nextInt(4) == 0;
            if (deleted) {
                w.addDeleted(key);
            } else {
                w.add(key, new byte[] {(byte) i}, Compression.NONE);
                firstLive.putIfAbsent(key, i);
            }
            written.add(key);
        }
        try (DbpfPackage pkg = DbpfPackage.open("keys", ByteBuffer.wrap(w.toByteArray()))) {
            DbpfIndex idx = pkg.index();
            // every key three times: the first 8 look-ups take the scan path, the rest the table
            for (int round = 0; round < 3; round++) {
                for (ResourceKey key : written) {
                    assertEquals(firstLive.getOrDefault(key, -1).intValue(), idx.find(key), key + " " + Seeds.reproduce(seed));
                }
            }
            assertEquals(-1, idx.find(new ResourceKey(7, 7, 7)), "a key that was never written");
            long[] bulk = new long[idx.size()];
            idx.keyHashes(bulk);
            for (int i = 0; i < idx.size(); i++) {
                assertEquals(IndexKernels.keyHash(idx.type(i), idx.group(i), idx.instance(i)), bulk[i], "entry " + i);
            }
        }
    }
}
